// The application menu. The Edit menu's roles are what make copy and paste work in text fields
// on macOS; developer tools appear only in development. Labels come from `menu-strings.ts`, and
// the menu is rebuilt whenever the language changes.
import type { Menu, MenuItemConstructorOptions } from 'electron';
import { fill, type MenuStrings } from './menu-strings';

/** Slack's own page about apps installed on a whole Enterprise organization (allowlisted host). */
export const ORG_TOKENS_GUIDE_URL = 'https://api.slack.com/enterprise/apps';

export interface AppMenuOptions {
  platform: string;
  appName: string;
  t: MenuStrings;
  isPackaged: boolean;
  onAbout(): void;
  onOpenGuide(): void;
}

export function buildAppMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const { t } = options;
  const isMac = options.platform === 'darwin';
  const withApp = (template: string): string => fill(template, { app: options.appName });

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about', label: withApp(t.about) },
      { type: 'separator' },
      { role: 'hide', label: withApp(t.hide) },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.showAll },
      { type: 'separator' },
      { role: 'quit', label: withApp(t.quit) },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [{ role: 'close', label: t.close }, { type: 'separator' }, { role: 'quit', label: withApp(t.quit) }],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      ...(isMac ? [{ role: 'pasteAndMatchStyle', label: t.pasteAndMatchStyle } as const] : []),
      { role: 'selectAll', label: t.selectAll },
    ],
  };

  const developerItems: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [
        { role: 'reload', label: t.reload },
        { role: 'forceReload', label: t.forceReload },
        { role: 'toggleDevTools', label: t.toggleDevTools },
        { type: 'separator' },
      ];

  const viewMenu: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      ...developerItems,
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.toggleFullScreen },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    submenu: isMac
      ? [
          { role: 'minimize', label: t.minimize },
          { role: 'zoom', label: t.zoom },
          { type: 'separator' },
          { role: 'front', label: t.bringAllToFront },
        ]
      : [
          { role: 'minimize', label: t.minimize },
          { role: 'close', label: t.close },
        ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: t.help,
    submenu: [
      { label: t.orgTokenGuide, click: () => options.onOpenGuide() },
      { type: 'separator' },
      { label: withApp(t.about), click: () => options.onAbout() },
    ],
  };

  return [...(isMac ? [appMenu] : [fileMenu]), editMenu, viewMenu, windowMenu, helpMenu];
}

/** Builds and sets the menu; call again after a language change. */
export function installAppMenu(menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, options: AppMenuOptions): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildAppMenuTemplate(options)));
}
