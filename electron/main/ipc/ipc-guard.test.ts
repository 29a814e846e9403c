import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { IpcChannel, type ChannelHandlers } from '../../shared/ipc-contract';
import { ipcMain, resetFakeElectron, type FakeIpcMainInvokeEvent } from '../../../test/fakes/electron';
import {
  createGuardedInvoker,
  createTrustedSenderCheck,
  PLAIN_RESPONSE_CHANNELS,
  registerHandlers,
  REQUEST_FAILED,
  REQUEST_REJECTED,
  type GuardEvent,
  type GuardProblem,
} from './ipc-guard';

const TOKEN = 'xoxp-1111111111-2222222222-3333333333333-0123456789abcdef0123456789abcdef';
const MAIN_ID = 7;
const APP_PAGE = 'app://bundle/index.html';

type HandlerMocks = Record<string, ReturnType<typeof vi.fn>>;

function asHandlers(mocks: HandlerMocks): ChannelHandlers {
  return mocks as unknown as ChannelHandlers;
}

function fakeHandlers(): HandlerMocks {
  const handlers: Record<string, ReturnType<typeof vi.fn>> = {};
  for (const channel of Object.values(IpcChannel)) {
    handlers[channel] = vi.fn((request: unknown) => Promise.resolve({ ok: true, value: { echoed: request } }));
  }
  return handlers;
}

const isTrusted = createTrustedSenderCheck({ mainWebContentsId: () => MAIN_ID, isAppUrl: (url) => url.startsWith('app://bundle/') });

function event(overrides: Partial<GuardEvent> = {}): GuardEvent {
  return { sender: { id: MAIN_ID }, senderFrame: { url: APP_PAGE, parent: null }, ...overrides };
}

function setup() {
  const handlers = fakeHandlers();
  const problems: Array<[string, GuardProblem]> = [];
  const invoke = createGuardedInvoker(asHandlers(handlers), isTrusted, { onRejected: (channel, reason) => problems.push([channel, reason]) });
  return { handlers, problems, invoke };
}

