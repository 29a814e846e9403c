import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimSlack } from './index';
import type { SimApp, SimSlack } from './index';
import { CookieJar, authorizeUrl, authorizeViaForms, hiddenInputs } from './test-helpers';

let sim: SimSlack;
let app: SimApp;

beforeEach(async () => {
  sim = await startSimSlack();
  app = sim.registerApp();
});

afterEach(async () => {
  await sim.close();
});

async function getPage(url: string, jar = new CookieJar()): Promise<{ res: Response; html: string }> {
  const res = await fetch(url, { redirect: 'manual', headers: jar.header() });
  jar.absorb(res);
  return { res, html: await res.text() };
}

function selectedOption(html: string): string | undefined {
  return /<option value="([^"]*)" selected>/.exec(html)?.[1];
}

describe('GET /oauth/v2/authorize: refusals', () => {
  it('answers an unknown client_id with an error page and no redirect', async () => {
    const { res, html } = await getPage(`${sim.origin}/oauth/v2/authorize?client_id=111.222&user_scope=admin`);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<h1>Something went wrong</h1>');
    expect(html).toContain('invalid_client_id');
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain('<main>');
  });

  it.each([
    ['a different host', 'https://evil.example/callback'],
    ['http instead of https', 'http://localhost/callback'],
    ['an added port', 'https://localhost:8443/callback'],
    ['not a URL at all', 'localhost'],
  ])('refuses a redirect_uri with %s, without redirecting', async (_label, redirectUri) => {
    const url = authorizeUrl(sim, { app, user: sim.users.owner, redirectUri });
    const { res, html } = await getPage(url);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(html).toContain('<h1>Something went wrong</h1>');
    expect(html).toContain('redirect_uri did not match any configured URIs');
  });

  it('accepts a sub-path of a configured redirect URL and uses it for the redirect', async () => {
    const result = await authorizeViaForms(sim, {
      app,
      user: sim.users.owner,
      redirectUri: 'https://localhost/oauth/done?x=1',
      state: 'st-1',
    });
    expect(result.status).toBe(302);
    expect(result.location.startsWith('https://localhost/oauth/done?x=1&code=')).toBe(true);
    expect(result.state).toBe('st-1');
  });

  it('falls back to the first configured redirect URL when redirect_uri is absent', async () => {
    const custom = sim.registerApp({ redirectUrls: ['https://app.example/cb', 'https://localhost'] });
    const result = await authorizeViaForms(sim, { app: custom, user: sim.users.owner, state: 's' });
    expect(result.location.startsWith('https://app.example/cb?code=')).toBe(true);
  });

  it('refuses unknown scopes and requests without any scope', async () => {
    const unknown = await getPage(authorizeUrl(sim, { app, user: sim.users.owner, userScopes: ['admin', 'admin.everything'] }));
    expect(unknown.res.status).toBe(400);
    expect(unknown.html).toContain('invalid_scope');
    const none = await getPage(authorizeUrl(sim, { app, user: sim.users.owner, userScopes: [] }));
    expect(none.res.status).toBe(400);
    expect(none.html).toContain('invalid_scope');
  });

  it('does not echo the client secret or other secrets on error pages', async () => {
    const { html } = await getPage(
      `${sim.origin}/oauth/v2/authorize?client_id=${app.clientId}&user_scope=admin&redirect_uri=https://evil.example&client_secret=${app.clientSecret}`,
    );
    expect(html).not.toContain(app.clientSecret);
  });
});

