import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Menu, MenuItemConstructorOptions } from 'electron';
import { FakeMenu, resetFakeElectron } from '../../../test/fakes/electron';
import { isAllowedExternalUrl } from '../security/external-links';
import { buildAppMenuTemplate, installAppMenu, ORG_TOKENS_GUIDE_URL, type AppMenuOptions } from './app-menu';
import { menuStrings } from './menu-strings';

function options(overrides: Partial<AppMenuOptions> = {}): AppMenuOptions {
  return {
    platform: 'darwin',
    appName: 'Org Token Helper',
    t: menuStrings('en'),
    isPackaged: true,
    onAbout: vi.fn(),
    onOpenGuide: vi.fn(),
    ...overrides,
  };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  expect(menu, `menu ${label}`).toBeDefined();
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

const roles = (items: MenuItemConstructorOptions[]): Array<string | undefined> => items.filter((item) => item.type !== 'separator').map((item) => item.role);

describe('buildAppMenuTemplate', () => {
  it('gives macOS an app menu with about, hide and quit', () => {
    const template = buildAppMenuTemplate(options());
    expect(template[0]?.label).toBe('Org Token Helper');
    const items = submenu(template, 'Org Token Helper');
    expect(roles(items)).toEqual(['about', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(items.find((item) => item.role === 'quit')?.label).toBe('Quit Org Token Helper');
  });

  it('gives Windows and Linux a File menu instead', () => {
    const template = buildAppMenuTemplate(options({ platform: 'win32' }));
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(submenu(template, 'File'))).toContain('quit');
  });

  it('has an Edit menu whose roles make copy and paste work', () => {
    expect(roles(submenu(buildAppMenuTemplate(options()), 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'selectAll']);
    expect(roles(submenu(buildAppMenuTemplate(options({ platform: 'linux' })), 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('hides reload and developer tools in the released app', () => {
    const released = roles(submenu(buildAppMenuTemplate(options({ isPackaged: true })), 'View'));
    expect(released).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const development = roles(submenu(buildAppMenuTemplate(options({ isPackaged: false })), 'View'));
    expect(development).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('has a Window menu', () => {
    expect(roles(submenu(buildAppMenuTemplate(options()), 'Window'))).toEqual(['minimize', 'zoom', 'front']);
  });

  it('offers About and Slack’s guide in Help', () => {
    const onAbout = vi.fn();
    const onOpenGuide = vi.fn();
    const help = submenu(buildAppMenuTemplate(options({ onAbout, onOpenGuide })), 'Help');
    help.find((item) => item.label === 'About Org Token Helper')?.click?.({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledTimes(1);
    help.find((item) => item.label === 'Slack’s Guide to Org-Level Apps')?.click?.({} as never, undefined, {} as never);
    expect(onOpenGuide).toHaveBeenCalledTimes(1);
  });

  it('links the guide to an allowlisted https page', () => {
    expect(ORG_TOKENS_GUIDE_URL.startsWith('https://')).toBe(true);
    expect(isAllowedExternalUrl(ORG_TOKENS_GUIDE_URL)).toBe(true);
  });

  it('is translated into Korean', () => {
    const template = buildAppMenuTemplate(options({ t: menuStrings('ko') }));
    expect(template.map((item) => item.label)).toEqual(['Org Token Helper', '편집', '보기', '창', '도움말']);
    expect(submenu(template, '편집').find((item) => item.role === 'copy')?.label).toBe('복사하기');
  });
});

describe('installAppMenu', () => {
  beforeEach(() => resetFakeElectron());

  it('sets the application menu, and replaces it on a language change', () => {
    installAppMenu(FakeMenu as unknown as typeof Menu, options());
    expect(FakeMenu.getApplicationMenu()?.template[1]?.label).toBe('Edit');
    installAppMenu(FakeMenu as unknown as typeof Menu, options({ t: menuStrings('ko') }));
    expect(FakeMenu.getApplicationMenu()?.template[1]?.label).toBe('편집');
  });
});
