// The one door between the renderer and the main process. Every call is checked before any
// handler runs: the channel must exist, the caller must be the app's own page in the main
// window's top frame, and the payload must match the channel's strict schema. A call that fails
// a check is a bug or an attack, so it gets a generic error with no details (and the payload is
// never echoed or logged). A handler that throws is answered with a generic failure too: its
// message might contain a token.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IpcChannel, requestSchemas, type ChannelHandlers, type ResponseOf, type Result } from '../../shared/ipc-contract';

/** What the guard needs from an invoke event; Electron's `IpcMainInvokeEvent` and the browser harness's fake both fit. */
export interface GuardEvent {
  sender: { id: number };
  senderFrame: { url: string; parent?: unknown } | null;
}

export type GuardProblem = 'unknown-channel' | 'untrusted-sender' | 'invalid-payload' | 'handler-failed';

export interface GuardOptions {
  /** One redacted line per problem: the channel (or `(unknown)`) and why. Never the payload. */
  onRejected?(channel: string, reason: GuardProblem): void;
}

export const REQUEST_REJECTED = 'Request rejected';
export const REQUEST_FAILED = 'Request failed';

const CHANNELS: ReadonlySet<string> = new Set(Object.values(IpcChannel));

type ResultChannel = { [C in IpcChannel]: ResponseOf<C> extends Result<unknown> ? C : never }[IpcChannel];
type PlainChannel = Exclude<IpcChannel, ResultChannel>;

/** Channels whose answer is not a `Result`: a failing handler there can only be a rejected promise. */
export const PLAIN_RESPONSE_CHANNELS = [IpcChannel.GetAppInfo, IpcChannel.GetSetupState, IpcChannel.ResetSetup, IpcChannel.ListTokens] as const satisfies readonly PlainChannel[];
// Fails to compile if a new non-Result channel is added to the contract but not to the list above.
const _everyPlainChannelListed: [Exclude<PlainChannel, (typeof PLAIN_RESPONSE_CHANNELS)[number]>] extends [never] ? true : never = true;

const PLAIN: ReadonlySet<string> = new Set(PLAIN_RESPONSE_CHANNELS);

function isTopFrameEvent(event: GuardEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || typeof frame.url !== 'string') return false;
  return frame.parent === null || frame.parent === undefined;
}

function passes(check: () => boolean): boolean {
  try {
    // Electron throws when a frame was disposed before we looked at it: that is a "no".
    return check() === true;
  } catch {
    return false;
  }
}

/**
 * The guard without Electron: `(event, channel, payload)` → the handler's answer. The Electron
 * registration below and the browser harness both call exactly this.
 */
export function createGuardedInvoker<E extends GuardEvent>(
  handlers: ChannelHandlers,
  isTrustedSender: (event: E) => boolean,
  options: GuardOptions = {},
): (event: E, channel: string, payload: unknown) => Promise<unknown> {
  const reject = (channel: string, reason: GuardProblem): never => {
    options.onRejected?.(channel, reason);
    throw new Error(REQUEST_REJECTED);
  };

  return async (event, channel, payload) => {
    if (typeof channel !== 'string' || !CHANNELS.has(channel)) return reject('(unknown)', 'unknown-channel');
    const known = channel as IpcChannel;
    if (!passes(() => isTopFrameEvent(event) && isTrustedSender(event))) return reject(known, 'untrusted-sender');

    const parsed = requestSchemas[known].safeParse(payload ?? {});
    if (!parsed.success) return reject(known, 'invalid-payload');

    const handler = handlers[known] as (request: unknown) => unknown;
    try {
      return await handler(parsed.data);
    } catch {
      options.onRejected?.(known, 'handler-failed');
      if (PLAIN.has(known)) throw new Error(REQUEST_FAILED);
      const failure: Result<never> = { ok: false, error: { code: 'internal' } };
      return failure;
    }
  };
}

/**
 * Who may call: the main window's own web contents, from its top frame, showing one of the
 * app's pages.
 */
export function createTrustedSenderCheck(options: { mainWebContentsId(): number | null; isAppUrl(url: string): boolean }): (event: GuardEvent) => boolean {
  return (event) => {
    const expected = options.mainWebContentsId();
    if (expected === null || event.sender.id !== expected) return false;
    if (!isTopFrameEvent(event) || !event.senderFrame) return false;
    return options.isAppUrl(event.senderFrame.url);
  };
}

/** Registers the guarded handler for every channel; returns a function that removes them all. */
export function registerHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: ChannelHandlers,
  options: GuardOptions & { isTrustedSender(event: IpcMainInvokeEvent): boolean },
): () => void {
  const invoke = createGuardedInvoker<IpcMainInvokeEvent>(handlers, options.isTrustedSender, options);
  const channels = Object.values(IpcChannel);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      // The preload always sends exactly one argument.
      if (args.length > 1) {
        options.onRejected?.(channel, 'invalid-payload');
        return Promise.reject(new Error(REQUEST_REJECTED));
      }
      return invoke(event, channel, args[0]);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