describe('sign-in form', () => {
  it('shows an accessible sign-in form with the original parameters carried along', async () => {
    const { res, html } = await getPage(authorizeUrl(sim, { app, user: sim.users.owner, state: 'abc', team: 'T0SIMWS002' }));
    expect(res.status).toBe(200);
    expect(html).toContain('<h1>Sign in to Acme Corp (simulated)</h1>');
    expect(html).toContain('<label for="email">Email address</label>');
    expect(html).toContain('<input id="email" name="email" type="email"');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('<input id="password" name="password" type="password"');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Sign in<\/button>/);
    expect(html).toContain('action="/oauth/v2/authorize/sign-in"');
    expect(hiddenInputs(html)).toEqual({
      client_id: app.clientId,
      user_scope: 'admin',
      state: 'abc',
      team: 'T0SIMWS002',
    });
  });

  it('shows an alert and the form again after a wrong password, and sets no session', async () => {
    const { html } = await getPage(authorizeUrl(sim, { app, user: sim.users.owner }));
    const res = await fetch(`${sim.origin}/oauth/v2/authorize/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...hiddenInputs(html), email: sim.users.owner.email, password: 'wrong' }).toString(),
    });
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(page).toContain('role="alert"');
    expect(page).toContain('Sorry, you entered an incorrect email address or password.');
    expect(page).toContain('<h1>Sign in to Acme Corp (simulated)</h1>');
    expect(page).not.toContain('wrong');
    // The email stays filled in, so only the password has to be typed again.
    expect(page).toContain(`value="${sim.users.owner.email}"`);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie and redirects back to authorize', async () => {
    const first = await getPage(authorizeUrl(sim, { app, user: sim.users.owner, state: 'keep-me' }));
    const res = await fetch(`${sim.origin}/oauth/v2/authorize/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ...hiddenInputs(first.html),
        email: sim.users.owner.email.toUpperCase(),
        password: 'correct horse',
      }).toString(),
    });
    expect(res.status).toBe(302);
    const cookie = res.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^sim_slack_session=[0-9a-f]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const location = new URL(res.headers.get('location') ?? '', sim.origin);
    expect(location.pathname).toBe('/oauth/v2/authorize');
    expect(location.searchParams.get('state')).toBe('keep-me');
    expect(location.searchParams.get('client_id')).toBe(app.clientId);
  });

  it('skips the form on a second authorize in the same browser session, not in a fresh one', async () => {
    const jar = new CookieJar();
    const first = await authorizeViaForms(sim, { app, user: sim.users.owner, jar });
    expect(first.code).not.toBeNull();
    const again = await getPage(authorizeUrl(sim, { app, user: sim.users.owner }), jar);
    expect(again.html).toContain('is requesting permission');
    expect(again.html).not.toContain('Sign in to');
    const fresh = await getPage(authorizeUrl(sim, { app, user: sim.users.owner }));
    expect(fresh.html).toContain('Sign in to Acme Corp (simulated)');
  });
});

describe('install page', () => {
  async function installPage(opts: { team?: string; userScopes?: string[]; botScopes?: string[] } = {}): Promise<string> {
    const jar = new CookieJar();
    await authorizeViaForms(sim, { app, user: sim.users.owner, jar, decision: 'cancel' });
    const { html } = await getPage(authorizeUrl(sim, { app, user: sim.users.owner, ...opts }), jar);
    return html;
  }

  it('names the app and the org, lists the scopes in <code>, and offers Allow and Cancel', async () => {
    const html = await installPage({ userScopes: ['admin', 'auditlogs:read'] });
    expect(html).toContain(
      '<h1>Org Token Helper (simulated app) is requesting permission to access the Acme Corp (simulated) Slack organization</h1>',
    );
    expect(html).toContain('<code>admin</code>');
    expect(html).toContain('<code>auditlogs:read</code>');
    expect(html).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*value="cancel"[^>]*>Cancel<\/button>/);
    expect(html).toContain('action="/oauth/v2/authorize/decide"');
    expect(html).toContain('<title>');
    expect(html).toContain('<main>');
  });

  it('has an "Install on" select with every workspace and the org, a workspace preselected', async () => {
    const html = await installPage();
    expect(html).toContain('<label for="install_on">Install on</label>');
    expect(html).toContain('<select id="install_on" name="install_on">');
    expect(html).toContain('<option value="T0SIMWS001" selected>Acme Sales</option>');
    expect(html).toContain('<option value="T0SIMWS002">Acme Engineering</option>');
    expect(html).toContain('<option value="org">Acme Corp (simulated) — entire organization</option>');
    expect(selectedOption(html)).toBe('T0SIMWS001');
  });

  it('preselects the workspace named by team=, and ignores an enterprise id there', async () => {
    expect(selectedOption(await installPage({ team: 'T0SIMWS002' }))).toBe('T0SIMWS002');
    expect(selectedOption(await installPage({ team: 'E0SIMORG01' }))).toBe('T0SIMWS001');
  });

  it('lists bot scopes separately when the app asks for some', async () => {
    const html = await installPage({ userScopes: ['admin'], botScopes: ['team:read'] });
    expect(html).toContain('as an app?');
    expect(html).toContain('<code>team:read</code>');
  });
});

