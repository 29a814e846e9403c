// `launchApp({ slackOrigin })`: the whole app in real Chromium without Electron. The built
// renderer is served on 127.0.0.1; `window.orgTokenHelper` is wired to the real main-process
// handlers (createMainServices) through the same IPC guard; the sign-in window is a Chromium page
// whose https://localhost request is caught by the app's own capture code. Every browser spec
// and `npm run demo` use this one helper.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createMainServices, type MainServices } from '../../electron/main/ipc/channel-handlers';
import { createGuardedInvoker } from '../../electron/main/ipc/ipc-guard';
import { createLogger } from '../../electron/main/logging/logger';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/content-security-policy';
import { systemClock, type Clock, type SecretCipher } from '../../electron/main/seams';
import { SLACK_ORIGIN_OVERRIDE_ENV } from '../../electron/shared/slack-endpoints';
import { emitToPage, installBridge, type BridgeEvent } from './bridge';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromiumInstalled } from './chromium';
import { createChromiumSignInWindows, type ChromiumSignInWindows } from './chromium-sign-in-window';
import { createConfStoreFactory } from './conf-store-factory';
import { createHarnessCipher } from './harness-cipher';
import { createMemoryClipboard, type MemoryClipboard } from './memory-clipboard';
import { serveRenderer, type StaticServer } from './static-server';

export interface LaunchOptions {
  /** The simulated Slack, e.g. `http://127.0.0.1:5123`. */
  slackOrigin: string;
  /** Reuse a data folder to "reopen" the app; a fresh temp folder by default. */
  dataDir?: string;
  /** Stands in for the OS keychain; reuse it across relaunches like the real keychain. */
  cipher?: SecretCipher;
  /** The OS language the app sees. */
  systemLanguage?: 'en' | 'ko';
  headless?: boolean;
  clock?: Clock;
  slackTimeoutMs?: number;
  signInTimeoutMs?: number;
  viewport?: { width: number; height: number };
  /** Reuse a running browser (relaunch) instead of starting Chromium. */
  browser?: Browser;
  rendererDir?: string;
  /** Close the browser with the app (default: when this call started it). */
  closeBrowser?: boolean;
}

export interface LaunchedApp {
  page: Page;
  browser: Browser;
  dataDir: string;
  cipher: SecretCipher;
  clipboard: MemoryClipboard;
  /** Every URL the app asked the system browser to open. */
  externalUrls: string[];
  signInWindows: ChromiumSignInWindows;
  services: MainServices;
  /** Closes the window and the main-process side, then opens the app again on the same data. */
  relaunch(): Promise<LaunchedApp>;
  close(): Promise<void>;
}

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const WINDOW_SENDER_ID = 1;

export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  assertChromiumInstalled();
  const ownsBrowser = options.closeBrowser ?? !options.browser;
  const headless = options.headless ?? true;
  const browser =
    options.browser ??
    (await chromium.launch({ executablePath: CHROMIUM_PATH, headless, args: CHROMIUM_ARGS }));
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'org-token-helper-e2e-'));
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const cipher = options.cipher ?? createHarnessCipher();
  const clipboard = createMemoryClipboard();
  const externalUrls: string[] = [];
  const server: StaticServer = await serveRenderer(options.rendererDir ?? join(REPO_ROOT, 'out', 'renderer'), CONTENT_SECURITY_POLICY);

  const language = options.systemLanguage ?? 'en';
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1100, height: 800 },
    locale: language === 'ko' ? 'ko-KR' : 'en-US',
  });
  const page = await context.newPage();
  const signInWindows = createChromiumSignInWindows(browser);

  const services = createMainServices({
    storeFactory: createConfStoreFactory(dataDir),
    dataDir,
    cipher,
    clipboard,
    openExternal: async (url) => {
      externalUrls.push(url);
    },
    openSignInWindow: signInWindows.open,
    emit: (channel, payload) => emitToPage(page, channel, payload),
    env: { [SLACK_ORIGIN_OVERRIDE_ENV]: options.slackOrigin },
    allowSlackOverride: true,
    appVersion: '0.1.0-harness',
    platform: process.platform,
    preferredSystemLanguages: [language === 'ko' ? 'ko-KR' : 'en-US'],
    clock: options.clock ?? systemClock,
    logger: createLogger({ filePath: join(dataDir, 'logs', 'main.log') }),
    slackTimeoutMs: options.slackTimeoutMs,
    signInTimeoutMs: options.signInTimeoutMs,
  });

  // The same trusted-sender rule as in Electron: the app's own page, main frame, own origin.
  const isTrustedSender = (event: BridgeEvent): boolean =>
    event.sender.id === WINDOW_SENDER_ID && event.senderFrame.parent === null && new URL(event.senderFrame.url).origin === server.origin;
  const invoke = createGuardedInvoker(services.handlers, isTrustedSender);
  await installBridge(page, (event, channel, payload) => invoke(event, channel, payload), WINDOW_SENDER_ID);

  await page.goto(`${server.origin}/`);

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await services.dispose();
    await context.close().catch(() => undefined);
    await server.close();
    if (ownsBrowser) await browser.close().catch(() => undefined);
  };

  return {
    page,
    browser,
    dataDir,
    cipher,
    clipboard,
    externalUrls,
    signInWindows,
    services,
    close,
    async relaunch() {
      await services.dispose();
      await context.close().catch(() => undefined);
      await server.close();
      closed = true;
      return launchApp({ ...options, dataDir, cipher, browser, closeBrowser: ownsBrowser });
    },
  };
}
