// The fully wired main process as the harness builds it (conf stores, AES cipher, memory
// clipboard), pointed at the simulated Slack, with a renderer-side caller that goes through the
// real IPC guard. Everything the renderer could see (answers, pushed events) is recorded, so a
// test can check that no secret ever reached it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createConfStoreFactory } from '../../../../e2e/harness/conf-store-factory';
import { createMemoryClipboard, type MemoryClipboard } from '../../../../e2e/harness/memory-clipboard';
import type { SimSlack } from '../../../../e2e/sim-slack/index';
import type { ChannelHandlers, IpcChannel, RequestOf, ResponseOf } from '../../../shared/ipc-contract';
import { SLACK_ORIGIN_OVERRIDE_ENV } from '../../../shared/slack-endpoints';
import { createLogger } from '../../logging/logger';
import type { Clock, SecretCipher } from '../../seams';
import { APP_ENTRY_URL, createAppUrlCheck } from '../../security/app-protocol';
import { createMainServices, type MainServices } from '../channel-handlers';
import { createGuardedInvoker, createTrustedSenderCheck, type GuardEvent } from '../ipc-guard';
import type { SimSignInWindow } from './sim-sign-in-window';

export const MAIN_WINDOW_ID = 1;

/** An invoke from the app's own page in the main window's top frame. */
export const TRUSTED_EVENT: GuardEvent = { sender: { id: MAIN_WINDOW_ID }, senderFrame: { url: APP_ENTRY_URL, parent: null } };

export interface WiredAppOptions {
  sim: SimSlack;
  dataDir: string;
  cipher: SecretCipher;
  clock: Clock;
  signInWindow: SimSignInWindow;
  slackTimeoutMs?: number;
}

export interface WiredApp {
  services: MainServices;
  /** What the renderer's `window.orgTokenHelper.*` does: one guarded invoke. */
  call<C extends IpcChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** A raw invoke, for calls the renderer would never make. */
  invoke(event: GuardEvent, channel: string, payload: unknown): Promise<unknown>;
  /** How often each channel's handler actually ran (after the guard let the call through). */
  handlerRuns: Map<string, number>;
  responses: { channel: string; value: unknown }[];
  events: { channel: string; payload: unknown }[];
  clipboard: MemoryClipboard;
  openedExternally: string[];
  logPath: string;
  dispose(): Promise<void>;
}

export function startWiredApp(options: WiredAppOptions): WiredApp {
  const { sim, dataDir, cipher, clock, signInWindow } = options;
  const logPath = join(dataDir, 'logs', 'main.log');
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const logger = createLogger({ filePath: logPath });
  const clipboard = createMemoryClipboard();
  const openedExternally: string[] = [];
  const events: WiredApp['events'] = [];
  const responses: WiredApp['responses'] = [];
  const handlerRuns = new Map<string, number>();

  const services = createMainServices({
    storeFactory: createConfStoreFactory(dataDir),
    dataDir,
    cipher,
    clipboard,
    openExternal: async (url) => {
      openedExternally.push(url);
    },
    openSignInWindow: signInWindow.open,
    emit: (channel, payload) => events.push({ channel, payload: structuredClone(payload) }),
    env: { [SLACK_ORIGIN_OVERRIDE_ENV]: sim.origin },
    allowSlackOverride: true,
    appVersion: '0.0.0-integration',
    platform: process.platform,
    preferredSystemLanguages: ['en-US'],
    clock,
    logger,
    slackTimeoutMs: options.slackTimeoutMs ?? 3_000,
    signInTimeoutMs: 5_000,
  });

  const counted = Object.fromEntries(
    Object.entries(services.handlers).map(([channel, handler]) => [
      channel,
      (request: unknown) => {
        handlerRuns.set(channel, (handlerRuns.get(channel) ?? 0) + 1);
        return (handler as (request: unknown) => unknown)(request);
      },
    ]),
  ) as unknown as ChannelHandlers;

  const isTrustedSender = createTrustedSenderCheck({ mainWebContentsId: () => MAIN_WINDOW_ID, isAppUrl: createAppUrlCheck(null) });
  // As in the Electron composition root: one redacted line per rejected call.
  const guarded = createGuardedInvoker(counted, isTrustedSender, { onRejected: (channel, reason) => logger.warn(`IPC ${reason}: ${channel}`) });

  const invoke = async (event: GuardEvent, channel: string, payload: unknown): Promise<unknown> => {
    const value = await guarded(event, channel, payload);
    responses.push({ channel, value: structuredClone(value) });
    return value;
  };

  function call<C extends IpcChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    return invoke(TRUSTED_EVENT, channel, request) as Promise<ResponseOf<C>>;
  }

  return {
    services,
    call,
    invoke,
    handlerRuns,
    responses,
    events,
    clipboard,
    openedExternally,
    logPath,
    dispose: () => services.dispose(),
  };
}
