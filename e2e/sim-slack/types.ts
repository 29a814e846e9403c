// Public types of the simulated Slack. Other code (e2e specs, the demo) depends on these
// exact shapes: add fields, never change or remove them.

export type SlackRole = 'owner' | 'admin' | 'member';

export interface SimUser {
  id: string;
  email: string;
  password: string;
  name: string;
  role: SlackRole;
  channelManager: boolean;
}

export interface SimApp {
  appId: string;
  clientId: string;
  clientSecret: string;
  /** Addition: shown on the install page ("<name> is requesting permission …"). */
  name: string;
  /** Default ['https://localhost']. */
  redirectUrls: string[];
  /** Default false. */
  tokenRotation: boolean;
  /** Default 43200; used only when tokenRotation. */
  tokenLifetimeSeconds: number;
}

export type FaultKind =
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'server-error' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'html' }
  | { kind: 'drop' };

/** A Web API method name ('oauth.v2.access', 'auth.test', …), or 'scim.users', 'audit.logs', 'authorize'. */
export type FaultTarget = string;

export type TokenStatus = 'active' | 'revoked' | 'expired' | 'unknown';

/** Addition: one successful code exchange, so tests can assert what an admin really installed. */
export interface SimInstall {
  appId: string;
  userId: string;
  isEnterpriseInstall: boolean;
  /** Workspace id for a workspace install, null for an org install. */
  teamId: string | null;
  userScopes: string[];
  botScopes: string[];
  at: number;
}

export interface SimSlack {
  /** 'http://127.0.0.1:<port>' */
  origin: string;
  /** Mutable: set discoveryEnabled to true to let discovery.* work. */
  enterprise: { id: string; name: string; discoveryEnabled: boolean };
  workspaces: { id: string; name: string }[];
  users: { owner: SimUser; admin: SimUser; adminNoChannelRole: SimUser; member: SimUser };
  registerApp(overrides?: Partial<SimApp>): SimApp;
  /** times: how many matching requests fail; unlimited until cleared when omitted. */
  setFault(target: FaultTarget, fault: FaultKind, options?: { times?: number }): void;
  clearFaults(): void;
  /** For leaked-token tests. enterpriseInstall defaults to true. */
  mintUserToken(opts: {
    user: SimUser;
    scopes: string[];
    enterpriseInstall?: boolean;
    app?: SimApp;
    rotating?: boolean;
  }): { token: string; refreshToken?: string };
  /** App configuration tokens (xoxe.xoxp-…) with their xoxe- refresh token. */
  mintConfigToken(opts: { user: SimUser; orgLevel?: boolean }): { token: string; refreshToken: string };
  tokenStatus(token: string): TokenStatus;
  /** Simulated time, for code expiry (10 min) and token expiry. */
  advanceClock(ms: number): void;
  /** Method and path only: never query strings, bodies, tokens or secrets. */
  requests: { method: string; path: string; at: number }[];
  /** Addition: every successful code exchange, oldest first. */
  installs: SimInstall[];
  /** Addition: the simulated clock in ms (Date.now() plus every advanceClock). */
  now(): number;
  close(): Promise<void>;
}