describe('POST /oauth/v2/authorize/decide', () => {
  it('Allow redirects to the redirect_uri with a code and the state', async () => {
    const result = await authorizeViaForms(sim, { app, user: sim.users.owner, state: 'state-123', installOn: 'org' });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^https:\/\/localhost\?code=\d+\.\d+\.[0-9a-f]{64}&state=state-123$/);
    expect(result.code).toMatch(/^\d+\.\d+\.[0-9a-f]{64}$/);
  });

  it('Cancel redirects with error=access_denied and the state', async () => {
    const result = await authorizeViaForms(sim, { app, user: sim.users.owner, state: 's-9', decision: 'cancel' });
    expect(result.status).toBe(302);
    expect(result.error).toBe('access_denied');
    expect(result.state).toBe('s-9');
    expect(result.code).toBeNull();
  });

  it('redirects an Admin without the Channel Management role with error=not_allowed for admin.* on the org', async () => {
    const result = await authorizeViaForms(sim, {
      app,
      user: sim.users.adminNoChannelRole,
      userScopes: ['admin.teams:read'],
      installOn: 'org',
      state: 'n',
    });
    expect(result.status).toBe(302);
    expect(result.error).toBe('not_allowed');
    expect(result.state).toBe('n');
    expect(result.code).toBeNull();
  });

  it('lets the same Admin install admin.* on a workspace, and an Admin with the role on the org', async () => {
    const onWorkspace = await authorizeViaForms(sim, {
      app,
      user: sim.users.adminNoChannelRole,
      userScopes: ['admin.teams:read'],
      installOn: 'T0SIMWS001',
    });
    expect(onWorkspace.code).not.toBeNull();
    const withRole = await authorizeViaForms(sim, {
      app,
      user: sim.users.admin,
      userScopes: ['admin.teams:read'],
      installOn: 'org',
    });
    expect(withRole.code).not.toBeNull();
  });

  it.each([['admin'], ['admin.users:read'], ['auditlogs:read'], ['discovery:read']])(
    'shows a member a 403 page, with no redirect, for %s on the org',
    async (scope) => {
      const result = await authorizeViaForms(sim, { app, user: sim.users.member, userScopes: [scope], installOn: 'org' });
      expect(result.status).toBe(403);
      expect(result.location).toBe('');
      expect(result.html).toContain("You don't have permission to install this app");
    },
  );

  it('lets a member install ordinary user scopes on the org', async () => {
    const result = await authorizeViaForms(sim, { app, user: sim.users.member, userScopes: ['users:read'], installOn: 'org' });
    expect(result.code).not.toBeNull();
  });

  it('records what was chosen in the code (checked through the exchange)', async () => {
    const result = await authorizeViaForms(sim, { app, user: sim.users.owner, installOn: 'T0SIMWS002' });
    const res = await fetch(`${sim.origin}/api/oauth.v2.access`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: app.clientId, client_secret: app.clientSecret, code: result.code ?? '' }).toString(),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.team).toEqual({ id: 'T0SIMWS002', name: 'Acme Engineering' });
    expect(body.is_enterprise_install).toBe(false);
    expect(sim.installs).toEqual([
      expect.objectContaining({ userId: sim.users.owner.id, teamId: 'T0SIMWS002', isEnterpriseInstall: false, userScopes: ['admin'] }),
    ]);
  });

  it('refuses a forged form (wrong crumb) and sends an unsigned browser back to sign in', async () => {
    const jar = new CookieJar();
    await authorizeViaForms(sim, { app, user: sim.users.owner, jar, decision: 'cancel' });
    const fields = { client_id: app.clientId, user_scope: 'admin', install_on: 'org', decision: 'allow' };
    const forged = await fetch(`${sim.origin}/oauth/v2/authorize/decide`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...jar.header() },
      body: new URLSearchParams({ ...fields, crumb: 'nope' }).toString(),
    });
    expect(forged.status).toBe(400);
    expect(forged.headers.get('location')).toBeNull();

    const anonymous = await fetch(`${sim.origin}/oauth/v2/authorize/decide`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^\/oauth\/v2\/authorize\?/);
  });

  it('keeps secrets and codes out of the request log', async () => {
    const result = await authorizeViaForms(sim, { app, user: sim.users.owner, state: 'secret-state' });
    const logged = JSON.stringify(sim.requests);
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /oauth/v2/authorize',
      'POST /oauth/v2/authorize/sign-in',
      'GET /oauth/v2/authorize',
      'POST /oauth/v2/authorize/decide',
    ]);
    expect(logged).not.toContain(result.code ?? 'x');
    expect(logged).not.toContain('secret-state');
    expect(logged).not.toContain('correct horse');
    expect(logged).not.toContain('?');
  });
});
