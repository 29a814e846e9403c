// A hand-written SlackGateway over a tiny model of Slack's token state, for the vault, revoke,
// leaked-token and rotation tests. Every token is minted at run time (never a literal that looks
// like a real credential). Faults are queued per method, as the real gateway would report them.
import { randomBytes } from 'node:crypto';
import type { ApiCheck, ApiId, Result, TokenIdentity } from '../../../shared/ipc-contract';
import type { UserError } from '../../../shared/user-error';
import type { AuthTestResult, Clock, OAuthAccessResult, SlackGateway } from '../../seams';

type Method = 'authTest' | 'revoke' | 'refreshToken' | 'exchangeCode' | 'probe';

interface FakeToken {
  value: string;
  kind: 'access' | 'refresh';
  chain: FakeChain | null;
  identity: TokenIdentity;
  scopes: string[];
  expiresAt: number | null;
  revoked: boolean;
  /** A refresh token already traded in. */
  used: boolean;
}

interface FakeChain {
  revoked: boolean;
  clientId: string;
  clientSecret: string;
}

export interface FakeSlackOptions {
  clock: Clock;
  /** How auth.revoke answers when handed a refresh token (unknown in Slack's docs). */
  refreshTokenRevoke?: 'revokes-chain' | 'refused';
}

export interface FakeSlack {
  gateway: SlackGateway;
  mintUserToken(options?: { identity?: Partial<TokenIdentity>; scopes?: string[]; bot?: boolean }): string;
  mintRotatingToken(options?: { clientId?: string; clientSecret?: string; lifetimeSeconds?: number }): {
    token: string;
    refreshToken: string;
    clientId: string;
    clientSecret: string;
  };
  /** Slack would accept this token now. */
  isLive(token: string): boolean;
  /** The next call of `method` answers with this error instead. */
  failNext(method: Method, error: UserError): void;
  /** auth.revoke answers ok but nothing is revoked (the case verification exists for). */
  revokeDoesNothing: boolean;
  /** Every call in order, with the credential it carried. */
  calls: Array<{ method: Method; token?: string; refreshToken?: string; dryRun?: boolean }>;
}

export const FAKE_IDENTITY: TokenIdentity = {
  orgName: 'Example Org',
  enterpriseId: 'E0000TEST',
  teamId: null,
  userName: 'owner',
  userId: 'U0000OWNER',
  url: 'https://example-org.enterprise.slack.com/',
  isEnterpriseInstall: true,
};

