// The one hand-written fake of the `electron` module (as Electron Fiddle keeps one). Vitest
// aliases `electron` to this file, so unit tests exercise the real main-process code in plain
// Node. It models only what the app uses, plus `simulate*` helpers that fire the events a real
// Electron would. Call `resetFakeElectron()` in `beforeEach`.
import { EventEmitter } from 'node:events';

// ---------------------------------------------------------------------------------------------
// webRequest / session

export interface FakeRequestDetails {
  id: number;
  url: string;
  method: string;
  resourceType: string;
  webContentsId?: number;
}
export type BeforeRequestListener = (
  details: FakeRequestDetails,
  callback: (response: { cancel?: boolean; redirectURL?: string }) => void,
) => void;
export type HeadersReceivedListener = (
  details: FakeRequestDetails & { responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void,
) => void;

let nextRequestId = 1;

export class FakeWebRequest {
  beforeRequest: { filter: { urls: string[] } | null; listener: BeforeRequestListener } | null = null;
  headersReceived: { filter: { urls: string[] } | null; listener: HeadersReceivedListener } | null = null;

  onBeforeRequest(filterOrListener: { urls: string[] } | BeforeRequestListener | null, maybeListener?: BeforeRequestListener | null): void {
    if (typeof filterOrListener === 'function') this.beforeRequest = { filter: null, listener: filterOrListener };
    else if (maybeListener) this.beforeRequest = { filter: filterOrListener, listener: maybeListener };
    else this.beforeRequest = null;
  }

  onHeadersReceived(filterOrListener: { urls: string[] } | HeadersReceivedListener | null, maybeListener?: HeadersReceivedListener | null): void {
    if (typeof filterOrListener === 'function') this.headersReceived = { filter: null, listener: filterOrListener };
    else if (maybeListener) this.headersReceived = { filter: filterOrListener, listener: maybeListener };
    else this.headersReceived = null;
  }

  /** Fires onBeforeRequest as Chromium would; resolves with what the listener decided. */
  simulateRequest(url: string, resourceType = 'mainFrame'): Promise<{ cancel?: boolean; redirectURL?: string }> {
    const registered = this.beforeRequest;
    if (!registered || (registered.filter && !registered.filter.urls.some((pattern) => matchesUrlPattern(pattern, url)))) {
      return Promise.resolve({});
    }
    return new Promise((resolve) => {
      registered.listener({ id: nextRequestId++, url, method: 'GET', resourceType }, resolve);
    });
  }

  /** Fires onHeadersReceived; resolves with the headers the listener returned. */
  simulateHeaders(url: string, responseHeaders: Record<string, string[]> = {}, resourceType = 'mainFrame'): Promise<{ cancel?: boolean; responseHeaders?: Record<string, string[]> }> {
    const registered = this.headersReceived;
    if (!registered) return Promise.resolve({ responseHeaders });
    return new Promise((resolve) => {
      registered.listener({ id: nextRequestId++, url, method: 'GET', resourceType, responseHeaders }, resolve);
    });
  }
}

/** Chromium URL patterns as used in webRequest filters: `*` matches any run of characters. */
export function matchesUrlPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return true;
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(url);
}

type PermissionRequestHandler = ((webContents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void) | null;
type PermissionCheckHandler = ((webContents: unknown, permission: string, origin: string, details?: unknown) => boolean) | null;

export class FakeSession extends EventEmitter {
  readonly webRequest = new FakeWebRequest();
  permissionRequestHandler: PermissionRequestHandler = null;
  permissionCheckHandler: PermissionCheckHandler = null;
  clearStorageDataCalls: unknown[] = [];
  clearCacheCalls = 0;
  userAgent = 'FakeChromium';

  constructor(readonly partition: string, readonly persistent: boolean) {
    super();
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  clearStorageData(options?: unknown): Promise<void> {
    this.clearStorageDataCalls.push(options ?? {});
    return Promise.resolve();
  }
  clearCache(): Promise<void> {
    this.clearCacheCalls += 1;
    return Promise.resolve();
  }
  setUserAgent(agent: string): void {
    this.userAgent = agent;
  }
  getUserAgent(): string {
    return this.userAgent;
  }

  /** Asks the permission handler as Chromium would; resolves with the decision. */
  simulatePermissionRequest(permission: string, webContents: unknown = null): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true); // Electron's default grants: that is the danger.
    return new Promise((resolve) => handler(webContents, permission, resolve, {}));
  }
}

