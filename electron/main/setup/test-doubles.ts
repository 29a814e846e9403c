// Hand-written doubles of the seams the setup service uses, for unit tests only.
import type { ApiCheck, ApiId, Result, TokenIdentity, TokenSummary, TokenTestReport, VaultStatus } from '../../shared/ipc-contract';
import type { AuthTestResult, NewTokenEntry, OAuthAccessResult, OpenSignInWindow, SignInWindowOutcome, SignInWindowRequest, SlackGateway, TokenVault } from '../seams';

export const OWNER_IDENTITY: TokenIdentity = {
  orgName: 'Acme Corp',
  enterpriseId: 'E0ACME',
  teamId: 'E0ACME',
  userName: 'olivia',
  userId: 'U0OWNER',
  url: 'https://acme.enterprise.slack.com/',
  isEnterpriseInstall: true,
};

export function orgAccess(token: string, overrides: Partial<OAuthAccessResult> = {}): OAuthAccessResult {
  return {
    token,
    refreshToken: null,
    expiresInSeconds: null,
    scopes: ['admin', 'auditlogs:read'],
    userId: 'U0OWNER',
    appId: 'A0APP',
    enterprise: { id: 'E0ACME', name: 'Acme Corp' },
    team: null,
    isEnterpriseInstall: true,
    ...overrides,
  };
}

/** A gateway whose answers tests set per method; records every call. */
export class FakeGateway implements SlackGateway {
  exchangeResult: Result<OAuthAccessResult> = { ok: false, error: { code: 'internal' } };
  authResult: Result<AuthTestResult> = { ok: true, value: { identity: OWNER_IDENTITY, scopes: ['admin', 'auditlogs:read'] } };
  probeResults: Partial<Record<ApiId, ApiCheck>> = {};
  calls: Array<{ method: string; args: unknown }> = [];

  async exchangeCode(args: { clientId: string; clientSecret: string; code: string; redirectUri: string }): Promise<Result<OAuthAccessResult>> {
    this.calls.push({ method: 'exchangeCode', args });
    return this.exchangeResult;
  }
  async refreshToken(args: { clientId: string; clientSecret: string; refreshToken: string }): Promise<Result<OAuthAccessResult>> {
    this.calls.push({ method: 'refreshToken', args });
    return { ok: false, error: { code: 'internal' } };
  }
  async authTest(token: string): Promise<Result<AuthTestResult>> {
    this.calls.push({ method: 'authTest', args: token });
    return this.authResult;
  }
  async revoke(token: string, options: { dryRun: boolean }): Promise<Result<{ revoked: boolean }>> {
    this.calls.push({ method: 'revoke', args: { token, ...options } });
    return { ok: true, value: { revoked: !options.dryRun } };
  }
  async probe(api: ApiId, token: string): Promise<ApiCheck> {
    this.calls.push({ method: 'probe', args: { api, token } });
    return this.probeResults[api] ?? { api, status: 'ok' };
  }
  methods(): string[] {
    return this.calls.map((call) => call.method);
  }
}

/** An in-memory TokenVault with just enough behaviour for the setup's tests. */
export class MemoryVault implements TokenVault {
  tokens = new Map<string, { summary: TokenSummary; token: string }>();
  secrets = new Map<string, string>();
  saved: NewTokenEntry[] = [];
  rememberFails = false;
  saveFails = false;
  private nextId = 1;

  status(): VaultStatus {
    return { encryption: 'available', mode: 'encrypted', recoveredCorruptFile: false };
  }
  async save(entry: NewTokenEntry): Promise<TokenSummary> {
    if (this.saveFails) throw new Error('disk full');
    this.saved.push(entry);
    const id = `tok_${String(this.nextId++).padStart(8, '0')}`;
    const summary: TokenSummary = {
      id,
      maskedToken: `${entry.token.slice(0, 5)}…${entry.token.slice(-4)}`,
      identity: entry.identity,
      scopes: entry.scopes,
      requestedScopes: entry.requestedScopes,
      apis: entry.apis,
      appId: entry.appId,
      createdAt: new Date(0).toISOString(),
      lastTest: null,
      rotating: entry.refreshToken !== null,
      expiresAt: null,
      status: 'active',
      revokedAt: null,
      revokeError: null,
      inMemoryOnly: false,
    };
    this.tokens.set(id, { summary, token: entry.token });
    return summary;
  }
  list(): TokenSummary[] {
    return [...this.tokens.values()].map((stored) => stored.summary);
  }
  get(id: string): TokenSummary | null {
    return this.tokens.get(id)?.summary ?? null;
  }
  readToken(id: string): string | null {
    return this.tokens.get(id)?.token ?? null;
  }
  async recordTest(id: string, report: TokenTestReport): Promise<TokenSummary | null> {
    const stored = this.tokens.get(id);
    if (!stored) return null;
    stored.summary = { ...stored.summary, lastTest: { at: report.testedAt, ok: !report.error && report.apiChecks.every((check) => check.status !== 'failed') } };
    return stored.summary;
  }
  async rememberClientSecret(clientId: string, secret: string): Promise<void> {
    if (this.rememberFails) throw new Error('encryption unavailable');
    this.secrets.set(clientId, secret);
  }
  readClientSecret(clientId: string): string | null {
    return this.secrets.get(clientId) ?? null;
  }
  async forgetClientSecret(clientId: string): Promise<void> {
    this.secrets.delete(clientId);
  }
}

/** A sign-in window the test settles by hand. */
export class FakeSignInWindows {
  requests: SignInWindowRequest[] = [];
  cancelled = 0;
  throwOnOpen = false;
  private settle: ((outcome: SignInWindowOutcome) => void) | null = null;

  readonly open: OpenSignInWindow = (request) => {
    if (this.throwOnOpen) throw new Error('cannot create window');
    this.requests.push(request);
    let resolve: (outcome: SignInWindowOutcome) => void = () => {};
    const outcome = new Promise<SignInWindowOutcome>((r) => {
      resolve = r;
    });
    let done = false;
    this.settle = (value) => {
      if (done) return;
      done = true;
      resolve(value);
    };
    return {
      outcome,
      cancel: () => {
        this.cancelled += 1;
        this.settle?.({ kind: 'cancelled' });
      },
    };
  };

  get last(): SignInWindowRequest {
    const request = this.requests.at(-1);
    if (!request) throw new Error('no sign-in window was opened');
    return request;
  }

  /** The state the last authorize URL carried. */
  get state(): string {
    return new URL(this.last.authorizeUrl).searchParams.get('state') ?? '';
  }

  finish(outcome: SignInWindowOutcome): void {
    this.settle?.(outcome);
  }

  redirectWith(params: Record<string, string>): void {
    this.finish({ kind: 'redirect', url: `https://localhost/?${new URLSearchParams(params).toString()}` });
  }
}