function randomTail(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

export function mintFakeUserToken(): string {
  return ['xoxp', '1'.repeat(10), '2'.repeat(11), '3'.repeat(13), randomTail()].join('-');
}

export function createFakeSlack(options: FakeSlackOptions): FakeSlack {
  const { clock } = options;
  const tokens = new Map<string, FakeToken>();
  const faults = new Map<Method, UserError[]>();
  const calls: FakeSlack['calls'] = [];

  function takeFault(method: Method): UserError | undefined {
    return faults.get(method)?.shift();
  }

  function isLive(value: string): boolean {
    const record = tokens.get(value);
    if (!record || record.revoked || record.chain?.revoked) return false;
    if (record.kind === 'refresh') return !record.used;
    return record.expiresAt === null || record.expiresAt > clock.now();
  }

  function deadReason(value: string): UserError {
    const record = tokens.get(value);
    if (!record) return { code: 'invalid-auth', slackError: 'invalid_auth' };
    if (record.revoked || record.chain?.revoked) return { code: 'token-revoked', slackError: 'token_revoked' };
    return { code: 'token-expired', slackError: 'token_expired' };
  }

  function addAccess(value: string, chain: FakeChain | null, lifetimeSeconds: number | null, identity: TokenIdentity, scopes: string[]): void {
    tokens.set(value, {
      value,
      kind: 'access',
      chain,
      identity,
      scopes,
      expiresAt: lifetimeSeconds === null ? null : clock.now() + lifetimeSeconds * 1000,
      revoked: false,
      used: false,
    });
  }

  function addRefresh(chain: FakeChain, identity: TokenIdentity): string {
    const value = `xoxe-1-${randomTail(40)}`;
    tokens.set(value, { value, kind: 'refresh', chain, identity, scopes: [], expiresAt: null, revoked: false, used: false });
    return value;
  }

  const fake: FakeSlack = {
    revokeDoesNothing: false,
    calls,
    isLive,
    failNext(method, error) {
      faults.set(method, [...(faults.get(method) ?? []), error]);
    },
    mintUserToken(mintOptions = {}) {
      const value = mintOptions.bot ? ['xoxb', '4'.repeat(10), '5'.repeat(13), randomTail(12)].join('-') : mintFakeUserToken();
      addAccess(value, null, null, { ...FAKE_IDENTITY, ...mintOptions.identity }, mintOptions.scopes ?? ['admin', 'auditlogs:read']);
      return value;
    },
    mintRotatingToken(mintOptions = {}) {
      const clientId = mintOptions.clientId ?? `${'7'.repeat(10)}.${'8'.repeat(13)}`;
      const clientSecret = mintOptions.clientSecret ?? randomTail();
      const chain: FakeChain = { revoked: false, clientId, clientSecret };
      const token = `xoxe.xoxp-1-${randomTail(60)}`;
      addAccess(token, chain, mintOptions.lifetimeSeconds ?? 43_200, FAKE_IDENTITY, ['admin']);
      return { token, refreshToken: addRefresh(chain, FAKE_IDENTITY), clientId, clientSecret };
    },
    gateway: {
      async exchangeCode(): Promise<Result<OAuthAccessResult>> {
        calls.push({ method: 'exchangeCode' });
        return { ok: false, error: { code: 'internal' } };
      },
      async refreshToken(args): Promise<Result<OAuthAccessResult>> {
        calls.push({ method: 'refreshToken', refreshToken: args.refreshToken });
        await Promise.resolve();
        const fault = takeFault('refreshToken');
        if (fault) return { ok: false, error: fault };
        const record = tokens.get(args.refreshToken);
        if (!record || record.kind !== 'refresh' || !record.chain || !isLive(args.refreshToken)) {
          return { ok: false, error: { code: 'invalid-refresh-token', slackError: 'invalid_refresh_token' } };
        }
        if (record.chain.clientId !== args.clientId || record.chain.clientSecret !== args.clientSecret) {
          return { ok: false, error: { code: 'bad-client-secret', slackError: 'bad_client_secret' } };
        }
        record.used = true;
        const token = `xoxe.xoxp-1-${randomTail(60)}`;
        addAccess(token, record.chain, 43_200, record.identity, ['admin']);
        return {
          ok: true,
          value: {
            token,
            refreshToken: addRefresh(record.chain, record.identity),
            expiresInSeconds: 43_200,
            scopes: ['admin'],
            userId: record.identity.userId,
            appId: 'A0000TEST',
            enterprise: { id: 'E0000TEST', name: 'Example Org' },
            team: null,
            isEnterpriseInstall: true,
          },
        };
      },
      async authTest(token): Promise<Result<AuthTestResult>> {
        calls.push({ method: 'authTest', token });
        await Promise.resolve();
        const fault = takeFault('authTest');
        if (fault) return { ok: false, error: fault };
        const record = tokens.get(token);
        if (!record || record.kind !== 'access') return { ok: false, error: { code: 'invalid-auth', slackError: 'invalid_auth' } };
        if (!isLive(token)) return { ok: false, error: deadReason(token) };
        return { ok: true, value: { identity: record.identity, scopes: record.scopes } };
      },
      async revoke(token, revokeOptions): Promise<Result<{ revoked: boolean }>> {
        calls.push({ method: 'revoke', token, dryRun: revokeOptions.dryRun });
        await Promise.resolve();
        const fault = takeFault('revoke');
        if (fault) return { ok: false, error: fault };
        const record = tokens.get(token);
        if (!record) return { ok: false, error: { code: 'invalid-auth', slackError: 'invalid_auth' } };
        if (record.kind === 'refresh' && options.refreshTokenRevoke !== 'revokes-chain') {
          return { ok: false, error: { code: 'unknown-slack-error', slackError: 'not_bearer_token' } };
        }
        if (!isLive(token)) return { ok: false, error: deadReason(token) };
        if (revokeOptions.dryRun || fake.revokeDoesNothing) return { ok: true, value: { revoked: !fake.revokeDoesNothing } };
        record.revoked = true;
        if (record.chain) record.chain.revoked = true;
        return { ok: true, value: { revoked: true } };
      },
      async probe(api: ApiId): Promise<ApiCheck> {
        calls.push({ method: 'probe' });
        return { api, status: 'skipped' };
      },
    },
  };
  return fake;
}
