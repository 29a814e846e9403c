// The small seams between the app's logic and Electron. Each has one Electron implementation
// (in `adapters/`) and one for the browser harness (in `e2e/harness/`), so the same handlers run
// in Electron, in unit tests with the fake `electron` module, and in real Chromium.
import type { ApiCheck, ApiId, Result, TokenIdentity, TokenSummary, TokenTestReport, VaultStatus } from '../shared/ipc-contract';

/** What `safeStorage` offers. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  /** Linux only: `basic_text` means "encrypted" with a hard-coded key, i.e. not protected. */
  storageBackend(): string;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
}

/** A JSON document persisted on disk (electron-store in the app, conf in the harness). */
export interface KeyValueStore<T extends Record<string, unknown>> {
  get<K extends keyof T>(key: K): T[K] | undefined;
  set<K extends keyof T>(key: K, value: T[K]): void;
  delete(key: keyof T): void;
  readonly path: string;
}

export type StoreFactory = <T extends Record<string, unknown>>(name: string, defaults: T) => KeyValueStore<T>;

/** Asynchronous, as Electron 45's clipboard is. */
export interface ClipboardAccess {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
  clear(): void;
}

export type OpenExternal = (url: string) => Promise<void>;

/** Pushes an event to the app's own window. */
export type EventSink = (channel: string, payload: unknown) => void;

/** Runs a callback later; injectable so tests control time. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): { cancel(): void };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    // A pending clipboard clear or token refresh must not keep a quitting app alive.
    handle.unref?.();
    return { cancel: () => clearTimeout(handle) };
  },
};

// ---------------------------------------------------------------------------------------------
// Slack, as the rest of the main process sees it. Implemented in `slack/` over @slack/web-api.

export interface OAuthAccessResult {
  token: string;
  refreshToken: string | null;
  expiresInSeconds: number | null;
  scopes: string[];
  userId: string;
  appId: string | null;
  enterprise: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  isEnterpriseInstall: boolean;
}

export interface AuthTestResult {
  identity: TokenIdentity;
  /** From the `x-oauth-scopes` header. */
  scopes: string[];
}

export interface SlackGateway {
  /** `oauth.v2.access` with a code; the secret goes in HTTP Basic auth, never a URL. */
  exchangeCode(args: { clientId: string; clientSecret: string; code: string; redirectUri: string }): Promise<Result<OAuthAccessResult>>;
  /** `oauth.v2.access` with `grant_type=refresh_token`. */
  refreshToken(args: { clientId: string; clientSecret: string; refreshToken: string }): Promise<Result<OAuthAccessResult>>;
  authTest(token: string): Promise<Result<AuthTestResult>>;
  revoke(token: string, options: { dryRun: boolean }): Promise<Result<{ revoked: boolean }>>;
  /** A cheap call that really uses the token for one API (see shared/slack-api-notes.md). */
  probe(api: ApiId, token: string): Promise<ApiCheck>;
}

// ---------------------------------------------------------------------------------------------
// The sign-in window. Electron: a BrowserWindow with its own in-memory session
// (`oauth/electron-sign-in-window.ts`). Browser harness: a Chromium page whose https://localhost
// request is caught through CDP (`e2e/harness/`). Both feed every URL to the same
// `oauth/redirect-capture.ts`.

export interface SignInWindowRequest {
  authorizeUrl: string;
  /** The redirect URI sent to Slack, e.g. `https://localhost`; requests to it are caught. */
  redirectUri: string;
  timeoutMs: number;
  /** The address bar: origin and path only (never the query, which may hold a code). */
  onAddress(address: string): void;
}

export type SignInWindowOutcome =
  /** The redirect was caught before it reached the network. `url` holds the code: main only. */
  | { kind: 'redirect'; url: string }
  | { kind: 'closed' }
  | { kind: 'timeout' }
  | { kind: 'cancelled' }
  | { kind: 'slack-error-page'; reason: 'redirect-uri-mismatch' | 'other' }
  | { kind: 'load-failed' };

export interface SignInWindowHandle {
  /** Settles exactly once. */
  readonly outcome: Promise<SignInWindowOutcome>;
  /** Closes the window from the app side (settles as `cancelled` if still open). */
  cancel(): void;
}

export type OpenSignInWindow = (request: SignInWindowRequest) => SignInWindowHandle;

// ---------------------------------------------------------------------------------------------
// The token vault, as the rest of the main process sees it. Implemented in `vault/`.

export interface NewTokenEntry {
  token: string;
  refreshToken: string | null;
  expiresInSeconds: number | null;
  identity: TokenIdentity;
  scopes: string[];
  requestedScopes: string[];
  apis: ApiId[];
  appId: string | null;
  /** Needed to refresh a rotating token; the matching secret is remembered separately. */
  clientId: string | null;
}

export interface TokenVault {
  status(): VaultStatus;
  save(entry: NewTokenEntry): Promise<TokenSummary>;
  list(): TokenSummary[];
  get(id: string): TokenSummary | null;
  /** The secret itself: main process only, never sent over IPC except by reveal. */
  readToken(id: string): string | null;
  recordTest(id: string, report: TokenTestReport): Promise<TokenSummary | null>;
  rememberClientSecret(clientId: string, secret: string): Promise<void>;
  readClientSecret(clientId: string): string | null;
  forgetClientSecret(clientId: string): Promise<void>;
}
