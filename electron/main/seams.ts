// The small seams between the app's logic and Electron. Each has one Electron implementation
// (in `adapters/`) and one for the browser harness (in `e2e/harness/`), so the same handlers run
// in Electron, in unit tests with the fake `electron` module, and in real Chromium.
import type { ApiCheck, ApiId, Result, TokenIdentity } from '../shared/ipc-contract';

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

export interface ClipboardAccess {
  readText(): string;
  writeText(text: string): void;
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
