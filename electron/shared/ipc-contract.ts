// The one typed contract between renderer and main (as GitHub Desktop keeps it): for every
// channel, the request schema (validated in the main process by the IPC guard) and the response
// type. Environment-free: no Electron, no Node.
import { z } from 'zod';
import { IpcChannel, type IpcEvent } from './ipc-channels';
import type { SetupStepId, UserError, UserErrorCode } from './user-error';

export { IpcChannel, IpcEvent } from './ipc-channels';

// ---------------------------------------------------------------------------------------------
// Shared value types

export const API_IDS = ['scim', 'audit-logs', 'discovery', 'admin-api'] as const;
export type ApiId = (typeof API_IDS)[number];

export const SETUP_STEPS = ['choose-apis', 'scopes', 'credentials', 'sign-in', 'test', 'result'] as const satisfies readonly SetupStepId[];

export type Language = 'en' | 'ko';
export type SlackRegion = 'commercial' | 'gov';
export type StepStatus = 'done' | 'current' | 'todo' | 'failed';

/** Every handler answers with this; nothing is thrown across IPC (thrown errors carry text). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: UserError };

export interface VaultStatus {
  /** What the OS offers: `basic-text` is Linux's plain-text fallback backend. */
  encryption: 'available' | 'unavailable' | 'basic-text';
  /** Where secrets actually live now. */
  mode: 'encrypted' | 'memory-only' | 'weak-accepted';
  /** A corrupted store file was found at start-up, set aside, and the readable entries kept. */
  recoveredCorruptFile: boolean;
}

export interface AppInfo {
  version: string;
  platform: string;
  /** The admin's explicit choice, or null to follow the OS. */
  language: Language | null;
  systemLanguage: Language;
  slackRegion: SlackRegion;
  /** Set only in development/test when ORG_TOKEN_HELPER_SLACK_ORIGIN is honoured. */
  simulatedSlackOrigin: string | null;
  vault: VaultStatus;
}

export interface TokenIdentity {
  orgName: string | null;
  enterpriseId: string | null;
  teamId: string | null;
  userName: string | null;
  userId: string;
  url: string | null;
  isEnterpriseInstall: boolean;
}

export type TokenStatus = 'active' | 'revoked' | 'revoke-failed' | 'expired';

/** Metadata about a saved token. Never the token itself. */
export interface TokenSummary {
  id: string;
  /** e.g. `xoxp-…9f3a`: prefix and last four characters only. */
  maskedToken: string;
  identity: TokenIdentity;
  scopes: string[];
  requestedScopes: string[];
  apis: ApiId[];
  appId: string | null;
  createdAt: string;
  lastTest: { at: string; ok: boolean; errorCode?: UserErrorCode } | null;
  rotating: boolean;
  expiresAt: string | null;
  status: TokenStatus;
  revokedAt: string | null;
  revokeError: UserError | null;
  /** True when the secret is kept in memory only (no safe encryption on this computer). */
  inMemoryOnly: boolean;
  /** The last background refresh of a rotating token failed (it is retried). */
  refreshError?: UserError | null;
  /** `unreadable`: the saved ciphertext cannot be decrypted; `lost`: kept in memory only and the app restarted. */
  secretState?: 'available' | 'unreadable' | 'lost' | 'none';
}

export interface ApiCheck {
  api: ApiId;
  status: 'ok' | 'failed' | 'skipped';
  error?: UserError;
  /** Why a check was skipped, e.g. the token lacks the scope it needs. */
  skippedReason?: 'missing-scope';
}

export interface TokenTestReport {
  tokenId: string;
  testedAt: string;
  identity: TokenIdentity | null;
  /** auth.test itself failed: nothing else could be checked. */
  error?: UserError;
  grantedScopes: string[];
  requestedScopes: string[];
  missingScopes: string[];
  apiChecks: ApiCheck[];
}

export interface SetupProgress {
  step: SetupStepId;
  stepStatus: Partial<Record<SetupStepId, StepStatus>>;
  selectedApis: ApiId[];
  /** Chosen `admin.*` scopes from the resource × read/write grid. */
  adminScopes: string[];
  discoveryWrite: boolean;
  /** Extra scopes from the advanced field. */
  extraScopes: string[];
  /** The final `user_scope` list the renderer shows and signs in with. */
  userScopes: string[];
  clientId: string;
  rememberApp: boolean;
}

export interface SetupState extends SetupProgress {
  /** The main process holds a client secret for this setup (in memory, or remembered encrypted). */
  hasClientSecret: boolean;
  /** The token this setup produced, once signed in. */
  tokenId: string | null;
}

export interface LeakedTokenInspection {
  /** An opaque in-memory handle; the pasted token itself is not sent back. */
  handle: string;
  kind: 'user' | 'rotating-user' | 'bot' | 'rotating-bot' | 'refresh';
  maskedToken: string;
  /** Null for refresh tokens, which auth.test cannot inspect. */
  identity: TokenIdentity | null;
  scopes: string[];
}

export type LeakedRevokeResult =
  | { dryRun: true; wouldRevoke: boolean }
  | { dryRun: false; revoked: true; verified: boolean; revokedAt: string };

export interface RevokeOutcome {
  token: TokenSummary;
  verified: boolean;
}

export interface CopyOutcome {
  clearsAfterSeconds: number;
}

export interface RevealOutcome {
  /** Shown briefly, then the renderer drops it. */
  token: string;
  hideAfterSeconds: number;
}

export interface TokenList {
  tokens: TokenSummary[];
  vault: VaultStatus;
}

// ---------------------------------------------------------------------------------------------
// Request schemas. Strict objects: unknown keys are a malformed payload.

