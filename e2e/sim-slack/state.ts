import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FaultKind, FaultTarget, SimApp, SimInstall, SimUser, TokenStatus } from './types';
import {
  newAppId,
  newBotId,
  newBotToken,
  newBotUserId,
  newClientId,
  newExpiringBotToken,
  newExpiringUserToken,
  newOAuthCode,
  newOpaqueId,
  newRefreshToken,
  newSecret,
  newUserToken,
} from './tokens';

export const CODE_LIFETIME_MS = 10 * 60 * 1000;
export const CONFIG_TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Slack keeps at most two live access tokens per rotation chain. */
const LIVE_TOKENS_PER_CHAIN = 2;

export const ENTERPRISE_DOMAIN = 'acme-corp';
export const DEFAULT_APP_NAME = 'Org Token Helper (simulated app)';

export interface Grant {
  id: string;
  kind: 'user' | 'bot' | 'config';
  appId: string | null;
  /** The user the token speaks for; for bot grants, the bot user. */
  userId: string;
  botId: string | null;
  isEnterpriseInstall: boolean;
  /** Workspace id; null on org installs (the token then belongs to the enterprise). */
  teamId: string | null;
  scopes: string[];
  revoked: boolean;
  /** Non-rotating grants hand out the same token on every re-install, with the scopes grown. */
  staticToken: TokenRecord | null;
}

export interface Chain {
  id: string;
  grant: Grant;
  lifetimeMs: number;
  accessTokens: TokenRecord[];
  refresh: TokenRecord;
  revoked: boolean;
}

export interface TokenRecord {
  token: string;
  kind: 'access' | 'refresh';
  grant: Grant;
  chain: Chain | null;
  issuedAt: number;
  expiresAt: number | null;
  revoked: boolean;
  /** Access token pushed out of the live window, or refresh token already used. */
  superseded: boolean;
}

export interface AuthCode {
  code: string;
  clientId: string;
  /** What authorize received; null when the app's first redirect URL was used implicitly. */
  redirectUri: string | null;
  userId: string;
  isEnterpriseInstall: boolean;
  teamId: string | null;
  userScopes: string[];
  botScopes: string[];
  codeChallenge: string | null;
  createdAt: number;
  used: boolean;
}

export interface AppExtras {
  verificationToken: string;
  signingSecret: string;
  botUserId: string;
  botId: string;
}

interface ActiveFault {
  fault: FaultKind;
  remaining: number | null;
}

const SEED_PASSWORD = 'correct horse';

function seedUsers(): { owner: SimUser; admin: SimUser; adminNoChannelRole: SimUser; member: SimUser } {
  return {
    owner: {
      id: 'W0SIMOWN01',
      email: 'olivia.owner@acme.example',
      password: SEED_PASSWORD,
      name: 'Olivia Owner',
      role: 'owner',
      channelManager: true,
    },
    admin: {
      id: 'W0SIMADM01',
      email: 'adam.admin@acme.example',
      password: SEED_PASSWORD,
      name: 'Adam Admin',
      role: 'admin',
      channelManager: true,
    },
    adminNoChannelRole: {
      id: 'W0SIMADM02',
      email: 'nadia.norole@acme.example',
      password: SEED_PASSWORD,
      name: 'Nadia Norole',
      role: 'admin',
      channelManager: false,
    },
    member: {
      id: 'W0SIMMEM01',
      email: 'milo.member@acme.example',
      password: SEED_PASSWORD,
      name: 'Milo Member',
      role: 'member',
      channelManager: false,
    },
  };
}

export function usernameOf(user: SimUser): string {
  return user.email.split('@')[0] ?? user.id;
}

