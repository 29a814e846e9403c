// Builds `window.orgTokenHelper` from the shared method table: one purpose-named function per
// channel, each able to call only its own channel, and event subscriptions whose listeners get
// the payload alone (never Electron's event object, which would hand the page `sender`). No
// generic invoke is exposed. Imports nothing heavier than the channel table: this file is
// bundled into the sandboxed preload.
import { API_METHODS, EVENT_SUBSCRIPTIONS, type IpcChannel, type IpcEvent } from '../shared/ipc-channels';
import type { OrgTokenHelperApi } from '../shared/preload-api';

export type Invoke = (channel: IpcChannel, payload: unknown) => Promise<unknown>;
export type Subscribe = (event: IpcEvent, listener: (payload: unknown) => void) => () => void;

export function buildApi(invoke: Invoke, subscribe: Subscribe): OrgTokenHelperApi {
  const api: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(API_METHODS)) {
    api[name] = (request?: unknown) => invoke(channel, request ?? {});
  }
  for (const [name, event] of Object.entries(EVENT_SUBSCRIPTIONS)) {
    api[name] = (listener: unknown) => {
      if (typeof listener !== 'function') throw new TypeError('A listener function is required');
      return subscribe(event, (payload) => (listener as (payload: unknown) => void)(payload));
    };
  }
  return Object.freeze(api) as OrgTokenHelperApi;
}

/** The slice of `ipcRenderer` the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** `invoke`/`subscribe` over `ipcRenderer`: one argument out, the payload alone in. */
export function ipcRendererTransport(ipcRenderer: IpcRendererLike): { invoke: Invoke; subscribe: Subscribe } {
  return {
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe: (event, listener) => {
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
      ipcRenderer.on(event, wrapped);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipcRenderer.removeListener(event, wrapped);
      };
    },
  };
}
