// The guided setup, as the main process runs it: keeps the admin's place, holds the client
// secret, runs the sign-in (app window or system browser), exchanges the code and saves the
// token. Every handler answers a Result; nothing secret is returned or emitted.
import { IpcChannel, IpcEvent } from '../../shared/ipc-channels';
import type { ApiId, ChannelHandler, ChannelHandlers, EventPayloads, Result, SetupProgress, SetupState, SignInPhase, TokenIdentity, TokenSummary } from '../../shared/ipc-contract';
import type { SlackEndpoints } from '../../shared/slack-endpoints';
import { REDIRECT_URI } from '../../shared/slack-endpoints';
import type { UserError, UserErrorCode } from '../../shared/user-error';
import { buildAuthorizeUrl, createState } from '../oauth/authorize-url';
import { parsePastedRedirect, parseRedirect } from '../oauth/redirect-params';
import type { Clock, EventSink, OAuthAccessResult, OpenExternal, OpenSignInWindow, SignInWindowHandle, SignInWindowOutcome, SlackGateway, StoreFactory, TokenVault } from '../seams';
import { isClientIdShape, isClientSecretShape } from './credential-shapes';
import type { SetupSnapshot } from './setup-store';
import { createSetupStore, defaultSetupProgress } from './setup-store';
import { testToken } from './token-tester';

export interface SetupServiceDeps {
  storeFactory: StoreFactory;
  vault: TokenVault;
  gateway: SlackGateway;
  openSignInWindow: OpenSignInWindow;
  openExternal: OpenExternal;
  getEndpoints: () => SlackEndpoints;
  emit: EventSink;
  clock: Clock;
  /** How long the sign-in window waits for the admin. */
  signInTimeoutMs?: number;
}

export type SetupChannel =
  | IpcChannel.GetSetupState
  | IpcChannel.SaveSetupProgress
  | IpcChannel.SaveClientCredentials
  | IpcChannel.StartSignIn
  | IpcChannel.CancelSignIn
  | IpcChannel.StartBrowserSignIn
  | IpcChannel.CompleteBrowserSignIn
  | IpcChannel.ResetSetup;

export type SetupHandlers = Pick<ChannelHandlers, SetupChannel>;

/** What one sign-in attempt needs, captured when it starts. */
interface SignInContext {
  clientId: string;
  clientSecret: string;
  userScopes: string[];
  apis: ApiId[];
}

function failure<T>(error: UserError): Result<T> {
  return { ok: false, error };
}

/** A handler that throws would send Error text across IPC; answer `internal` instead. */
async function guarded<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch {
    return failure({ code: 'internal' });
  }
}

function outcomeError(outcome: Exclude<SignInWindowOutcome, { kind: 'redirect' }>): UserError {
  switch (outcome.kind) {
    case 'closed':
    case 'cancelled':
      return { code: 'sign-in-cancelled', backTo: 'sign-in' };
    case 'timeout':
      return { code: 'sign-in-timeout', backTo: 'sign-in' };
    case 'slack-error-page':
      return outcome.reason === 'redirect-uri-mismatch' ? { code: 'redirect-uri-mismatch', backTo: 'credentials' } : { code: 'sign-in-page-failed', backTo: 'sign-in' };
    case 'load-failed':
      return { code: 'sign-in-page-failed', backTo: 'sign-in' };
  }
}

/** Not failures of the sign-in step: the admin stopped it, or pasted something else by mistake. */
const NOT_A_STEP_FAILURE: ReadonlySet<UserErrorCode> = new Set<UserErrorCode>([
  'sign-in-cancelled',
  'sign-in-in-progress',
  'pasted-url-invalid',
  'pasted-url-foreign-host',
  'pasted-url-no-code',
]);

function identityFromExchange(access: OAuthAccessResult): TokenIdentity {
  return {
    orgName: access.enterprise?.name ?? access.team?.name ?? null,
    enterpriseId: access.enterprise?.id ?? null,
    teamId: access.team?.id ?? access.enterprise?.id ?? null,
    userName: null,
    userId: access.userId,
    url: null,
    isEnterpriseInstall: access.isEnterpriseInstall,
  };
}