export function domainOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export class SimState {
  readonly enterprise = { id: 'E0SIMORG01', name: 'Acme Corp (simulated)', discoveryEnabled: false };
  readonly workspaces: { id: string; name: string }[] = [
    { id: 'T0SIMWS001', name: 'Acme Sales' },
    { id: 'T0SIMWS002', name: 'Acme Engineering' },
  ];
  readonly users = seedUsers();
  readonly requests: { method: string; path: string; at: number }[] = [];
  readonly installs: SimInstall[] = [];

  readonly apps = new Map<string, SimApp>();
  readonly appExtras = new Map<string, AppExtras>();
  readonly codes = new Map<string, AuthCode>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly sessions = new Map<string, string>();

  private readonly grants = new Map<string, Grant>();
  private readonly faults = new Map<FaultTarget, ActiveFault>();
  private readonly crumbKey = randomBytes(32);
  private clockOffsetMs = 0;

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  // ---- people and places -------------------------------------------------------------

  allUsers(): SimUser[] {
    return Object.values(this.users);
  }

  userById(id: string): SimUser | undefined {
    return this.allUsers().find((u) => u.id === id);
  }

  userByEmail(email: string): SimUser | undefined {
    const wanted = email.trim().toLowerCase();
    return this.allUsers().find((u) => u.email.toLowerCase() === wanted);
  }

  workspaceById(id: string): { id: string; name: string } | undefined {
    return this.workspaces.find((w) => w.id === id);
  }

  // ---- apps --------------------------------------------------------------------------

  registerApp(overrides: Partial<SimApp> = {}): SimApp {
    const app: SimApp = {
      appId: overrides.appId ?? newAppId(),
      clientId: overrides.clientId ?? newClientId(),
      clientSecret: overrides.clientSecret ?? newSecret(),
      name: overrides.name ?? DEFAULT_APP_NAME,
      redirectUrls: overrides.redirectUrls ? [...overrides.redirectUrls] : ['https://localhost'],
      tokenRotation: overrides.tokenRotation ?? false,
      tokenLifetimeSeconds: overrides.tokenLifetimeSeconds ?? 43200,
    };
    this.apps.set(app.clientId, app);
    this.appExtras.set(app.appId, {
      verificationToken: newSecret().slice(0, 24),
      signingSecret: newSecret(),
      botUserId: newBotUserId(),
      botId: newBotId(),
    });
    return app;
  }

  appById(appId: string): SimApp | undefined {
    return [...this.apps.values()].find((a) => a.appId === appId);
  }

  // ---- sign-in sessions --------------------------------------------------------------

  createSession(userId: string): string {
    const id = newOpaqueId();
    this.sessions.set(id, userId);
    return id;
  }

  /** A per-session anti-forgery value, like the crumb Slack puts in its forms. */
  crumbFor(sessionId: string): string {
    return createHmac('sha256', this.crumbKey).update(sessionId).digest('hex');
  }

  crumbMatches(sessionId: string, crumb: string): boolean {
    const expected = Buffer.from(this.crumbFor(sessionId));
    const given = Buffer.from(crumb);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  // ---- codes -------------------------------------------------------------------------

  createCode(fields: Omit<AuthCode, 'code' | 'createdAt' | 'used'>): AuthCode {
    const code: AuthCode = { ...fields, code: newOAuthCode(), createdAt: this.now(), used: false };
    this.codes.set(code.code, code);
    return code;
  }

  codeExpired(code: AuthCode): boolean {
    return this.now() - code.createdAt >= CODE_LIFETIME_MS;
  }

  // ---- grants and tokens -------------------------------------------------------------

  /**
   * The authorization behind a user's (or an app's bot's) tokens for one install target.
   * Scopes accumulate across installs until it is revoked; after that a fresh one starts.
   */
  grantFor(kind: 'user' | 'bot', app: SimApp, userId: string, teamId: string | null): Grant {
    const key = `${kind}|${app.appId}|${userId}|${teamId ?? 'org'}`;
    const existing = this.grants.get(key);
    if (existing && !existing.revoked) return existing;
    const grant = this.newGrant({
      kind,
      appId: app.appId,
      userId,
      botId: kind === 'bot' ? (this.appExtras.get(app.appId)?.botId ?? null) : null,
      isEnterpriseInstall: teamId === null,
      teamId,
    });
    this.grants.set(key, grant);
    return grant;
  }

  newGrant(fields: Omit<Grant, 'id' | 'scopes' | 'revoked' | 'staticToken'> & { scopes?: string[] }): Grant {
    return { ...fields, id: newOpaqueId(), scopes: [...(fields.scopes ?? [])], revoked: false, staticToken: null };
  }

  static addScopes(grant: Grant, scopes: readonly string[]): void {
    for (const s of scopes) if (!grant.scopes.includes(s)) grant.scopes.push(s);
  }

  /** Non-rotating: the grant's one token. Rotating: a new chain (access + refresh token). */
  issueTokens(grant: Grant, rotating: boolean, lifetimeMs: number): { access: TokenRecord; refresh: TokenRecord | null } {
    if (!rotating) {
      if (grant.staticToken) return { access: grant.staticToken, refresh: null };
      const access = this.addToken(grant, 'access', grant.kind === 'bot' ? newBotToken() : newUserToken(), null, null);
      grant.staticToken = access;
      return { access, refresh: null };
    }
    const refresh = this.addToken(grant, 'refresh', newRefreshToken(), null, null);
    const chain: Chain = { id: newOpaqueId(), grant, lifetimeMs, accessTokens: [], refresh, revoked: false };
    refresh.chain = chain;
    const access = this.addChainAccessToken(chain);
    return { access, refresh };
  }

  /** Trades a live refresh token for a new access + refresh token; the old refresh token dies. */
  refreshChain(oldRefresh: TokenRecord): { access: TokenRecord; refresh: TokenRecord } {
    const chain = oldRefresh.chain;
    if (!chain) throw new Error('refresh token without a chain');
    oldRefresh.superseded = true;
    const refresh = this.addToken(chain.grant, 'refresh', newRefreshToken(), null, null);
    refresh.chain = chain;
    chain.refresh = refresh;
    const access = this.addChainAccessToken(chain);
    return { access, refresh };
  }

  private addChainAccessToken(chain: Chain): TokenRecord {
    const value = chain.grant.kind === 'bot' ? newExpiringBotToken() : newExpiringUserToken();
    const access = this.addToken(chain.grant, 'access', value, chain, this.now() + chain.lifetimeMs);
    chain.accessTokens.push(access);
    const live = chain.accessTokens.filter((t) => this.statusOf(t) === 'active');
    for (const old of live.slice(0, Math.max(0, live.length - LIVE_TOKENS_PER_CHAIN))) old.superseded = true;
    return access;
  }

  private addToken(
    grant: Grant,
    kind: TokenRecord['kind'],
    token: string,
    chain: Chain | null,
    expiresAt: number | null,
  ): TokenRecord {
    const rec: TokenRecord = {
      token,
      kind,
      grant,
      chain,
      issuedAt: this.now(),
      expiresAt,
      revoked: false,
      superseded: false,
    };
    this.tokens.set(token, rec);
    return rec;
  }

  statusOf(rec: TokenRecord): TokenStatus {
    if (rec.revoked || rec.grant.revoked || rec.chain?.revoked === true) return 'revoked';
    if (rec.kind === 'refresh') return rec.superseded ? 'revoked' : 'active';
    if (rec.superseded) return 'expired';
    if (rec.expiresAt !== null && this.now() >= rec.expiresAt) return 'expired';
    return 'active';
  }

  tokenStatus(token: string): TokenStatus {
    const rec = this.tokens.get(token);
    return rec ? this.statusOf(rec) : 'unknown';
  }

  /**
   * Revoking a non-rotating token ends the whole authorization (every token from it, and the
   * accumulated scopes): the admin has to install again. Revoking an expiring token ends its
   * rotation chain too, otherwise the refresh token could simply mint a replacement and a
   * leaked token would not really be dead.
   */
  revoke(rec: TokenRecord): void {
    rec.revoked = true;
    if (rec.chain) rec.chain.revoked = true;
    else rec.grant.revoked = true;
  }

  // ---- faults ------------------------------------------------------------------------

  setFault(target: FaultTarget, fault: FaultKind, times: number | null): void {
    if (times !== null && times <= 0) {
      this.faults.delete(target);
      return;
    }
    this.faults.set(target, { fault, remaining: times });
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** The fault that applies to this one request, counting it against `times`. */
  takeFault(target: FaultTarget): FaultKind | null {
    const active = this.faults.get(target);
    if (!active) return null;
    if (active.remaining !== null) {
      active.remaining -= 1;
      if (active.remaining <= 0) this.faults.delete(target);
    }
    return active.fault;
  }
}