const partitions = new Map<string, FakeSession>();

export const session = {
  defaultSession: new FakeSession('', true),
  fromPartition(partition: string, _options?: { cache?: boolean }): FakeSession {
    let found = partitions.get(partition);
    if (!found) {
      // As in Electron: only `persist:` partitions are written to disk.
      found = new FakeSession(partition, partition.startsWith('persist:'));
      partitions.set(partition, found);
    }
    return found;
  },
};

// ---------------------------------------------------------------------------------------------
// webContents / BrowserWindow

let nextWebContentsId = 1;

export interface FakeNavigationEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  url: string;
}

function navigationEvent(url: string): FakeNavigationEvent {
  return {
    defaultPrevented: false,
    url,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  url = '';
  destroyed = false;
  windowOpenHandler: WindowOpenHandler | null = null;
  sent: Array<{ channel: string; payload: unknown }> = [];
  loadedUrls: string[] = [];
  mainFrame: { url: string };

  constructor(readonly session: FakeSession, readonly owner: FakeBrowserWindow | null) {
    super();
    this.mainFrame = { url: '' };
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.url = url;
    this.mainFrame.url = url;
    return Promise.resolve();
  }
  loadFile(path: string): Promise<void> {
    return this.loadURL(`file://${path}`);
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload?: unknown): void {
    this.sent.push({ channel, payload });
  }
  openDevTools(): void {}
  stop(): void {}

  /** What `executeJavaScript` resolves with next (e.g. a page's text); tests set it. */
  executeJavaScriptResult: unknown = '';
  /** Set to make `executeJavaScript` reject, as it does when the page navigates away. */
  executeJavaScriptError: Error | null = null;
  executedScripts: string[] = [];
  executeJavaScript(code: string): Promise<unknown> {
    this.executedScripts.push(code);
    if (this.executeJavaScriptError) return Promise.reject(this.executeJavaScriptError);
    return Promise.resolve(this.executeJavaScriptResult);
  }

  /** Fires `will-navigate`; returns true when the app prevented it. */
  simulateWillNavigate(url: string): boolean {
    const event = navigationEvent(url);
    this.emit('will-navigate', event, url);
    if (!event.defaultPrevented) this.navigateTo(url);
    return event.defaultPrevented;
  }
  /** Fires `will-redirect`; returns true when the app prevented it. */
  simulateWillRedirect(url: string): boolean {
    const event = navigationEvent(url);
    this.emit('will-redirect', event, url, false, true);
    if (!event.defaultPrevented) this.navigateTo(url);
    return event.defaultPrevented;
  }
  /** Fires `will-frame-navigate` for a sub-frame; returns true when prevented. */
  simulateWillFrameNavigate(url: string, isMainFrame = false): boolean {
    const event = { ...navigationEvent(url), isMainFrame };
    this.emit('will-frame-navigate', event);
    return event.defaultPrevented;
  }
  /** Asks the window-open handler; returns its decision (Electron allows when none is set). */
  simulateWindowOpen(url: string): { action: 'allow' | 'deny' } {
    if (!this.windowOpenHandler) return { action: 'allow' };
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' });
  }
  simulateDidFailLoad(errorCode: number, errorDescription: string, url: string, isMainFrame = true): void {
    this.emit('did-fail-load', {}, errorCode, errorDescription, url, isMainFrame);
  }
  simulateDidNavigate(url: string): void {
    this.navigateTo(url);
  }
  /** Fires `did-navigate-in-page` (pushState, fragment change). */
  simulateDidNavigateInPage(url: string, isMainFrame = true): void {
    if (isMainFrame) {
      this.url = url;
      this.mainFrame.url = url;
    }
    this.emit('did-navigate-in-page', {}, url, isMainFrame);
  }
  /** Fires `did-finish-load` for the page now shown (navigate there first). */
  simulateDidFinishLoad(): void {
    this.emit('did-finish-load', {});
  }
  private navigateTo(url: string): void {
    this.url = url;
    this.mainFrame.url = url;
    this.emit('did-navigate', {}, url, 200, 'OK');
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export interface FakeBrowserWindowOptions {
  width?: number;
  height?: number;
  show?: boolean;
  title?: string;
  parent?: FakeBrowserWindow;
  modal?: boolean;
  webPreferences?: Record<string, unknown>;
  [key: string]: unknown;
}

const allWindows: FakeBrowserWindow[] = [];

export class FakeBrowserWindow extends EventEmitter {
  readonly id: number;
  readonly webContents: FakeWebContents;
  destroyed = false;
  visible = false;
  minimized = false;
  focused = false;
  title: string;

  constructor(readonly options: FakeBrowserWindowOptions = {}) {
    super();
    const prefs = options.webPreferences ?? {};
    const partition = typeof prefs['partition'] === 'string' ? prefs['partition'] : undefined;
    const sessionFromPrefs = prefs['session'] instanceof FakeSession ? prefs['session'] : undefined;
    const ownSession = sessionFromPrefs ?? (partition !== undefined ? session.fromPartition(partition) : session.defaultSession);
    this.webContents = new FakeWebContents(ownSession, this);
    this.id = this.webContents.id;
    this.title = options.title ?? '';
    allWindows.push(this);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return allWindows.filter((window) => !window.destroyed);
  }
  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return allWindows.find((window) => window.webContents === contents) ?? null;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  loadFile(path: string): Promise<void> {
    return this.webContents.loadFile(path);
  }
  show(): void {
    this.visible = true;
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  getTitle(): string {
    return this.title;
  }
  setMenuBarVisibility(_visible: boolean): void {}
  removeMenu(): void {}
  /** Like a user closing the window: `close`, then `closed`. */
  close(): void {
    if (this.destroyed) return;
    this.emit('close', { preventDefault() {} });
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
  /** Fires `ready-to-show`. */
  simulateReadyToShow(): void {
    this.emit('ready-to-show');
  }
}

export const BrowserWindow = FakeBrowserWindow;
export const webContents = {
  getAllWebContents: (): FakeWebContents[] => allWindows.map((window) => window.webContents),
};

// ---------------------------------------------------------------------------------------------
// app

class FakeApp extends EventEmitter {
  name = 'Org Token Helper for Slack';
  isPackaged = false;
  version = '0.0.0-test';
  locale = 'en-US';
  preferredSystemLanguages = ['en-US'];
  singleInstanceLock = true;
  quitCalls = 0;
  aboutPanelOptions: Record<string, unknown> | null = null;
  paths: Record<string, string> = { userData: '/tmp/org-token-helper-test', logs: '/tmp/org-token-helper-test/logs', temp: '/tmp' };
  ready = true;

  getName(): string {
    return this.name;
  }
  getVersion(): string {
    return this.version;
  }
  getLocale(): string {
    return this.locale;
  }
  getSystemLocale(): string {
    return this.locale;
  }
  getPreferredSystemLanguages(): string[] {
    return this.preferredSystemLanguages;
  }
  getPath(name: string): string {
    return this.paths[name] ?? `/tmp/org-token-helper-test/${name}`;
  }
  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  isReady(): boolean {
    return this.ready;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  exit(): void {
    this.quitCalls += 1;
  }
  setAboutPanelOptions(options: Record<string, unknown>): void {
    this.aboutPanelOptions = options;
  }
  showAboutPanel(): void {}
  setAppUserModelId(_id: string): void {}
  sandboxEnabled = false;
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
}

export const app = new FakeApp();

// ---------------------------------------------------------------------------------------------
// IPC

export interface FakeIpcMainInvokeEvent {
  sender: FakeWebContents | { id: number; getURL(): string };
  senderFrame: { url: string; parent?: unknown } | null;
  processId?: number;
  frameId?: number;
}

type InvokeHandler = (event: FakeIpcMainInvokeEvent, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls a registered handler as if a renderer had invoked it. */
  async simulateInvoke(channel: string, event: FakeIpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  invocations: Array<{ channel: string; args: unknown[] }> = [];
  invokeImpl: (channel: string, ...args: unknown[]) => Promise<unknown> = () => Promise.resolve(undefined);

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return this.invokeImpl(channel, ...args);
  }
  send(channel: string, ...args: unknown[]): void {
    this.invocations.push({ channel, args });
  }
}

export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(name: string, api: unknown): void {
    if (this.exposed.has(name)) throw new Error(`Cannot bind an API on top of an existing property '${name}'`);
    this.exposed.set(name, api);
  },
};

// ---------------------------------------------------------------------------------------------
// safeStorage, clipboard, shell, Menu, dialog

export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  encryptCalls: 0,
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    this.encryptCalls += 1;
    // Not real encryption, but never the plaintext bytes: tests that scan files must not find it.
    const bytes = Buffer.from(plain, 'utf8').map((byte, index) => byte ^ (0x5a + (index % 7)));
    return Buffer.concat([Buffer.from('FAKE1'), bytes]);
  },
  decryptString(cipher: Buffer): string {
    if (!this.available) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    if (cipher.subarray(0, 5).toString() !== 'FAKE1') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(cipher.subarray(5).map((byte, index) => byte ^ (0x5a + (index % 7)))).toString('utf8');
  },
};

export const clipboard = {
  text: '',
  // Asynchronous, as in Electron 45.
  readText(): Promise<string> {
    return Promise.resolve(this.text);
  },
  writeText(text: string): Promise<void> {
    this.text = text;
    return Promise.resolve();
  },
  clear(): void {
    this.text = '';
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  },
};

export interface FakeMenuItemOptions {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  submenu?: FakeMenuItemOptions[];
  click?: () => void;
  [key: string]: unknown;
}

export class FakeMenu {
  constructor(readonly template: FakeMenuItemOptions[]) {}
  static applicationMenu: FakeMenu | null = null;
  static buildFromTemplate(template: FakeMenuItemOptions[]): FakeMenu {
    return new FakeMenu(template);
  }
  static setApplicationMenu(menu: FakeMenu | null): void {
    FakeMenu.applicationMenu = menu;
  }
  static getApplicationMenu(): FakeMenu | null {
    return FakeMenu.applicationMenu;
  }
}
export const Menu = FakeMenu;

export const dialog = {
  messageBoxes: [] as unknown[],
  nextResponse: 0,
  showMessageBox(_window: unknown, options?: unknown): Promise<{ response: number; checkboxChecked: boolean }> {
    this.messageBoxes.push(options ?? _window);
    return Promise.resolve({ response: this.nextResponse, checkboxChecked: false });
  },
  showErrorBox(title: string, content: string): void {
    this.messageBoxes.push({ title, content });
  },
};

// ---------------------------------------------------------------------------------------------
// protocol

export const protocol = {
  privilegedSchemes: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
    this.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (this.handlers.has(scheme)) throw new Error(`The scheme '${scheme}' is already handled`);
    this.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  },
  /** Requests a URL through the registered handler, as the renderer would. */
  simulateFetch(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) return Promise.reject(new Error(`net::ERR_UNKNOWN_URL_SCHEME ${url}`));
    return Promise.resolve(handler(new Request(url, init)));
  },
};

// ---------------------------------------------------------------------------------------------

/** Puts every fake back to its initial state. */
export function resetFakeElectron(): void {
  partitions.clear();
  session.defaultSession = new FakeSession('', true);
  allWindows.length = 0;
  app.removeAllListeners();
  app.isPackaged = false;
  app.locale = 'en-US';
  app.preferredSystemLanguages = ['en-US'];
  app.singleInstanceLock = true;
  app.quitCalls = 0;
  app.aboutPanelOptions = null;
  app.sandboxEnabled = false;
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations = [];
  ipcRenderer.invokeImpl = () => Promise.resolve(undefined);
  contextBridge.exposed.clear();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.encryptCalls = 0;
  clipboard.text = '';
  shell.opened = [];
  FakeMenu.applicationMenu = null;
  dialog.messageBoxes = [];
  dialog.nextResponse = 0;
  protocol.privilegedSchemes = [];
  protocol.handlers.clear();
}

const electron = {
  app,
  BrowserWindow,
  webContents,
  session,
  ipcMain,
  ipcRenderer,
  contextBridge,
  safeStorage,
  clipboard,
  shell,
  Menu,
  dialog,
  protocol,
};

export default electron;
