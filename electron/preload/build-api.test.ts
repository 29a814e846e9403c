import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_GLOBAL_NAME, API_METHODS, EVENT_SUBSCRIPTIONS, IpcChannel, IpcEvent } from '../shared/ipc-channels';
import { contextBridge, ipcRenderer, resetFakeElectron } from '../../test/fakes/electron';
import { buildApi, ipcRendererTransport } from './build-api';

describe('buildApi', () => {
  it('exposes exactly one method per channel and one subscription per event', () => {
    const api = buildApi(vi.fn(), vi.fn());
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_METHODS), ...Object.keys(EVENT_SUBSCRIPTIONS)].sort());
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it.each(Object.entries(API_METHODS))('%s calls only %s', async (name, channel) => {
    const invoke = vi.fn(() => Promise.resolve('answer'));
    const api = buildApi(invoke, vi.fn()) as unknown as Record<string, (request?: unknown) => Promise<unknown>>;
    await expect(api[name]?.({ probe: name })).resolves.toBe('answer');
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith(channel, { probe: name });
  });

  it('sends an empty request when called without one', async () => {
    const invoke = vi.fn(() => Promise.resolve(undefined));
    const api = buildApi(invoke, vi.fn()) as unknown as Record<string, () => Promise<unknown>>;
    await api['listTokens']?.();
    expect(invoke).toHaveBeenCalledWith(IpcChannel.ListTokens, {});
  });

  it('subscribes each event name to its own event', () => {
    const subscribe = vi.fn(() => () => undefined);
    const api = buildApi(vi.fn(), subscribe) as unknown as Record<string, (listener: unknown) => () => void>;
    for (const [name, event] of Object.entries(EVENT_SUBSCRIPTIONS)) {
      api[name]?.(() => undefined);
      expect(subscribe).toHaveBeenLastCalledWith(event, expect.any(Function));
    }
  });

  it('refuses a subscription without a listener', () => {
    const api = buildApi(vi.fn(), vi.fn()) as unknown as Record<string, (listener: unknown) => () => void>;
    expect(() => api['onVaultChanged']?.('not a function')).toThrow(TypeError);
  });
});

describe('ipcRendererTransport', () => {
  beforeEach(() => resetFakeElectron());

  it('invokes with exactly one argument', async () => {
    await ipcRendererTransport(ipcRenderer).invoke(IpcChannel.TestToken, { tokenId: 'tok_12345678' });
    expect(ipcRenderer.invocations).toEqual([{ channel: IpcChannel.TestToken, args: [{ tokenId: 'tok_12345678' }] }]);
  });

  it('hands listeners the payload only, never the IPC event', () => {
    const listener = vi.fn();
    const api = buildApi(vi.fn(), ipcRendererTransport(ipcRenderer).subscribe);
    api.onVaultChanged(listener);
    const ipcEvent = { sender: { send: () => undefined }, senderId: 0 };
    ipcRenderer.emit(IpcEvent.VaultChanged, ipcEvent, { reason: 'saved' }, 'extra-argument');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ reason: 'saved' });
  });

  it('stops delivering after unsubscribe, and unsubscribing twice is harmless', () => {
    const listener = vi.fn();
    const api = buildApi(vi.fn(), ipcRendererTransport(ipcRenderer).subscribe);
    const unsubscribe = api.onLanguageChanged(listener);
    unsubscribe();
    unsubscribe();
    ipcRenderer.emit(IpcEvent.LanguageChanged, {}, { language: 'ko' });
    expect(listener).not.toHaveBeenCalled();
    expect(ipcRenderer.listenerCount(IpcEvent.LanguageChanged)).toBe(0);
  });

  it('keeps other listeners on the same event when one unsubscribes', () => {
    const first = vi.fn();
    const second = vi.fn();
    const api = buildApi(vi.fn(), ipcRendererTransport(ipcRenderer).subscribe);
    const stopFirst = api.onSignInProgress(first);
    api.onSignInProgress(second);
    stopFirst();
    ipcRenderer.emit(IpcEvent.SignInProgress, {}, { phase: 'exchanging' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ phase: 'exchanging' });
  });
});

describe('the preload script', () => {
  beforeEach(() => resetFakeElectron());

  it('exposes the API on window.orgTokenHelper and nothing else', async () => {
    // Runs the preload once, against the fake electron module.
    await import('./index');
    expect([...contextBridge.exposed.keys()]).toEqual([API_GLOBAL_NAME]);
    const api = contextBridge.exposed.get(API_GLOBAL_NAME) as Record<string, (request?: unknown) => Promise<unknown>>;
    await api['getAppInfo']?.({});
    expect(ipcRenderer.invocations).toEqual([{ channel: IpcChannel.GetAppInfo, args: [{}] }]);
  });
});