export function createSetupHandlers(deps: SetupServiceDeps): SetupHandlers {
  const store = createSetupStore(deps.storeFactory);
  const signInTimeoutMs = deps.signInTimeoutMs ?? 10 * 60_000;
  let snapshot: SetupSnapshot = store.load();
  /** Bumped by reset, so an attempt that finishes afterwards does not write into the new setup. */
  let generation = 0;
  /** The secret in main memory only; a remembered one is read from the vault when needed. */
  let heldSecret: { clientId: string; secret: string } | null = null;
  let busy = false;
  let activeWindow: SignInWindowHandle | null = null;
  let pendingBrowser: { state: string; clientId: string; userScopes: string[]; apis: ApiId[] } | null = null;

  function emitProgress(phase: SignInPhase, address?: string): void {
    const payload: EventPayloads[IpcEvent.SignInProgress] = address === undefined ? { phase } : { phase, address };
    deps.emit(IpcEvent.SignInProgress, payload);
  }

  function secretFor(clientId: string): string | null {
    if (!clientId) return null;
    if (heldSecret?.clientId === clientId) return heldSecret.secret;
    let remembered: string | null;
    try {
      remembered = deps.vault.readClientSecret(clientId);
    } catch {
      // A vault that cannot decrypt right now: ask the admin for the secret again.
      remembered = null;
    }
    if (remembered) heldSecret = { clientId, secret: remembered };
    return remembered;
  }

  function setupState(): SetupState {
    return { ...snapshot.progress, hasClientSecret: secretFor(snapshot.progress.clientId) !== null, tokenId: snapshot.tokenId };
  }

  /** Keeps the new progress in memory even when the disk refuses it; says whether it stuck. */
  function saveProgress(progress: SetupProgress): boolean {
    snapshot = { ...snapshot, progress };
    try {
      store.saveProgress(progress);
      return true;
    } catch {
      return false;
    }
  }

  /** The renderer's checklist shows which step to go back to. */
  function failWith<T>(error: UserError, attemptGeneration = generation): Result<T> {
    if (!NOT_A_STEP_FAILURE.has(error.code) && attemptGeneration === generation) {
      const stepStatus = { ...snapshot.progress.stepStatus, 'sign-in': 'failed' as const };
      if (error.backTo === 'credentials') stepStatus.credentials = 'failed';
      saveProgress({ ...snapshot.progress, stepStatus });
    }
    return failure(error);
  }

  function signInContext(): Result<SignInContext> {
    const { clientId, userScopes, selectedApis } = snapshot.progress;
    const clientSecret = secretFor(clientId);
    if (!clientId || !clientSecret) return failure({ code: 'missing-client-credentials', backTo: 'credentials' });
    if (userScopes.length === 0) return failure({ code: 'invalid-scopes', backTo: 'scopes' });
    return { ok: true, value: { clientId, clientSecret, userScopes: [...userScopes], apis: [...selectedApis] } };
  }

  async function exchangeAndSave(code: string, context: SignInContext, attemptGeneration: number): Promise<Result<TokenSummary>> {
    emitProgress('exchanging');
    // The same redirect_uri as on the authorize request, as Slack requires.
    const exchanged = await deps.gateway.exchangeCode({ clientId: context.clientId, clientSecret: context.clientSecret, code, redirectUri: REDIRECT_URI });
    if (!exchanged.ok) return failWith(exchanged.error, attemptGeneration);
    const access = exchanged.value;

    if (!access.isEnterpriseInstall) {
      // A workspace-level token cannot call these APIs. Nobody would ever hold it, yet it stays
      // valid; revoking it leaves no live credential behind. Best effort: the admin's next step
      // (signing in again and picking the organization) does not depend on it.
      await deps.gateway.revoke(access.token, { dryRun: false }).catch(() => undefined);
      return failWith({ code: 'workspace-install', backTo: 'sign-in' }, attemptGeneration);
    }

    // auth.test fills in the user name and org address the exchange answer lacks.
    const auth = await deps.gateway.authTest(access.token);
    const identity = auth.ok ? auth.value.identity : identityFromExchange(access);
    const scopes = access.scopes.length > 0 ? access.scopes : auth.ok ? auth.value.scopes : [];

    let summary: TokenSummary;
    try {
      summary = await deps.vault.save({
        token: access.token,
        refreshToken: access.refreshToken,
        expiresInSeconds: access.expiresInSeconds,
        identity,
        scopes,
        requestedScopes: context.userScopes,
        apis: context.apis,
        appId: access.appId,
        clientId: context.clientId,
      });
    } catch {
      return failWith({ code: 'store-failed' }, attemptGeneration);
    }
    deps.emit(IpcEvent.VaultChanged, { reason: 'saved' } satisfies EventPayloads[IpcEvent.VaultChanged]);

    if (attemptGeneration === generation) {
      snapshot = { ...snapshot, tokenId: summary.id };
      try {
        store.saveTokenId(summary.id);
      } catch {
        // The token itself is safe in the vault; only the resume point is lost.
      }
      saveProgress({
        ...snapshot.progress,
        step: 'test',
        stepStatus: { ...snapshot.progress.stepStatus, credentials: 'done', 'sign-in': 'done', test: 'current' },
      });
    }
    return { ok: true, value: summary };
  }

  /** The same authorize URL for the app window and the system browser, each with its own state. */
  function authorizeUrlFor(context: SignInContext, state: string): string {
    return buildAuthorizeUrl({
      authorizeUrl: deps.getEndpoints().authorizeUrl,
      clientId: context.clientId,
      userScopes: context.userScopes,
      redirectUri: REDIRECT_URI,
      state,
    });
  }

  async function startSignIn(): Promise<Result<TokenSummary>> {
    if (busy) return failure({ code: 'sign-in-in-progress' });
    const context = signInContext();
    if (!context.ok) return context;
    busy = true;
    const attemptGeneration = generation;
    try {
      const state = createState();
      const authorizeUrl = authorizeUrlFor(context.value, state);
      emitProgress('opening');
      try {
        activeWindow = deps.openSignInWindow({
          authorizeUrl,
          redirectUri: REDIRECT_URI,
          timeoutMs: signInTimeoutMs,
          onAddress: (address) => emitProgress('waiting-for-admin', address),
        });
      } catch {
        return failWith({ code: 'sign-in-page-failed', backTo: 'sign-in' }, attemptGeneration);
      }
      emitProgress('waiting-for-admin');
      const outcome = await activeWindow.outcome;
      activeWindow = null;
      if (outcome.kind !== 'redirect') return failWith(outcomeError(outcome), attemptGeneration);
      const parsed = parseRedirect(outcome.url, state);
      if (parsed.kind === 'error') return failWith(parsed.error, attemptGeneration);
      return await exchangeAndSave(parsed.code, context.value, attemptGeneration);
    } finally {
      activeWindow = null;
      busy = false;
      emitProgress('finished');
    }
  }

  async function startBrowserSignIn(): Promise<Result<{ opened: true }>> {
    if (busy) return failure({ code: 'sign-in-in-progress' });
    const context = signInContext();
    if (!context.ok) return context;
    const state = createState();
    const authorizeUrl = authorizeUrlFor(context.value, state);
    // Only the newest browser sign-in counts: an older tab's address will not match its state.
    pendingBrowser = { state, clientId: context.value.clientId, userScopes: context.value.userScopes, apis: context.value.apis };
    try {
      await deps.openExternal(authorizeUrl);
    } catch {
      pendingBrowser = null;
      return failWith({ code: 'sign-in-page-failed', backTo: 'sign-in' });
    }
    emitProgress('waiting-for-paste');
    return { ok: true, value: { opened: true } };
  }

  async function completeBrowserSignIn(pastedUrl: string): Promise<Result<TokenSummary>> {
    if (busy) return failure({ code: 'sign-in-in-progress' });
    const pending = pendingBrowser;
    if (!pending) return failure({ code: 'no-sign-in-started', backTo: 'sign-in' });
    const parsed = parsePastedRedirect(pastedUrl, { redirectUri: REDIRECT_URI, expectedState: pending.state });
    if (parsed.kind === 'error') return failWith(parsed.error);
    const clientSecret = secretFor(pending.clientId);
    if (!clientSecret) return failure({ code: 'missing-client-credentials', backTo: 'credentials' });
    busy = true;
    const attemptGeneration = generation;
    try {
      const result = await exchangeAndSave(parsed.code, { clientId: pending.clientId, clientSecret, userScopes: pending.userScopes, apis: pending.apis }, attemptGeneration);
      // The code is single-use either way; a new attempt needs a new browser sign-in.
      if (pendingBrowser === pending) pendingBrowser = null;
      return result;
    } finally {
      busy = false;
      emitProgress('finished');
    }
  }

  async function saveClientCredentials(request: { clientId: string; clientSecret: string; remember: boolean }): Promise<Result<SetupState>> {
    const clientId = request.clientId.trim();
    const secret = request.clientSecret.trim();
    if (!isClientIdShape(clientId)) return failure({ code: 'invalid-client-id-format', backTo: 'credentials' });
    if (!isClientSecretShape(secret)) return failure({ code: 'invalid-client-secret-format', backTo: 'credentials' });
    heldSecret = { clientId, secret };
    let remembered = false;
    if (request.remember) {
      // No safe storage on this computer: the secret stays in memory for this session, and the
      // unticked box tells the admin it was not remembered.
      remembered = await deps.vault.rememberClientSecret(clientId, secret).then(
        () => true,
        () => false,
      );
    } else {
      await deps.vault.forgetClientSecret(clientId).catch(() => undefined);
    }
    const stepStatus = { ...snapshot.progress.stepStatus };
    if (stepStatus.credentials === 'failed') stepStatus.credentials = 'current';
    if (!saveProgress({ ...snapshot.progress, clientId, rememberApp: remembered, stepStatus })) return failure({ code: 'store-failed' });
    return { ok: true, value: setupState() };
  }

  // A secret remembered last time is picked up for the saved client id at start-up.
  secretFor(snapshot.progress.clientId);

  const handlers: SetupHandlers = {
    [IpcChannel.GetSetupState]: () => setupState(),
    [IpcChannel.SaveSetupProgress]: ({ progress }) =>
      guarded(async () => {
        if (!saveProgress(progress)) return failure({ code: 'store-failed' });
        return { ok: true, value: setupState() };
      }),
    [IpcChannel.SaveClientCredentials]: (request) => guarded(() => saveClientCredentials(request)),
    [IpcChannel.StartSignIn]: () => guarded(startSignIn),
    [IpcChannel.CancelSignIn]: () =>
      guarded<{ cancelled: boolean }>(async () => {
        if (activeWindow) {
          activeWindow.cancel();
          return { ok: true, value: { cancelled: true } };
        }
        if (pendingBrowser && !busy) {
          pendingBrowser = null;
          emitProgress('finished');
          return { ok: true, value: { cancelled: true } };
        }
        return { ok: true, value: { cancelled: false } };
      }),
    [IpcChannel.StartBrowserSignIn]: () => guarded(startBrowserSignIn),
    [IpcChannel.CompleteBrowserSignIn]: ({ pastedUrl }) => guarded(() => completeBrowserSignIn(pastedUrl)),
    [IpcChannel.ResetSetup]: () => {
      generation += 1;
      activeWindow?.cancel();
      pendingBrowser = null;
      heldSecret = null;
      try {
        snapshot = store.reset();
      } catch {
        snapshot = { progress: defaultSetupProgress(), tokenId: null };
      }
      return setupState();
    },
  };
  return handlers;
}

export interface TokenTestHandlerDeps {
  vault: TokenVault;
  gateway: SlackGateway;
  clock: Clock;
  emit: EventSink;
}

export function createTokenTestHandler(deps: TokenTestHandlerDeps): ChannelHandler<IpcChannel.TestToken> {
  return ({ tokenId }) =>
    guarded(async () => {
      const summary = deps.vault.get(tokenId);
      const token = deps.vault.readToken(tokenId);
      if (!summary || !token) return failure({ code: 'token-not-found' });
      const report = await testToken({
        gateway: deps.gateway,
        token,
        tokenId,
        requestedScopes: summary.requestedScopes,
        apis: summary.apis,
        now: deps.clock.now(),
      });
      try {
        await deps.vault.recordTest(tokenId, report);
      } catch {
        // The admin still sees this report; only its note in the vault list is missing.
      }
      deps.emit(IpcEvent.VaultChanged, { reason: 'tested' } satisfies EventPayloads[IpcEvent.VaultChanged]);
      return { ok: true, value: report };
    });
}