const tokenId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const scope = z.string().regex(/^[a-z][a-z0-9_.:]{0,79}$/);
const stepId = z.enum(SETUP_STEPS);
const apiId = z.enum(API_IDS);
const stepStatus = z.enum(['done', 'current', 'todo', 'failed']);

export const setupProgressSchema = z.strictObject({
  step: stepId,
  stepStatus: z.partialRecord(stepId, stepStatus),
  selectedApis: z.array(apiId).max(API_IDS.length),
  adminScopes: z.array(scope).max(60),
  discoveryWrite: z.boolean(),
  extraScopes: z.array(scope).max(60),
  userScopes: z.array(scope).max(120),
  clientId: z.string().max(64),
  rememberApp: z.boolean(),
});

const empty = z.strictObject({});
const byTokenId = z.strictObject({ tokenId });

export const requestSchemas = {
  [IpcChannel.GetAppInfo]: empty,
  [IpcChannel.SetLanguage]: z.strictObject({ language: z.enum(['en', 'ko']).nullable() }),
  [IpcChannel.SetSlackRegion]: z.strictObject({ region: z.enum(['commercial', 'gov']) }),
  [IpcChannel.OpenExternal]: z.strictObject({ url: z.string().max(2048) }),
  [IpcChannel.GetSetupState]: empty,
  [IpcChannel.SaveSetupProgress]: z.strictObject({ progress: setupProgressSchema }),
  // Shapes are checked again, with a user-facing error, by the handler; these are limits.
  [IpcChannel.SaveClientCredentials]: z.strictObject({
    clientId: z.string().max(64),
    clientSecret: z.string().max(128),
    remember: z.boolean(),
  }),
  [IpcChannel.StartSignIn]: empty,
  [IpcChannel.CancelSignIn]: empty,
  [IpcChannel.StartBrowserSignIn]: empty,
  [IpcChannel.CompleteBrowserSignIn]: z.strictObject({ pastedUrl: z.string().max(4096) }),
  [IpcChannel.ResetSetup]: empty,
  [IpcChannel.ListTokens]: empty,
  [IpcChannel.TestToken]: byTokenId,
  [IpcChannel.CopyToken]: byTokenId,
  [IpcChannel.RevealToken]: byTokenId,
  [IpcChannel.RevokeToken]: byTokenId,
  [IpcChannel.ForgetToken]: byTokenId,
  [IpcChannel.RefreshToken]: byTokenId,
  [IpcChannel.AcceptWeakStorage]: z.strictObject({ accept: z.boolean() }),
  [IpcChannel.InspectLeakedToken]: z.strictObject({ token: z.string().max(512) }),
  [IpcChannel.RevokeLeakedToken]: z.strictObject({ handle: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/), dryRun: z.boolean() }),
  [IpcChannel.DiscardLeakedToken]: z.strictObject({ handle: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }),
} as const satisfies Record<IpcChannel, z.ZodType>;

export type RequestOf<C extends IpcChannel> = z.infer<(typeof requestSchemas)[C]>;

// ---------------------------------------------------------------------------------------------
// Responses

export interface ResponseMap {
  [IpcChannel.GetAppInfo]: AppInfo;
  [IpcChannel.SetLanguage]: Result<{ language: Language | null }>;
  [IpcChannel.SetSlackRegion]: Result<{ region: SlackRegion }>;
  [IpcChannel.OpenExternal]: Result<{ opened: true }>;
  [IpcChannel.GetSetupState]: SetupState;
  [IpcChannel.SaveSetupProgress]: Result<SetupState>;
  [IpcChannel.SaveClientCredentials]: Result<SetupState>;
  [IpcChannel.StartSignIn]: Result<TokenSummary>;
  [IpcChannel.CancelSignIn]: Result<{ cancelled: boolean }>;
  [IpcChannel.StartBrowserSignIn]: Result<{ opened: true }>;
  [IpcChannel.CompleteBrowserSignIn]: Result<TokenSummary>;
  [IpcChannel.ResetSetup]: SetupState;
  [IpcChannel.ListTokens]: TokenList;
  [IpcChannel.TestToken]: Result<TokenTestReport>;
  [IpcChannel.CopyToken]: Result<CopyOutcome>;
  [IpcChannel.RevealToken]: Result<RevealOutcome>;
  [IpcChannel.RevokeToken]: Result<RevokeOutcome>;
  [IpcChannel.ForgetToken]: Result<{ forgotten: true }>;
  [IpcChannel.RefreshToken]: Result<TokenSummary>;
  [IpcChannel.AcceptWeakStorage]: Result<VaultStatus>;
  [IpcChannel.InspectLeakedToken]: Result<LeakedTokenInspection>;
  [IpcChannel.RevokeLeakedToken]: Result<LeakedRevokeResult>;
  [IpcChannel.DiscardLeakedToken]: Result<{ discarded: true }>;
}

export type ResponseOf<C extends IpcChannel> = ResponseMap[C];

// ---------------------------------------------------------------------------------------------
// Events main → renderer

export type SignInPhase = 'opening' | 'waiting-for-admin' | 'exchanging' | 'waiting-for-paste' | 'finished';

export interface EventPayloads {
  [IpcEvent.SignInProgress]: { phase: SignInPhase; /** origin + path of the sign-in window, no query */ address?: string };
  [IpcEvent.RateLimitCountdown]: { operation: string; secondsLeft: number };
  [IpcEvent.VaultChanged]: { reason: 'saved' | 'revoked' | 'forgotten' | 'refreshed' | 'tested' };
  [IpcEvent.LanguageChanged]: { language: Language };
}

export type EventPayload<E extends IpcEvent> = EventPayloads[E];

/** A handler for one channel, as the main process implements it (after the guard). */
export type ChannelHandler<C extends IpcChannel> = (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;

export type ChannelHandlers = { [C in IpcChannel]: ChannelHandler<C> };