describe('createGuardedInvoker', () => {
  it('passes a valid call from the app window to its handler, parsed', async () => {
    const { handlers, invoke } = setup();
    await expect(invoke(event(), IpcChannel.TestToken, { tokenId: 'tok_12345678' })).resolves.toEqual({ ok: true, value: { echoed: { tokenId: 'tok_12345678' } } });
    expect(handlers[IpcChannel.TestToken]).toHaveBeenCalledWith({ tokenId: 'tok_12345678' });
  });

  it('treats a missing payload as an empty request', async () => {
    const { handlers, invoke } = setup();
    await invoke(event(), IpcChannel.ListTokens, undefined);
    expect(handlers[IpcChannel.ListTokens]).toHaveBeenCalledWith({});
  });

  it.each([
    ['another web contents', event({ sender: { id: 99 } })],
    ['a sub-frame', event({ senderFrame: { url: APP_PAGE, parent: {} } })],
    ['a foreign page in the window', event({ senderFrame: { url: 'https://evil.test/', parent: null } })],
    ['a file:// page', event({ senderFrame: { url: 'file:///tmp/evil.html', parent: null } })],
    ['a vanished frame', event({ senderFrame: null })],
  ])('rejects %s without calling the handler', async (_label, untrusted) => {
    const { handlers, invoke, problems } = setup();
    await expect(invoke(untrusted, IpcChannel.RevealToken, { tokenId: 'tok_12345678' })).rejects.toThrow(REQUEST_REJECTED);
    expect(handlers[IpcChannel.RevealToken]).not.toHaveBeenCalled();
    expect(problems).toEqual([[IpcChannel.RevealToken, 'untrusted-sender']]);
  });

  it('rejects when looking at the frame throws (a disposed frame)', async () => {
    const { invoke } = setup();
    const disposed = {
      sender: { id: MAIN_ID },
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    } as unknown as GuardEvent;
    await expect(invoke(disposed, IpcChannel.ListTokens, {})).rejects.toThrow(REQUEST_REJECTED);
  });

  it.each([
    ['an extra key', IpcChannel.TestToken, { tokenId: 'tok_12345678', admin: true }],
    ['a wrong type', IpcChannel.AcceptWeakStorage, { accept: 'yes' }],
    ['an oversize string', IpcChannel.InspectLeakedToken, { token: `xoxp-${'a'.repeat(600)}` }],
    ['a malformed id', IpcChannel.RevokeToken, { tokenId: '../../etc' }],
    ['a non-object', IpcChannel.ListTokens, 'list'],
    ['an unknown language', IpcChannel.SetLanguage, { language: 'fr' }],
  ])('rejects a payload with %s', async (_label, channel, payload) => {
    const { handlers, invoke, problems } = setup();
    await expect(invoke(event(), channel, payload)).rejects.toThrow(REQUEST_REJECTED);
    expect(handlers[channel]).not.toHaveBeenCalled();
    expect(problems).toEqual([[channel, 'invalid-payload']]);
  });

  it('never echoes the payload in the rejection or the log', async () => {
    const { invoke, problems } = setup();
    const error = await invoke(event(), IpcChannel.InspectLeakedToken, { token: TOKEN, extra: TOKEN }).catch((caught: unknown) => caught);
    expect(String(error)).not.toContain(TOKEN);
    expect(JSON.stringify(problems)).not.toContain(TOKEN);
  });

  it('rejects unknown channels without repeating their name', async () => {
    const { invoke, problems } = setup();
    await expect(invoke(event(), 'vault:dump-everything', {})).rejects.toThrow(REQUEST_REJECTED);
    expect(problems).toEqual([['(unknown)', 'unknown-channel']]);
  });

  it('turns a thrown handler error into a generic failure Result, without its text', async () => {
    const { handlers, invoke, problems } = setup();
    handlers[IpcChannel.TestToken]?.mockRejectedValueOnce(new Error(`invalid_auth for ${TOKEN}`));
    const answer = await invoke(event(), IpcChannel.TestToken, { tokenId: 'tok_12345678' });
    expect(answer).toEqual({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain(TOKEN);
    expect(problems).toEqual([[IpcChannel.TestToken, 'handler-failed']]);
  });

  it('rejects with a generic error when a handler without a Result answer throws', async () => {
    const { handlers, invoke } = setup();
    handlers[IpcChannel.ListTokens]?.mockImplementationOnce(() => {
      throw new Error(`store read ${TOKEN}`);
    });
    const error = await invoke(event(), IpcChannel.ListTokens, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(REQUEST_FAILED);
    expect(String((error as Error).stack)).not.toContain(TOKEN);
  });

  it('knows which channels answer without a Result', () => {
    expect([...PLAIN_RESPONSE_CHANNELS].sort()).toEqual([IpcChannel.GetAppInfo, IpcChannel.GetSetupState, IpcChannel.ListTokens, IpcChannel.ResetSetup].sort());
  });

  it('works with the browser harness’s event shape', async () => {
    const handlers = fakeHandlers();
    const harnessCheck = (e: { sender: { id: number }; senderFrame: { url: string; parent: null | object } }): boolean =>
      e.sender.id === 1 && e.senderFrame.parent === null && new URL(e.senderFrame.url).origin === 'http://127.0.0.1:4000';
    const invoke = createGuardedInvoker(asHandlers(handlers), harnessCheck);
    await expect(invoke({ sender: { id: 1 }, senderFrame: { url: 'http://127.0.0.1:4000/', parent: null } }, IpcChannel.GetAppInfo, {})).resolves.toBeDefined();
    await expect(invoke({ sender: { id: -1 }, senderFrame: { url: 'http://127.0.0.1:4000/', parent: null } }, IpcChannel.GetAppInfo, {})).rejects.toThrow(REQUEST_REJECTED);
  });
});

describe('createTrustedSenderCheck', () => {
  it('trusts nobody before the main window exists', () => {
    const check = createTrustedSenderCheck({ mainWebContentsId: () => null, isAppUrl: () => true });
    expect(check(event())).toBe(false);
  });
});

describe('registerHandlers', () => {
  beforeEach(() => resetFakeElectron());

  function register() {
    const handlers = fakeHandlers();
    const onRejected = vi.fn();
    const unregister = registerHandlers(ipcMain as unknown as IpcMain, asHandlers(handlers), {
      isTrustedSender: isTrusted as unknown as Parameters<typeof registerHandlers>[2]['isTrustedSender'],
      onRejected,
    });
    return { handlers, onRejected, unregister };
  }

  function rendererEvent(overrides: Partial<FakeIpcMainInvokeEvent> = {}): FakeIpcMainInvokeEvent {
    return { sender: { id: MAIN_ID, getURL: () => APP_PAGE }, senderFrame: { url: APP_PAGE, parent: null }, ...overrides };
  }

  it('registers a guarded handler for every channel', () => {
    register();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(IpcChannel).sort());
  });

  it('answers a trusted call through Electron’s ipcMain', async () => {
    const { handlers } = register();
    await ipcMain.simulateInvoke(IpcChannel.SetLanguage, rendererEvent(), { language: 'ko' });
    expect(handlers[IpcChannel.SetLanguage]).toHaveBeenCalledWith({ language: 'ko' });
  });

  it('rejects an untrusted sender through Electron’s ipcMain', async () => {
    const { handlers, onRejected } = register();
    await expect(ipcMain.simulateInvoke(IpcChannel.CopyToken, rendererEvent({ sender: { id: 3, getURL: () => APP_PAGE } }), { tokenId: 'tok_12345678' })).rejects.toThrow(
      REQUEST_REJECTED,
    );
    expect(handlers[IpcChannel.CopyToken]).not.toHaveBeenCalled();
    expect(onRejected).toHaveBeenCalledWith(IpcChannel.CopyToken, 'untrusted-sender');
  });

  it('rejects calls with extra arguments', async () => {
    const { handlers } = register();
    await expect(ipcMain.simulateInvoke(IpcChannel.ListTokens, rendererEvent(), {}, { more: true })).rejects.toThrow(REQUEST_REJECTED);
    expect(handlers[IpcChannel.ListTokens]).not.toHaveBeenCalled();
  });

  it('can remove every handler again', () => {
    const { unregister } = register();
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
