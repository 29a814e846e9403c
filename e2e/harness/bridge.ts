// Gives the page the same `window.orgTokenHelper` the preload exposes in Electron, built from the
// same method table, with every call going through the same guarded invoker to the real
// main-process handlers.
import type { Page } from 'playwright-core';
import { API_GLOBAL_NAME, API_METHODS, EVENT_SUBSCRIPTIONS } from '../../electron/shared/ipc-channels';

const INVOKE_BINDING = '__orgTokenHelperInvoke';
const EMIT_FUNCTION = '__orgTokenHelperEmit';

export interface BridgeEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: null | object };
}

export type BridgeInvoker = (event: BridgeEvent, channel: string, payload: unknown) => Promise<unknown>;

export async function installBridge(page: Page, invoke: BridgeInvoker, senderId: number): Promise<void> {
  await page.exposeBinding(INVOKE_BINDING, async (source, channel: unknown, payload: unknown) => {
    const frame = source.frame;
    const event: BridgeEvent = {
      sender: { id: source.page === page ? senderId : -1 },
      senderFrame: { url: frame.url(), parent: frame.parentFrame() ? {} : null },
    };
    return invoke(event, String(channel), payload);
  });
  // A string, not a function: tsx and other transpilers may inject helpers (such as esbuild's
  // `__name`) into a function's source, which would not exist inside the page.
  const config = JSON.stringify({
    methods: Object.entries(API_METHODS),
    events: Object.entries(EVENT_SUBSCRIPTIONS),
    globalName: API_GLOBAL_NAME,
    binding: INVOKE_BINDING,
    emitName: EMIT_FUNCTION,
  });
  await page.addInitScript({
    content: `(() => {
      const config = ${config};
      const listeners = new Map();
      const api = {};
      for (const [name, channel] of config.methods) {
        api[name] = (request) => window[config.binding](channel, request ?? {});
      }
      for (const [name, eventName] of config.events) {
        api[name] = (listener) => {
          const set = listeners.get(eventName) ?? new Set();
          listeners.set(eventName, set);
          set.add(listener);
          return () => set.delete(listener);
        };
      }
      Object.defineProperty(window, config.emitName, {
        value: (eventName, payload) => listeners.get(eventName)?.forEach((listener) => listener(payload)),
      });
      Object.defineProperty(window, config.globalName, { value: Object.freeze(api) });
    })();`,
  });
}

/** Pushes a main-process event to the page, as webContents.send does in Electron. */
export function emitToPage(page: Page, channel: string, payload: unknown): void {
  if (page.isClosed()) return;
  void page
    .evaluate(
      ({ emitName, channel: eventChannel, payload: eventPayload }) => {
        const emit = (window as unknown as Record<string, ((c: string, p: unknown) => void) | undefined>)[emitName];
        emit?.(eventChannel, eventPayload);
      },
      { emitName: EMIT_FUNCTION, channel, payload },
    )
    .catch(() => undefined);
}
