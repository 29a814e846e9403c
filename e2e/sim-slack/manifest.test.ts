import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '@slack/web-api';
import type { AppsManifestValidateArguments, WebAPIPlatformError } from '@slack/web-api';
import { startSimSlack } from './index';
import type { SimSlack } from './index';
import { CookieJar, authorizeViaForms, exchangeCode, webClientFor } from './test-helpers';

let sim: SimSlack;

beforeEach(async () => {
  sim = await startSimSlack();
});

afterEach(async () => {
  await sim.close();
});

type ManifestArg = AppsManifestValidateArguments['manifest'];

/** A well-formed manifest as the app would pass it to @slack/web-api (which JSON-encodes it). */
function manifestObject(name: string, redirectUrls: string[] = ['https://localhost'], rotation = false): ManifestArg {
  return {
    display_information: { name },
    oauth_config: { redirect_urls: redirectUrls, scopes: { user: ['admin', 'auditlogs:read'], bot: ['team:read'] } },
    settings: { org_deploy_enabled: true, token_rotation_enabled: rotation },
  };
}

/** The raw `manifest` argument, which may be deliberately malformed. */
function manifest(overrides: { name?: unknown; redirectUrls?: unknown; userScopes?: unknown; rotation?: unknown } = {}): string {
  return JSON.stringify({
    display_information: { name: 'name' in overrides ? overrides.name : 'Org Token Helper' },
    oauth_config: {
      redirect_urls: 'redirectUrls' in overrides ? overrides.redirectUrls : ['https://localhost'],
      scopes: { user: 'userScopes' in overrides ? overrides.userScopes : ['admin', 'auditlogs:read'], bot: ['team:read'] },
    },
    settings: { org_deploy_enabled: true, token_rotation_enabled: 'rotation' in overrides ? overrides.rotation : false },
  });
}

async function platformError(promise: Promise<unknown>): Promise<WebAPIPlatformError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toMatchObject({ code: ErrorCode.PlatformError });
  return err as WebAPIPlatformError;
}

describe('apps.manifest.validate', () => {
  it('accepts a good manifest', async () => {
    const { token } = sim.mintConfigToken({ user: sim.users.owner });
    const result = await webClientFor(sim, token).apps.manifest.validate({ manifest: manifestObject('Org Token Helper') });
    expect(result.ok).toBe(true);
    expect(result.errors).toBeUndefined();
  });

  it.each([
    ['a missing name', { name: undefined }, '/display_information/name'],
    ['a name over 35 characters', { name: 'x'.repeat(36) }, '/display_information/name'],
    ['an http redirect URL', { redirectUrls: ['http://localhost'] }, '/oauth_config/redirect_urls/0'],
    ['redirect URLs that are not a list', { redirectUrls: 'https://localhost' }, '/oauth_config/redirect_urls'],
    ['an unknown user scope', { userScopes: ['admin', 'admin.galaxy:write'] }, '/oauth_config/scopes/user/1'],
    ['a non-boolean token rotation flag', { rotation: 'yes' }, '/settings/token_rotation_enabled'],
  ])('refuses %s with invalid_manifest and a JSON pointer', async (_label, overrides, pointer) => {
    const { token } = sim.mintConfigToken({ user: sim.users.owner });
    const err = await platformError(webClientFor(sim, token).apiCall('apps.manifest.validate', { manifest: manifest(overrides) }));
    expect(err.data).toMatchObject({ error: 'invalid_manifest', errors: [{ message: expect.any(String) as unknown, pointer }] });
  });

  it('accepts a name of exactly 35 characters', async () => {
    const { token } = sim.mintConfigToken({ user: sim.users.owner });
    expect((await webClientFor(sim, token).apps.manifest.validate({ manifest: manifestObject('x'.repeat(35)) })).ok).toBe(true);
  });

  it('refuses text that is not JSON, and a missing manifest', async () => {
    const { token } = sim.mintConfigToken({ user: sim.users.owner });
    const client = webClientFor(sim, token);
    const notJson = await platformError(client.apiCall('apps.manifest.validate', { manifest: '{oops' }));
    expect(notJson.data).toMatchObject({ error: 'invalid_manifest', errors: [{ pointer: '/' }] });
    expect((await platformError(client.apiCall('apps.manifest.validate'))).data.error).toBe('invalid_arguments');
  });

  it('takes only workspace-level app configuration tokens', async () => {
    const user = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    expect((await platformError(webClientFor(sim, user.token).apps.manifest.validate({ manifest: manifestObject('Org Token Helper') }))).data.error).toBe(
      'invalid_auth',
    );
    const org = sim.mintConfigToken({ user: sim.users.owner, orgLevel: true });
    expect((await platformError(webClientFor(sim, org.token).apps.manifest.validate({ manifest: manifestObject('Org Token Helper') }))).data.error).toBe(
      'enterprise_is_restricted',
    );
    expect((await platformError(webClientFor(sim).apps.manifest.validate({ manifest: manifestObject('Org Token Helper') }))).data.error).toBe('not_authed');
  });
});

