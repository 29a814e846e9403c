// The composition root: Electron's objects come from the adapters, everything else is wired here.
// Order matters: guards are in place before the first window exists, and IPC handlers are
// registered before the page can call them.
import { join } from 'node:path';
import type { Language } from '../shared/ipc-contract';
import { createElectronClipboard } from './adapters/electron-clipboard';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from './adapters/electron-runtime';
import { createSystemBrowserOpener } from './adapters/electron-shell';
import { electronStoreFactory } from './adapters/electron-store-factory';
import { createSafeStorageCipher } from './adapters/safe-storage-cipher';
import { createMainServices, type MainDeps } from './ipc/channel-handlers';
import { createTrustedSenderCheck, registerHandlers } from './ipc/ipc-guard';
import { installCrashHandlers } from './logging/crash-handlers';
import { createLogger } from './logging/logger';
import { showAboutDialog } from './menu/about-dialog';
import { installAppMenu, ORG_TOKENS_GUIDE_URL } from './menu/app-menu';
import { menuStrings } from './menu/menu-strings';
import { createElectronSignInWindowOpener } from './oauth/electron-sign-in-window';
import { systemClock } from './seams';
import { APP_ENTRY_URL, createAppUrlCheck, installAppProtocol, registerAppScheme } from './security/app-protocol';
import { installContentSecurityPolicy } from './security/content-security-policy';
import { safeOpenExternal } from './security/external-links';
import { denyAllPermissions } from './security/permission-handler';
import { ensureSingleInstance } from './security/single-instance';
import { hardenAllWebContents } from './security/web-contents-hardening';
import { simulatedSlackOrigin, systemLanguageFrom } from './settings/settings-handlers';
import { createSettingsStore } from './settings/settings-store';
import { createMainWindow, createWindowEventSink, restoreAndFocus } from './window/main-window';

const APP_TITLE = 'Org Token Helper for Slack';

const logger = createLogger({ filePath: join(app.getPath('logs'), 'main.log') });
let language: Language = systemLanguageFrom(app.getPreferredSystemLanguages());
installCrashHandlers(process, { logger, showError: () => dialog.showErrorBox(menuStrings(language).crashTitle, menuStrings(language).crashBody) });

// Before `ready`: the privileged scheme and the sandbox for every renderer.
registerAppScheme(protocol);
app.enableSandbox();

let mainWindow: InstanceType<typeof BrowserWindow> | null = null;

if (ensureSingleInstance(app, () => restoreAndFocus(mainWindow))) {
  const devServerUrl = app.isPackaged ? null : (process.env['ELECTRON_RENDERER_URL'] ?? null);
  const isAppUrl = createAppUrlCheck(devServerUrl);
  const settings = createSettingsStore(electronStoreFactory);
  language = settings.getLanguage() ?? language;

  const env = process.env;
  const allowSlackOverride = !app.isPackaged;
  const simulatedOrigin = simulatedSlackOrigin({ env, allowSlackOverride, settings });
  const openSystemBrowser = createSystemBrowserOpener();
  const openAllowedExternal = (url: string): Promise<boolean> => safeOpenExternal(url, openSystemBrowser, simulatedOrigin ? [simulatedOrigin] : []);

  hardenAllWebContents(app, {
    isAppUrl,
    openAllowedExternal,
    // The sign-in window always has its own in-memory session; it guards itself.
    isSignInWindow: (contents) => contents.session !== session.defaultSession,
  });

  const rebuildMenu = (): void =>
    installAppMenu(Menu, {
      platform: process.platform,
      appName: app.getName(),
      t: menuStrings(language),
      isPackaged: app.isPackaged,
      onAbout: () =>
        void showAboutDialog(dialog, mainWindow, { appName: app.getName(), appVersion: app.getVersion(), versions: process.versions }, menuStrings(language)),
      onOpenGuide: () => void openAllowedExternal(ORG_TOKENS_GUIDE_URL),
    });

  void app.whenReady().then(() => {
    installAppProtocol(protocol, join(import.meta.dirname, '..', 'renderer'));
    denyAllPermissions(session.defaultSession);
    installContentSecurityPolicy(session.defaultSession, createAppUrlCheck(null));
    app.setAboutPanelOptions({ applicationName: app.getName(), applicationVersion: app.getVersion() });
    if (process.platform === 'win32') app.setAppUserModelId('dev.orgtokenhelper.app');
    rebuildMenu();

    const deps: MainDeps = {
      storeFactory: electronStoreFactory,
      dataDir: app.getPath('userData'),
      cipher: createSafeStorageCipher(),
      clipboard: createElectronClipboard(),
      openExternal: async (url) => {
        if (!(await openAllowedExternal(url))) throw new Error('Link not opened');
      },
      openSignInWindow: createElectronSignInWindowOpener({ BrowserWindow, session, parentWindow: () => mainWindow }),
      emit: createWindowEventSink(() => mainWindow),
      env,
      allowSlackOverride,
      appVersion: app.getVersion(),
      platform: process.platform,
      preferredSystemLanguages: app.getPreferredSystemLanguages(),
      clock: systemClock,
      logger,
      onLanguageChanged: (choice) => {
        language = choice ?? systemLanguageFrom(app.getPreferredSystemLanguages());
        rebuildMenu();
      },
    };
    const services = createMainServices(deps);

    registerHandlers(ipcMain, services.handlers, {
      isTrustedSender: createTrustedSenderCheck({
        mainWebContentsId: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.id : null),
        isAppUrl,
      }),
      onRejected: (channel, reason) => logger.warn(`IPC ${reason}: ${channel}`),
    });

    mainWindow = createMainWindow({
      BrowserWindow,
      preloadPath: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      rendererUrl: devServerUrl ?? APP_ENTRY_URL,
      isPackaged: app.isPackaged,
      title: APP_TITLE,
      isAppUrl,
      openAllowedExternal,
      onLoadFailed: () => logger.error('the app page could not be loaded'),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });

    // Stop timers and clear a token we left on the clipboard before the process goes away.
    let disposed = false;
    app.on('before-quit', (event) => {
      if (disposed) return;
      event.preventDefault();
      services
        .dispose()
        .catch((error: unknown) => logger.error('dispose failed', { error }))
        .finally(() => {
          disposed = true;
          app.quit();
        });
    });
  });

  // One window is the whole app: closing it quits, on macOS too.
  app.on('window-all-closed', () => app.quit());
}
