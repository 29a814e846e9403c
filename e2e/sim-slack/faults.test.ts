import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '@slack/web-api';
import type { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError } from '@slack/web-api';
import { startSimSlack } from './index';
import type { SimApp, SimSlack } from './index';
import { authorizeUrl, exchangeCode, webClientFor } from './test-helpers';

let sim: SimSlack;
let app: SimApp;
let token: string;

beforeEach(async () => {
  sim = await startSimSlack();
  app = sim.registerApp();
  token = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin', 'auditlogs:read'] }).token;
});

afterEach(async () => {
  await sim.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
}

function authTestFetch(): Promise<Response> {
  return fetch(`${sim.origin}/api/auth.test`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
}

describe('fault kinds on the Web API', () => {
  it('rate-limit: HTTP 429 with Retry-After and ratelimited; WebClient raises its rate-limit error', async () => {
    sim.setFault('auth.test', { kind: 'rate-limit', retryAfterSeconds: 17 });
    const res = await authTestFetch();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('17');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ ok: false, error: 'ratelimited' });

    const err = (await rejection(webClientFor(sim, token).auth.test())) as WebAPIRateLimitedError;
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.code).toBe('slack_webapi_rate_limited_error');
    expect(err.retryAfter).toBe(17);
  });

  it('server-error: HTTP 500 with a plain body; WebClient raises an HTTP error', async () => {
    sim.setFault('auth.test', { kind: 'server-error' });
    const res = await authTestFetch();
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('Internal Server Error');

    const err = (await rejection(webClientFor(sim, token).auth.test())) as WebAPIHTTPError;
    expect(err.code).toBe(ErrorCode.HTTPError);
    expect(err.statusCode).toBe(500);
  });

  it('slow: answers normally after the delay; a client timeout shorter than it gives a request error', async () => {
    sim.setFault('auth.test', { kind: 'slow', delayMs: 300 });
    const started = performance.now();
    const res = await authTestFetch();
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, user_id: sim.users.owner.id });

    const err = (await rejection(webClientFor(sim, token, { timeout: 50 }).auth.test())) as { code: string };
    expect(err.code).toBe(ErrorCode.RequestError);
  });

  it('html: HTTP 200 text/html outage page; WebClient reports a platform error carrying the page', async () => {
    sim.setFault('auth.test', { kind: 'html' });
    const res = await authTestFetch();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html/);
    expect(html).toContain('Slack is having trouble');

    const err = (await rejection(webClientFor(sim, token).auth.test())) as WebAPIPlatformError;
    expect(err.code).toBe(ErrorCode.PlatformError);
    expect(err.data.error).toContain('Slack is having trouble');
  });

  it('drop: the socket is destroyed without an answer', async () => {
    sim.setFault('auth.test', { kind: 'drop' });
    await expect(authTestFetch()).rejects.toThrow(TypeError);
    const err = (await rejection(webClientFor(sim, token).auth.test())) as { code: string };
    expect(err.code).toBe(ErrorCode.RequestError);
  });

  it('applies to oauth.v2.access like any other method', async () => {
    sim.setFault('oauth.v2.access', { kind: 'rate-limit', retryAfterSeconds: 3 });
    const res = await fetch(`${sim.origin}/api/oauth.v2.access`, { method: 'POST' });
    expect(res.status).toBe(429);
    expect(await exchangeCode(sim, app, 'x')).toEqual({ ok: false, error: 'ratelimited' });
  });
});

describe('fault bookkeeping', () => {
  it('times: fails exactly that many matching requests, then clears itself', async () => {
    sim.setFault('auth.test', { kind: 'server-error' }, { times: 2 });
    expect((await authTestFetch()).status).toBe(500);
    expect((await authTestFetch()).status).toBe(500);
    expect((await authTestFetch()).status).toBe(200);
    expect((await authTestFetch()).status).toBe(200);
  });

  it('without times it lasts until clearFaults', async () => {
    sim.setFault('auth.test', { kind: 'server-error' });
    for (let i = 0; i < 3; i += 1) expect((await authTestFetch()).status).toBe(500);
    sim.clearFaults();
    expect((await authTestFetch()).status).toBe(200);
  });

  it('only hits its own target, and a new fault replaces the old one for that target', async () => {
    sim.setFault('auth.revoke', { kind: 'server-error' });
    expect((await authTestFetch()).status).toBe(200);
    sim.setFault('auth.test', { kind: 'server-error' });
    sim.setFault('auth.test', { kind: 'rate-limit', retryAfterSeconds: 1 });
    expect((await authTestFetch()).status).toBe(429);
  });

  it('counts requests, not calls that only look alike: a dropped request uses up a time', async () => {
    sim.setFault('auth.test', { kind: 'drop' }, { times: 1 });
    await expect(authTestFetch()).rejects.toThrow();
    expect((await authTestFetch()).status).toBe(200);
  });
});

