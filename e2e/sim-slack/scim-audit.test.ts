import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimSlack } from './index';
import type { SimApp, SimSlack } from './index';
import { installUserToken, webClientFor } from './test-helpers';

let sim: SimSlack;
let app: SimApp;

beforeEach(async () => {
  sim = await startSimSlack();
  app = sim.registerApp();
});

afterEach(async () => {
  await sim.close();
});

async function get(path: string, token?: string): Promise<{ status: number; type: string | null; body: unknown }> {
  const res = await fetch(`${sim.origin}${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

function scimError(status: number, description: string): unknown {
  return { Errors: { description, code: status } };
}

describe('GET /scim/v2/Users', () => {
  it('lists users for an org install by the Org Owner (SCIM ListResponse)', async () => {
    const { token } = await installUserToken(sim, { app, user: sim.users.owner, userScopes: ['admin'] });
    const { status, type, body } = await get('/scim/v2/Users?count=1', token);
    expect(status).toBe(200);
    expect(type).toBe('application/json; charset=utf-8');
    expect(body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 4,
      itemsPerPage: 1,
      startIndex: 1,
      Resources: [
        expect.objectContaining({
          id: sim.users.owner.id,
          userName: 'olivia.owner',
          displayName: 'Olivia Owner',
          active: true,
          emails: [{ value: sim.users.owner.email, type: 'work', primary: true }],
        }),
      ],
    });
  });

  it('lets Admins use it too, and pages with startIndex', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.admin, scopes: ['admin'] });
    const { status, body } = await get('/scim/v2/Users?count=2&startIndex=3', token);
    expect(status).toBe(200);
    expect(body).toMatchObject({ totalResults: 4, itemsPerPage: 2, startIndex: 3 });
    expect((body as { Resources: { id: string }[] }).Resources.map((r) => r.id)).toEqual([
      sim.users.adminNoChannelRole.id,
      sim.users.member.id,
    ]);
  });

  it('serves the SCIM 1.1 path as well', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    const { status, body } = await get('/scim/v1/Users?count=1', token);
    expect(status).toBe(200);
    expect(body).toMatchObject({ schemas: ['urn:scim:schemas:core:1.0'], itemsPerPage: 1 });
  });

  it('401 invalid_authentication without a token, with an unknown, revoked or expired one', async () => {
    expect(await get('/scim/v2/Users?count=1')).toMatchObject({ status: 401, body: scimError(401, 'invalid_authentication') });
    expect(await get('/scim/v2/Users?count=1', 'xoxp-1-2-3-nope')).toMatchObject({ status: 401 });

    const revoked = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    await webClientFor(sim, revoked.token).auth.revoke();
    expect(await get('/scim/v2/Users?count=1', revoked.token)).toMatchObject({
      status: 401,
      body: scimError(401, 'invalid_authentication'),
    });

    const expiring = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'], rotating: true });
    sim.advanceClock(43200 * 1000);
    expect((await get('/scim/v2/Users?count=1', expiring.token)).status).toBe(401);
  });

  it('never takes the token from the query string', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    expect((await get(`/scim/v2/Users?count=1&token=${token}`)).status).toBe(401);
  });

  it('403 without the admin scope, for a workspace install, or for a member', async () => {
    const noScope = sim.mintUserToken({ user: sim.users.owner, scopes: ['auditlogs:read'] });
    expect(await get('/scim/v2/Users?count=1', noScope.token)).toMatchObject({ status: 403, body: scimError(403, 'missing_scope') });
    const workspace = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'], enterpriseInstall: false });
    expect(await get('/scim/v2/Users?count=1', workspace.token)).toMatchObject({
      status: 403,
      body: scimError(403, 'not_allowed_token_type'),
    });
    const member = sim.mintUserToken({ user: sim.users.member, scopes: ['admin'] });
    expect(await get('/scim/v2/Users?count=1', member.token)).toMatchObject({ status: 403, body: scimError(403, 'not_an_admin') });
  });

  it('405 for methods the sim does not implement', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    const res = await fetch(`${sim.origin}/scim/v2/Users`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(405);
    expect(await res.json()).toEqual(scimError(405, 'method_not_supported'));
  });
});

describe('GET /audit/v1/logs', () => {
  it('returns entries for the Org Owner’s org token', async () => {
    const { token } = await installUserToken(sim, { app, user: sim.users.owner, userScopes: ['auditlogs:read'] });
    const { status, type, body } = await get('/audit/v1/logs?limit=1', token);
    expect(status).toBe(200);
    expect(type).toBe('application/json; charset=utf-8');
    expect(body).toEqual({
      entries: [
        expect.objectContaining({
          id: expect.any(String) as unknown,
          date_create: expect.any(Number) as unknown,
          action: 'user_login',
          actor: expect.objectContaining({ type: 'user' }) as unknown,
          context: expect.objectContaining({
            location: expect.objectContaining({ type: 'enterprise', id: 'E0SIMORG01' }) as unknown,
          }) as unknown,
        }),
      ],
      response_metadata: { next_cursor: '' },
    });
    expect(((await get('/audit/v1/logs', token)).body as { entries: unknown[] }).entries.length).toBeGreaterThan(1);
  });

  it('401 invalid_authentication without a token or with an unknown one', async () => {
    expect(await get('/audit/v1/logs?limit=1')).toEqual({
      status: 401,
      type: 'application/json; charset=utf-8',
      body: { ok: false, error: 'invalid_authentication' },
    });
    expect((await get('/audit/v1/logs?limit=1', 'xoxp-1-2-3-nope')).status).toBe(401);
  });

  it('403 insufficient_scopes without auditlogs:read', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    expect(await get('/audit/v1/logs?limit=1', token)).toMatchObject({
      status: 403,
      body: { ok: false, error: 'insufficient_scopes' },
    });
  });

  it('403 user_not_authorized for an Org Admin’s token', async () => {
    const { token } = await installUserToken(sim, { app, user: sim.users.admin, userScopes: ['auditlogs:read'] });
    expect(await get('/audit/v1/logs?limit=1', token)).toMatchObject({
      status: 403,
      body: { ok: false, error: 'user_not_authorized' },
    });
  });

  it('403 team_not_authorized for a workspace install', async () => {
    const { token } = await installUserToken(sim, {
      app,
      user: sim.users.owner,
      userScopes: ['auditlogs:read'],
      installOn: 'T0SIMWS001',
    });
    expect(await get('/audit/v1/logs?limit=1', token)).toMatchObject({
      status: 403,
      body: { ok: false, error: 'team_not_authorized' },
    });
  });
});

describe('GET /audit/v1/schemas and /audit/v1/actions', () => {
  it('answer without any token, so they prove nothing about one', async () => {
    const schemas = await get('/audit/v1/schemas');
    expect(schemas.status).toBe(200);
    expect(schemas.body).toMatchObject({ schemas: expect.arrayContaining([expect.objectContaining({ type: 'user' })]) as unknown });
    const actions = await get('/audit/v1/actions', 'xoxp-garbage');
    expect(actions.status).toBe(200);
    expect(actions.body).toMatchObject({ actions: { user: expect.arrayContaining(['user_login']) as unknown } });
  });
});

describe('other paths', () => {
  it('404 for anything else', async () => {
    const res = await fetch(`${sim.origin}/nope`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('Not Found');
  });
});
