// Wires every IPC channel to the service that answers it. Both the Electron composition root
// (`electron/main/index.ts`) and the browser harness (`e2e/harness/`) call `createMainServices`,
// so the harness runs the very same handlers the app does.
import { IpcChannel, IpcEvent, type ChannelHandlers, type Language } from '../../shared/ipc-contract';
import { resolveSlackEndpoints } from '../../shared/slack-endpoints';
import { createClipboardGuard } from '../clipboard/clipboard-guard';
import { createLeakedTokenHandlers } from '../revoke/leaked-token-service';
import { createRotationScheduler } from '../rotation/rotation-scheduler';
import type { ClipboardAccess, Clock, EventSink, OpenExternal, OpenSignInWindow, SecretCipher, StoreFactory, TokenVault } from '../seams';
import { safeOpenExternal } from '../security/external-links';
import { createSettingsHandlers, simulatedSlackOrigin } from '../settings/settings-handlers';
import { createSettingsStore } from '../settings/settings-store';
import { createSetupHandlers, createTokenTestHandler } from '../setup/setup-service';
import { createSlackGateway } from '../slack/slack-gateway';
import { createTokenVault } from '../vault/token-vault';
import { createVaultHandlers } from '../vault/vault-handlers';

export interface MainLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface MainDeps {
  storeFactory: StoreFactory;
  /** Folder for the vault's files (the app's userData in Electron). */
  dataDir: string;
  cipher: SecretCipher;
  clipboard: ClipboardAccess;
  /** The system browser; calls are allowlist-checked before they get here. */
  openExternal: OpenExternal;
  openSignInWindow: OpenSignInWindow;
  emit: EventSink;
  env: Record<string, string | undefined>;
  /** False in a packaged release build: ORG_TOKEN_HELPER_SLACK_ORIGIN is then ignored. */
  allowSlackOverride: boolean;
  appVersion: string;
  platform: string;
  preferredSystemLanguages: string[];
  clock: Clock;
  logger: MainLogger;
  onLanguageChanged?(language: Language | null): void;
  /** Slack calls give up after this long (default 15 s). */
  slackTimeoutMs?: number;
  /** The sign-in window gives up after this long (default 10 min, Slack's code lifetime). */
  signInTimeoutMs?: number;
}

export interface MainServices {
  handlers: ChannelHandlers;
  /** Stops timers (rotation, clipboard) and clears a secret we left on the clipboard. */
  dispose(): Promise<void>;
}

export function createMainServices(deps: MainDeps): MainServices {
  const { clock, emit } = deps;
  const settings = createSettingsStore(deps.storeFactory);
  const getEndpoints = () =>
    resolveSlackEndpoints({ region: settings.getSlackRegion(), env: deps.env, allowOverride: deps.allowSlackOverride });

  // The system browser only ever gets allowlisted https links (and, in development, the
  // simulated Slack): the authorize URL of the browser fallback goes through the same check.
  const simulatedOrigin = simulatedSlackOrigin({ env: deps.env, allowSlackOverride: deps.allowSlackOverride, settings });
  const openAllowedExternal = async (url: string): Promise<void> => {
    const opened = await safeOpenExternal(url, deps.openExternal, simulatedOrigin ? [simulatedOrigin] : []);
    if (!opened) throw new Error('Link not allowed');
  };

  const gateway = createSlackGateway({
    getEndpoints,
    timeoutMs: deps.slackTimeoutMs ?? 15_000,
    onRateLimitWait: (operation, secondsLeft) => emit(IpcEvent.RateLimitCountdown, { operation, secondsLeft }),
  });
  const vault = createTokenVault({ dataDir: deps.dataDir, cipher: deps.cipher, clock, logger: deps.logger });
  const clipboardGuard = createClipboardGuard({ clipboard: deps.clipboard, clock });
  const rotation = createRotationScheduler({
    vault,
    gateway,
    clock,
    emit,
    // Background refresh needs the app's secret, which exists only if the admin chose "remember".
    getClientSecret: (clientId) => vault.readClientSecret(clientId),
  });

  // A token saved by the setup may rotate: plan its refresh as soon as it exists. (The setup
  // service announces the save itself; announcing it here too made the vault screen reload twice.)
  const vaultForSetup: TokenVault = {
    status: () => vault.status(),
    save: async (entry) => {
      const saved = await vault.save(entry);
      rotation.sync();
      return saved;
    },
    list: () => vault.list(),
    get: (id) => vault.get(id),
    readToken: (id) => vault.readToken(id),
    recordTest: (id, report) => vault.recordTest(id, report),
    rememberClientSecret: (clientId, secret) => vault.rememberClientSecret(clientId, secret),
    readClientSecret: (clientId) => vault.readClientSecret(clientId),
    forgetClientSecret: (clientId) => vault.forgetClientSecret(clientId),
  };

  const leaked = createLeakedTokenHandlers({ gateway, clock });
  const handlers: ChannelHandlers = {
    ...createSettingsHandlers({
      settings,
      appVersion: deps.appVersion,
      platform: deps.platform,
      preferredSystemLanguages: deps.preferredSystemLanguages,
      vaultStatus: () => vault.status(),
      env: deps.env,
      allowSlackOverride: deps.allowSlackOverride,
      openExternal: deps.openExternal,
      emit,
      onLanguageChanged: deps.onLanguageChanged,
    }),
    ...createSetupHandlers({
      storeFactory: deps.storeFactory,
      vault: vaultForSetup,
      gateway,
      openSignInWindow: deps.openSignInWindow,
      openExternal: openAllowedExternal,
      getEndpoints,
      emit,
      clock,
      signInTimeoutMs: deps.signInTimeoutMs,
    }),
    [IpcChannel.TestToken]: createTokenTestHandler({ vault, gateway, clock, emit }),
    ...createVaultHandlers({ vault, gateway, clipboardGuard, rotation, emit, clock }),
    [IpcChannel.InspectLeakedToken]: leaked[IpcChannel.InspectLeakedToken],
    [IpcChannel.RevokeLeakedToken]: leaked[IpcChannel.RevokeLeakedToken],
    [IpcChannel.DiscardLeakedToken]: leaked[IpcChannel.DiscardLeakedToken],
  };

  rotation.sync();

  return {
    handlers,
    async dispose() {
      await clipboardGuard.clearNow();
      rotation.stop();
      leaked.discardAll();
      await rotation.idle();
      await vault.flush();
    },
  };
}