describe('fault targets outside the Web API', () => {
  it('authorize: applies to the GET authorize page only', async () => {
    sim.setFault('authorize', { kind: 'html' }, { times: 1 });
    const page = await fetch(authorizeUrl(sim, { app, user: sim.users.owner }), { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Slack is having trouble');

    sim.setFault('authorize', { kind: 'server-error' });
    expect((await fetch(authorizeUrl(sim, { app, user: sim.users.owner }))).status).toBe(500);
    const signIn = await fetch(`${sim.origin}/oauth/v2/authorize/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: app.clientId, user_scope: 'admin' }).toString(),
    });
    expect(signIn.status).toBe(200);
  });

  it('scim.users: rate limits SCIM with 429 and Retry-After', async () => {
    sim.setFault('scim.users', { kind: 'rate-limit', retryAfterSeconds: 30 }, { times: 1 });
    const limited = await fetch(`${sim.origin}/scim/v2/Users?count=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    const ok = await fetch(`${sim.origin}/scim/v2/Users?count=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
  });

  it('audit.logs: server errors and dropped connections', async () => {
    sim.setFault('audit.logs', { kind: 'server-error' }, { times: 1 });
    expect((await fetch(`${sim.origin}/audit/v1/logs?limit=1`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(500);
    sim.setFault('audit.logs', { kind: 'drop' }, { times: 1 });
    await expect(fetch(`${sim.origin}/audit/v1/logs?limit=1`, { headers: { authorization: `Bearer ${token}` } })).rejects.toThrow();
    // Schemas are not the logs endpoint and stay up.
    sim.setFault('audit.logs', { kind: 'server-error' });
    expect((await fetch(`${sim.origin}/audit/v1/schemas`)).status).toBe(200);
  });
});

describe('lifecycle and logging', () => {
  it('close() returns promptly with keep-alive connections and a request stuck in a slow fault', async () => {
    const own = await startSimSlack();
    const ownToken = own.mintUserToken({ user: own.users.owner, scopes: ['admin'] }).token;
    await webClientFor(own, ownToken).auth.test();
    own.setFault('auth.test', { kind: 'slow', delayMs: 60_000 });
    const stuck = fetch(`${own.origin}/api/auth.test`, { method: 'POST', headers: { authorization: `Bearer ${ownToken}` } }).then(
      (r) => r.status,
      () => 'failed',
    );
    await vi.waitFor(() => {
      expect(own.requests.filter((r) => r.path === '/api/auth.test')).toHaveLength(2);
    });
    const started = performance.now();
    await own.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await stuck).toBe('failed');
    await own.close();
  });

  it('listens on 127.0.0.1 on a random port by default, or the port asked for', async () => {
    expect(sim.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(sim.origin).port);
    await sim.close();
    sim = await startSimSlack({ port });
    expect(sim.origin).toBe(`http://127.0.0.1:${String(port)}`);
  });

  it('logs method, path and simulated time only: no tokens, secrets or query strings', async () => {
    sim.advanceClock(5000);
    const before = sim.now();
    await exchangeCode(sim, app, 'some-code');
    await fetch(`${sim.origin}/api/auth.test?token=${token}`, { method: 'POST' });
    await fetch(`${sim.origin}/scim/v2/Users?count=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(sim.requests.map(({ method, path }) => ({ method, path }))).toEqual([
      { method: 'POST', path: '/api/oauth.v2.access' },
      { method: 'POST', path: '/api/auth.test' },
      { method: 'GET', path: '/scim/v2/Users' },
    ]);
    for (const r of sim.requests) expect(r.at).toBeGreaterThanOrEqual(before);
    const logged = JSON.stringify(sim.requests);
    for (const secret of [token, app.clientSecret, 'some-code']) expect(logged).not.toContain(secret);
  });

  it('writes nothing to stdout or stderr unless SIM_SLACK_DEBUG is set, and then no secrets', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await fetch(`${sim.origin}/api/auth.test?token=${token}`, { method: 'POST' });
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();

    vi.stubEnv('SIM_SLACK_DEBUG', '1');
    const debugSim = await startSimSlack();
    try {
      await fetch(`${debugSim.origin}/api/auth.test?token=${token}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      const written = stderr.mock.calls.map((c) => String(c[0])).join('');
      expect(written).toContain('[sim-slack] POST /api/auth.test -> 200');
      expect(written).not.toContain(token);
      expect(stdout).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
      await debugSim.close();
    }
  });
});