describe('apps.manifest.create', () => {
  it('creates an app that can really be installed through OAuth', async () => {
    const { token } = sim.mintConfigToken({ user: sim.users.owner });
    const created = await webClientFor(sim, token).apps.manifest.create({
      manifest: manifestObject('Helper From Manifest', ['https://localhost/cb'], true),
    });
    expect(created).toMatchObject({
      ok: true,
      app_id: expect.stringMatching(/^A0/) as unknown,
      credentials: {
        client_id: expect.stringMatching(/^\d+\.\d+$/) as unknown,
        client_secret: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
        verification_token: expect.any(String) as unknown,
        signing_secret: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      },
    });
    const authorize = new URL(created.oauth_authorize_url ?? '');
    expect(authorize.origin).toBe(sim.origin);
    expect(authorize.pathname).toBe('/oauth/v2/authorize');
    expect(authorize.searchParams.get('client_id')).toBe(created.credentials?.client_id);
    expect(authorize.searchParams.get('user_scope')).toBe('admin,auditlogs:read');
    expect(authorize.searchParams.get('scope')).toBe('team:read');

    const app = {
      appId: created.app_id ?? '',
      clientId: created.credentials?.client_id ?? '',
      clientSecret: created.credentials?.client_secret ?? '',
      name: 'Helper From Manifest',
      redirectUrls: ['https://localhost/cb'],
      tokenRotation: true,
      tokenLifetimeSeconds: 43200,
    };
    const result = await authorizeViaForms(sim, { app, user: sim.users.owner, userScopes: ['admin'] });
    expect(result.html).toBe('');
    expect(result.location.startsWith('https://localhost/cb?code=')).toBe(true);
    const exchanged = await exchangeCode(sim, app, result.code ?? '');
    expect(exchanged).toMatchObject({
      ok: true,
      app_id: created.app_id,
      authed_user: { access_token: expect.stringMatching(/^xoxe\.xoxp-1-/) as unknown },
    });
  });

  it('shows the manifest name on the install page', async () => {
    const { token } = sim.mintConfigToken({ user: sim.users.owner });
    const created = await webClientFor(sim, token).apps.manifest.create({ manifest: manifestObject('Named Helper') });
    const app = {
      appId: created.app_id ?? '',
      clientId: created.credentials?.client_id ?? '',
      clientSecret: created.credentials?.client_secret ?? '',
      name: 'Named Helper',
      redirectUrls: ['https://localhost'],
      tokenRotation: false,
      tokenLifetimeSeconds: 43200,
    };
    // Sign in once (and cancel), then open the URL Slack returned in that browser session.
    const jar = new CookieJar();
    await authorizeViaForms(sim, { app, user: sim.users.owner, decision: 'cancel', jar });
    const page = await fetch(created.oauth_authorize_url ?? '', { redirect: 'manual', headers: jar.header() });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      '<h1>Named Helper is requesting permission to access the Acme Corp (simulated) Slack organization</h1>',
    );
  });

  it('refuses an invalid manifest without creating anything', async () => {
    const { token } = sim.mintConfigToken({ user: sim.users.owner });
    const err = await platformError(webClientFor(sim, token).apiCall('apps.manifest.create', { manifest: manifest({ name: '' }) }));
    expect(err.data).toMatchObject({ error: 'invalid_manifest', errors: [{ pointer: '/display_information/name' }] });
  });

  it('refuses org-level configuration tokens', async () => {
    const { token } = sim.mintConfigToken({ user: sim.users.owner, orgLevel: true });
    expect((await platformError(webClientFor(sim, token).apps.manifest.create({ manifest: manifestObject('Org Token Helper') }))).data.error).toBe(
      'enterprise_is_restricted',
    );
  });
});
