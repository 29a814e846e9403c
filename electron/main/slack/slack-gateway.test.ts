import { describe, expect, it, vi } from 'vitest';
import { resolveSlackEndpoints } from '../../shared/slack-endpoints';
import type { SlackGatewayOptions } from './slack-gateway';
import { createSlackGateway } from './slack-gateway';

const TOKEN = 'xoxp-1111111111-22222222222-3333333333333-0123456789abcdef0123456789abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';
const CLIENT_ID = '1234567890.1234567890123';
const CODE = '1234567890.1234567890123.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

type Reply = Response | ((request: SeenRequest, signal: AbortSignal | undefined) => Response | Promise<Response>);

function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...init.headers },
  });
}

function html(status = 200): Response {
  return new Response('<!DOCTYPE html><html><body><h1>Slack is having trouble</h1></body></html>', {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

/** A fetch that answers from a queue and records what it was sent. */
function fakeFetch(...replies: Reply[]) {
  const seen: SeenRequest[] = [];
  const impl = vi.fn(async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    for (const [key, value] of new Headers(init?.headers).entries()) headers[key] = value;
    const request: SeenRequest = { url: String(input), method: init?.method ?? 'GET', headers, body: typeof init?.body === 'string' ? init.body : String(init?.body ?? '') };
    seen.push(request);
    const reply = replies.shift();
    if (!reply) throw new Error('no reply queued');
    return typeof reply === 'function' ? reply(request, init?.signal ?? undefined) : reply;
  });
  return { impl: impl as unknown as typeof fetch, seen };
}

function gatewayWith(fetchImpl: typeof fetch, extra: Partial<SlackGatewayOptions> = {}) {
  const waits: Array<[string, number]> = [];
  const sleeps: number[] = [];
  const gateway = createSlackGateway({
    getEndpoints: () => resolveSlackEndpoints({ region: 'commercial', env: {}, allowOverride: false }),
    fetchImpl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onRateLimitWait: (operation, secondsLeft) => waits.push([operation, secondsLeft]),
    ...extra,
  });
  return { gateway, waits, sleeps };
}

const ORG_INSTALL = {
  ok: true,
  app_id: 'A0APP',
  authed_user: { id: 'U0OWNER', scope: 'admin,auditlogs:read', access_token: TOKEN, token_type: 'user' },
  team: null,
  enterprise: { id: 'E0ORG', name: 'Acme Corp' },
  is_enterprise_install: true,
};

describe('exchangeCode', () => {
  it('sends the client credentials as HTTP Basic and reads the user token from authed_user', async () => {
    const { impl, seen } = fakeFetch(json(ORG_INSTALL));
    const { gateway } = gatewayWith(impl);
    const result = await gateway.exchangeCode({ clientId: CLIENT_ID, clientSecret: SECRET, code: CODE, redirectUri: 'https://localhost' });
    expect(result).toEqual({
      ok: true,
      value: {
        token: TOKEN,
        refreshToken: null,
        expiresInSeconds: null,
        scopes: ['admin', 'auditlogs:read'],
        userId: 'U0OWNER',
        appId: 'A0APP',
        enterprise: { id: 'E0ORG', name: 'Acme Corp' },
        team: null,
        isEnterpriseInstall: true,
      },
    });
    const request = seen[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://slack.com/api/oauth.v2.access');
    expect(request?.headers['authorization']).toBe(`Basic ${Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64')}`);
    const form = new URLSearchParams(request?.body);
    expect(form.get('code')).toBe(CODE);
    expect(form.get('redirect_uri')).toBe('https://localhost');
    expect(request?.body).not.toContain(SECRET);
    expect(request?.url).not.toContain(CODE);
  });

  it('keeps the refresh token and lifetime of a rotating token', async () => {
    const rotating = { ...ORG_INSTALL, authed_user: { ...ORG_INSTALL.authed_user, access_token: 'xoxe.xoxp-1-abc', refresh_token: 'xoxe-1-def', expires_in: 43200 } };
    const { impl } = fakeFetch(json(rotating));
    const result = await gatewayWith(impl).gateway.exchangeCode({ clientId: CLIENT_ID, clientSecret: SECRET, code: CODE, redirectUri: 'https://localhost' });
    expect(result).toMatchObject({ ok: true, value: { token: 'xoxe.xoxp-1-abc', refreshToken: 'xoxe-1-def', expiresInSeconds: 43200 } });
  });

  it('falls back to a legacy top-level user token, but never takes a bot token for it', async () => {
    const legacy = { ok: true, access_token: TOKEN, scope: 'admin', user_id: 'U0LEGACY', is_enterprise_install: true };
    const botOnly = { ok: true, access_token: 'xoxb-1-2-abc', token_type: 'bot', scope: 'commands', authed_user: { id: 'U0X' }, is_enterprise_install: true };
    const { impl } = fakeFetch(json(legacy), json(botOnly));
    const { gateway } = gatewayWith(impl);
    const args = { clientId: CLIENT_ID, clientSecret: SECRET, code: CODE, redirectUri: 'https://localhost' };
    expect(await gateway.exchangeCode(args)).toMatchObject({ ok: true, value: { token: TOKEN, userId: 'U0LEGACY', scopes: ['admin'] } });
    expect(await gateway.exchangeCode(args)).toEqual({ ok: false, error: { code: 'no-token-in-response', backTo: 'sign-in' } });
  });

  it('reports a workspace install as such', async () => {
    const workspace = { ...ORG_INSTALL, team: { id: 'T0WS', name: 'Sales' }, is_enterprise_install: false };
    const { impl } = fakeFetch(json(workspace));
    const result = await gatewayWith(impl).gateway.exchangeCode({ clientId: CLIENT_ID, clientSecret: SECRET, code: CODE, redirectUri: 'https://localhost' });
    expect(result).toMatchObject({ ok: true, value: { isEnterpriseInstall: false, team: { id: 'T0WS', name: 'Sales' } } });
  });

  it.each([
    ['invalid_code', 'invalid-code', 'sign-in'],
    ['code_already_used', 'code-already-used', 'sign-in'],
    ['bad_client_secret', 'bad-client-secret', 'credentials'],
    ['invalid_client_id', 'invalid-client-id', 'credentials'],
    ['bad_redirect_uri', 'bad-redirect-uri', 'credentials'],
    ['oauth_authorization_url_mismatch', 'oauth-authorization-url-mismatch', 'sign-in'],
    ['cannot_install_an_org_installed_app', 'cannot-install-an-org-installed-app', 'sign-in'],
    ['team_access_not_granted', 'team-access-not-granted', 'sign-in'],
    ['enterprise_is_restricted', 'enterprise-is-restricted', 'sign-in'],
    ['something_new', 'unknown-slack-error', 'sign-in'],
  ])('maps %s to %s and sends the admin back to %s', async (slackError, code, backTo) => {
    const { impl } = fakeFetch(json({ ok: false, error: slackError }));
    const result = await gatewayWith(impl).gateway.exchangeCode({ clientId: CLIENT_ID, clientSecret: SECRET, code: CODE, redirectUri: 'https://localhost' });
    expect(result).toEqual({ ok: false, error: { code, slackError, backTo } });
  });
});

describe('refreshToken', () => {
  it('uses the refresh grant with Basic auth and reads the flat answer', async () => {
    const { impl, seen } = fakeFetch(json({ ok: true, app_id: 'A0APP', token_type: 'user', access_token: 'xoxe.xoxp-1-new', refresh_token: 'xoxe-1-next', expires_in: 43200, scope: 'admin', user_id: 'U0OWNER', enterprise: { id: 'E0ORG', name: 'Acme' }, is_enterprise_install: true }));
    const result = await gatewayWith(impl).gateway.refreshToken({ clientId: CLIENT_ID, clientSecret: SECRET, refreshToken: 'xoxe-1-old' });
    expect(result).toMatchObject({ ok: true, value: { token: 'xoxe.xoxp-1-new', refreshToken: 'xoxe-1-next', userId: 'U0OWNER' } });
    const form = new URLSearchParams(seen[0]?.body);
    expect(form.get('grant_type')).toBe('refresh_token');
    expect(form.get('refresh_token')).toBe('xoxe-1-old');
    expect(seen[0]?.headers['authorization']).toMatch(/^Basic /);
  });

  it('maps invalid_refresh_token', async () => {
    const { impl } = fakeFetch(json({ ok: false, error: 'invalid_refresh_token' }));
    const result = await gatewayWith(impl).gateway.refreshToken({ clientId: CLIENT_ID, clientSecret: SECRET, refreshToken: 'xoxe-1-old' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-refresh-token' } });
  });
});

describe('authTest', () => {
  it('sends the token as Bearer only and reads identity and granted scopes', async () => {
    const { impl, seen } = fakeFetch(
      json(
        { ok: true, url: 'https://acme.enterprise.slack.com/', team: 'Acme Corp', user: 'olivia', team_id: 'E0ORG', user_id: 'U0OWNER', enterprise_id: 'E0ORG', is_enterprise_install: true },
        { headers: { 'x-oauth-scopes': 'admin,auditlogs:read' } },
      ),
    );
    const result = await gatewayWith(impl).gateway.authTest(TOKEN);
    expect(result).toEqual({
      ok: true,
      value: {
        identity: { orgName: 'Acme Corp', enterpriseId: 'E0ORG', teamId: 'E0ORG', userName: 'olivia', userId: 'U0OWNER', url: 'https://acme.enterprise.slack.com/', isEnterpriseInstall: true },
        scopes: ['admin', 'auditlogs:read'],
      },
    });
    expect(seen[0]?.url).toBe('https://slack.com/api/auth.test');
    expect(seen[0]?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(seen[0]?.body).not.toContain(TOKEN);
  });

  it.each([
    ['invalid_auth', 'invalid-auth'],
    ['not_authed', 'not-authed'],
    ['token_revoked', 'token-revoked'],
    ['token_expired', 'token-expired'],
    ['account_inactive', 'account-inactive'],
    ['no_permission', 'no-permission'],
    ['org_login_required', 'org-login-required'],
    ['ekm_access_denied', 'ekm-access-denied'],
    ['team_access_not_granted', 'team-access-not-granted'],
    ['enterprise_is_restricted', 'enterprise-is-restricted'],
  ])('maps %s', async (slackError, code) => {
    const { impl } = fakeFetch(json({ ok: false, error: slackError }));
    expect(await gatewayWith(impl).gateway.authTest(TOKEN)).toEqual({ ok: false, error: { code, slackError } });
  });

  it('treats an answer without a user as unexpected', async () => {
    const { impl } = fakeFetch(json({ ok: true }));
    expect(await gatewayWith(impl).gateway.authTest(TOKEN)).toEqual({ ok: false, error: { code: 'unexpected-response' } });
  });
});

describe('revoke', () => {
  it('revokes for real, or only tests with a dry run', async () => {
    const { impl, seen } = fakeFetch(json({ ok: true, revoked: true }), json({ ok: true, revoked: false }));
    const { gateway } = gatewayWith(impl);
    expect(await gateway.revoke(TOKEN, { dryRun: false })).toEqual({ ok: true, value: { revoked: true } });
    expect(await gateway.revoke(TOKEN, { dryRun: true })).toEqual({ ok: true, value: { revoked: false } });
    expect(new URLSearchParams(seen[0]?.body).has('test')).toBe(false);
    expect(new URLSearchParams(seen[1]?.body).get('test')).toBe('true');
    expect(seen.every((request) => request.url === 'https://slack.com/api/auth.revoke' && request.headers['authorization'] === `Bearer ${TOKEN}`)).toBe(true);
  });
});

describe('probe', () => {
  it('checks SCIM with a real user list call', async () => {
    const { impl, seen } = fakeFetch(json({ totalResults: 3, Resources: [] }));
    expect(await gatewayWith(impl).gateway.probe('scim', TOKEN)).toEqual({ api: 'scim', status: 'ok' });
    expect(seen[0]).toMatchObject({ method: 'GET', url: 'https://api.slack.com/scim/v2/Users?count=1' });
    expect(seen[0]?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
  });

  it('checks Audit Logs with /logs, not the unauthenticated /schemas', async () => {
    const { impl, seen } = fakeFetch(json({ entries: [] }));
    expect(await gatewayWith(impl).gateway.probe('audit-logs', TOKEN)).toEqual({ api: 'audit-logs', status: 'ok' });
    expect(seen[0]?.url).toBe('https://api.slack.com/audit/v1/logs?limit=1');
  });

  it('checks Discovery and the Admin API through the Web API', async () => {
    const { impl, seen } = fakeFetch(json({ ok: true, enterprise: {} }), json({ ok: true, teams: [] }));
    const { gateway } = gatewayWith(impl);
    expect(await gateway.probe('discovery', TOKEN)).toEqual({ api: 'discovery', status: 'ok' });
    expect(await gateway.probe('admin-api', TOKEN)).toEqual({ api: 'admin-api', status: 'ok' });
    expect(seen[0]?.url).toBe('https://slack.com/api/discovery.enterprise.info');
    expect(seen[1]?.url).toBe('https://slack.com/api/admin.teams.list');
    expect(new URLSearchParams(seen[1]?.body).get('limit')).toBe('1');
  });

  it.each([
    ['audit-logs', 403, { ok: false, error: 'user_not_authorized' }, 'owner-only'],
    ['audit-logs', 403, { ok: false, error: 'insufficient_scopes' }, 'missing-scope'],
    ['audit-logs', 403, { ok: false, error: 'feature_not_enabled' }, 'feature-not-enabled'],
    ['audit-logs', 401, { ok: false, error: 'invalid_authentication' }, 'invalid-auth'],
    ['scim', 401, { Errors: { description: 'invalid_authentication', code: 401 } }, 'invalid-auth'],
    ['scim', 403, { Errors: { description: 'missing_scope', code: 403 } }, 'missing-scope'],
    ['scim', 403, { Errors: { description: 'not_an_admin', code: 403 } }, 'not-an-admin'],
    ['scim', 403, { Errors: { description: 'not_allowed_token_type', code: 403 } }, 'workspace-install'],
    ['scim', 403, { Errors: { description: 'some_new_reason', code: 403 } }, 'no-permission'],
    ['scim', 403, {}, 'no-permission'],
  ] as const)('maps a %s refusal (%i %j) to %s', async (api, status, body, code) => {
    const { impl } = fakeFetch(json(body, { status }));
    const check = await gatewayWith(impl).gateway.probe(api, TOKEN);
    expect(check).toMatchObject({ api, status: 'failed', error: { code, httpStatus: status } });
  });

  it.each([
    ['discovery', 'feature_not_enabled', 'feature-not-enabled'],
    ['discovery', 'missing_scope', 'missing-scope'],
    ['admin-api', 'not_an_admin', 'not-an-admin'],
    ['admin-api', 'not_allowed_token_type', 'workspace-install'],
  ] as const)('maps a %s refusal %s to %s', async (api, slackError, code) => {
    const { impl } = fakeFetch(json({ ok: false, error: slackError }));
    expect(await gatewayWith(impl).gateway.probe(api, TOKEN)).toEqual({ api, status: 'failed', error: { code, slackError } });
  });

  it('reports a REST server error and a non-JSON page', async () => {
    const { impl } = fakeFetch(new Response('oops', { status: 503 }), html(200), html(403));
    const { gateway } = gatewayWith(impl);
    expect(await gateway.probe('scim', TOKEN)).toMatchObject({ status: 'failed', error: { code: 'slack-server-error', httpStatus: 503 } });
    expect(await gateway.probe('scim', TOKEN)).toMatchObject({ status: 'failed', error: { code: 'unexpected-response', httpStatus: 200 } });
    expect(await gateway.probe('audit-logs', TOKEN)).toMatchObject({ status: 'failed', error: { code: 'unexpected-response', httpStatus: 403 } });
  });
});

describe('rate limits', () => {
  it('waits out a short Retry-After, counting down, then retries once (Web API)', async () => {
    const { impl, seen } = fakeFetch(json({ ok: false, error: 'ratelimited' }, { status: 429, headers: { 'retry-after': '2' } }), json({ ok: true, user_id: 'U1' }));
    const { gateway, waits, sleeps } = gatewayWith(impl);
    const result = await gateway.authTest(TOKEN);
    expect(result.ok).toBe(true);
    expect(waits).toEqual([
      ['auth.test', 2],
      ['auth.test', 1],
      ['auth.test', 0],
    ]);
    expect(sleeps).toEqual([1000, 1000]);
    expect(seen).toHaveLength(2);
  });

  it('waits out a short Retry-After on the REST APIs too', async () => {
    const { impl } = fakeFetch(json({ ok: false, error: 'ratelimited' }, { status: 429, headers: { 'retry-after': '1' } }), json({ Resources: [] }));
    const { gateway, waits } = gatewayWith(impl);
    expect(await gateway.probe('scim', TOKEN)).toEqual({ api: 'scim', status: 'ok' });
    expect(waits).toEqual([
      ['scim', 1],
      ['scim', 0],
    ]);
  });

  it('reports a long Retry-After at once instead of hanging', async () => {
    const { impl, seen } = fakeFetch(json({ ok: false, error: 'ratelimited' }, { status: 429, headers: { 'retry-after': '120' } }));
    const { gateway, waits, sleeps } = gatewayWith(impl);
    expect(await gateway.authTest(TOKEN)).toEqual({ ok: false, error: { code: 'rate-limited', retryAfterSeconds: 120 } });
    expect(waits).toEqual([]);
    expect(sleeps).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it('retries only once', async () => {
    const limited = () => json({ ok: false, error: 'ratelimited' }, { status: 429, headers: { 'retry-after': '1' } });
    const { impl, seen } = fakeFetch(limited(), limited(), json({ ok: true, user_id: 'U1' }));
    const { gateway } = gatewayWith(impl);
    expect(await gateway.authTest(TOKEN)).toEqual({ ok: false, error: { code: 'rate-limited', retryAfterSeconds: 1 } });
    expect(seen).toHaveLength(2);
  });

  it('honours a lower wait limit', async () => {
    const { impl } = fakeFetch(json({}, { status: 429, headers: { 'retry-after': '10' } }));
    const { gateway } = gatewayWith(impl, { maxRateLimitWaitSeconds: 5 });
    expect(await gateway.probe('audit-logs', TOKEN)).toMatchObject({ status: 'failed', error: { code: 'rate-limited', retryAfterSeconds: 10 } });
  });
});

describe('transport problems', () => {
  it('reports a Web API server error with its status', async () => {
    const { impl } = fakeFetch(new Response('Internal Server Error', { status: 500 }));
    expect(await gatewayWith(impl).gateway.authTest(TOKEN)).toEqual({ ok: false, error: { code: 'slack-server-error', httpStatus: 500 } });
  });

  it('reports an HTML page instead of JSON without echoing it', async () => {
    const { impl } = fakeFetch(html(200));
    expect(await gatewayWith(impl).gateway.authTest(TOKEN)).toEqual({ ok: false, error: { code: 'unexpected-response' } });
  });

  it('gives up after the timeout', async () => {
    const hang = (_request: SeenRequest, signal: AbortSignal | undefined) =>
      new Promise<Response>((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    const { impl } = fakeFetch(hang, hang);
    const { gateway } = gatewayWith(impl, { timeoutMs: 30 });
    expect(await gateway.authTest(TOKEN)).toEqual({ ok: false, error: { code: 'timeout' } });
    expect(await gateway.probe('scim', TOKEN)).toEqual({ api: 'scim', status: 'failed', error: { code: 'timeout' } });
  });

  it('reports a refused or dropped connection as a network problem', async () => {
    const refused = () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) }));
    const { impl } = fakeFetch(refused, refused);
    const { gateway } = gatewayWith(impl);
    expect(await gateway.exchangeCode({ clientId: CLIENT_ID, clientSecret: SECRET, code: CODE, redirectUri: 'https://localhost' })).toEqual({
      ok: false,
      error: { code: 'network', backTo: 'sign-in' },
    });
    expect(await gateway.probe('audit-logs', TOKEN)).toEqual({ api: 'audit-logs', status: 'failed', error: { code: 'network' } });
  });
});

describe('secrets', () => {
  it('never puts a token, secret or code in a result, and logs nothing', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
    const fail = () => Promise.reject(new TypeError(`fetch failed for ${TOKEN} ${SECRET} ${CODE}`));
    const { impl } = fakeFetch(
      json({ ok: false, error: 'bad_client_secret' }),
      fail,
      html(200),
      new Response(`server error ${TOKEN}`, { status: 500 }),
      json({ ok: false, error: 'invalid_auth' }, { status: 401 }),
      fail,
    );
    const { gateway } = gatewayWith(impl);
    const outputs = [
      await gateway.exchangeCode({ clientId: CLIENT_ID, clientSecret: SECRET, code: CODE, redirectUri: 'https://localhost' }),
      await gateway.exchangeCode({ clientId: CLIENT_ID, clientSecret: SECRET, code: CODE, redirectUri: 'https://localhost' }),
      await gateway.authTest(TOKEN),
      await gateway.revoke(TOKEN, { dryRun: true }),
      await gateway.probe('scim', TOKEN),
      await gateway.probe('audit-logs', TOKEN),
    ];
    const serialized = JSON.stringify(outputs);
    for (const secret of [TOKEN, SECRET, CODE]) expect(serialized).not.toContain(secret);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
