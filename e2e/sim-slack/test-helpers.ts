import { LogLevel, WebClient } from '@slack/web-api';
import type { SimApp, SimSlack, SimUser } from './types';

// Drives the simulated Slack's OAuth pages over plain HTTP the way a browser would (GET the
// authorize page, submit the sign-in form, submit the install form, read the redirect), for
// tests that need a real code or token without a browser.

/** The cookies a browser session keeps; share one between calls to skip signing in again. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  absorb(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  header(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  get size(): number {
    return this.cookies.size;
  }
}

export interface AuthorizeOptions {
  app: SimApp;
  user: SimUser;
  /** Default ['admin']. */
  userScopes?: string[];
  botScopes?: string[];
  /** 'org' (default) or a workspace id, as picked in the "Install on" dropdown. */
  installOn?: string;
  /** Sent as redirect_uri when given; otherwise omitted, so Slack uses the app's first one. */
  redirectUri?: string;
  /** Default: a random value. */
  state?: string;
  team?: string;
  codeChallenge?: string;
  decision?: 'allow' | 'cancel';
  /** Reuse a browser session; a fresh jar means a fresh sign-in. */
  jar?: CookieJar;
}

export interface AuthorizeResult {
  /** The HTTP status of the final step: 302 when Slack redirected back to the app. */
  status: number;
  /** The redirect target (the app's redirect_uri with code or error), '' when there was none. */
  location: string;
  code: string | null;
  error: string | null;
  state: string | null;
  /** The final page when Slack answered with a page instead of a redirect. */
  html: string;
  jar: CookieJar;
}

export function authorizeUrl(sim: SimSlack, opts: AuthorizeOptions): string {
  const q = new URLSearchParams({ client_id: opts.app.clientId });
  const userScopes = opts.userScopes ?? ['admin'];
  if (userScopes.length > 0) q.set('user_scope', userScopes.join(','));
  if (opts.botScopes && opts.botScopes.length > 0) q.set('scope', opts.botScopes.join(','));
  if (opts.redirectUri !== undefined) q.set('redirect_uri', opts.redirectUri);
  q.set('state', opts.state ?? Math.random().toString(36).slice(2));
  if (opts.team !== undefined) q.set('team', opts.team);
  if (opts.codeChallenge !== undefined) {
    q.set('code_challenge', opts.codeChallenge);
    q.set('code_challenge_method', 'S256');
  }
  return `${sim.origin}/oauth/v2/authorize?${q.toString()}`;
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The hidden inputs of the page's form, as a browser would submit them. */
export function hiddenInputs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    out[unescapeHtml(m[1] ?? '')] = unescapeHtml(m[2] ?? '');
  }
  return out;
}

function heading(html: string): string {
  return unescapeHtml(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '(no heading)');
}

async function postForm(url: string, jar: CookieJar, fields: Record<string, string>): Promise<Response> {
  const res = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...jar.header() },
    body: new URLSearchParams(fields).toString(),
  });
  jar.absorb(res);
  return res;
}

async function get(url: string, jar: CookieJar): Promise<Response> {
  const res = await fetch(url, { redirect: 'manual', headers: jar.header() });
  jar.absorb(res);
  return res;
}

function resultFrom(res: Response, html: string, jar: CookieJar): AuthorizeResult {
  const location = res.headers.get('location') ?? '';
  let params = new URLSearchParams();
  if (location) {
    try {
      params = new URL(location).searchParams;
    } catch {
      // A relative Location means Slack sent the browser back to itself, not to the app.
    }
  }
  return {
    status: res.status,
    location,
    code: params.get('code'),
    error: params.get('error'),
    state: params.get('state'),
    html,
    jar,
  };
}

/**
 * authorize → (sign-in) → install page → Allow/Cancel, returning where Slack sent the browser.
 * Never throws for Slack's own refusals: they come back as a page (status 4xx) or an error redirect.
 */
export async function authorizeViaForms(sim: SimSlack, opts: AuthorizeOptions): Promise<AuthorizeResult> {
  const jar = opts.jar ?? new CookieJar();
  let res = await get(authorizeUrl(sim, opts), jar);
  let html = await res.text();
  if (res.status !== 200) return resultFrom(res, html, jar);

  if (html.includes('action="/oauth/v2/authorize/sign-in"')) {
    res = await postForm(`${sim.origin}/oauth/v2/authorize/sign-in`, jar, {
      ...hiddenInputs(html),
      email: opts.user.email,
      password: opts.user.password,
    });
    const location = res.headers.get('location');
    if (res.status !== 302 || !location) {
      throw new Error(`sign-in failed (${String(res.status)}): ${heading(await res.text())}`);
    }
    res = await get(new URL(location, sim.origin).toString(), jar);
    html = await res.text();
    if (res.status !== 200) return resultFrom(res, html, jar);
  }

  if (!html.includes('action="/oauth/v2/authorize/decide"')) {
    throw new Error(`expected the install page, got: ${heading(html)}`);
  }
  res = await postForm(`${sim.origin}/oauth/v2/authorize/decide`, jar, {
    ...hiddenInputs(html),
    install_on: opts.installOn ?? 'org',
    decision: opts.decision ?? 'allow',
  });
  return resultFrom(res, await res.text(), jar);
}

/** The full happy path: returns the code Slack put on the redirect. */
export async function authorizeAndGetCode(sim: SimSlack, opts: AuthorizeOptions): Promise<string> {
  const result = await authorizeViaForms(sim, opts);
  if (result.code === null) {
    throw new Error(
      `no code: status ${String(result.status)}, error ${result.error ?? '-'}, page "${heading(result.html)}"`,
    );
  }
  return result.code;
}

/** oauth.v2.access with HTTP Basic client credentials, as the app is meant to call it. */
export async function exchangeCode(
  sim: SimSlack,
  app: SimApp,
  code: string,
  redirectUri?: string,
): Promise<Record<string, unknown>> {
  const body = new URLSearchParams({ code });
  if (redirectUri !== undefined) body.set('redirect_uri', redirectUri);
  const res = await fetch(`${sim.origin}/api/oauth.v2.access`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
    },
    body: body.toString(),
  });
  return (await res.json()) as Record<string, unknown>;
}

/** authorize + exchange: a user token as a real install would produce it. */
export async function installUserToken(
  sim: SimSlack,
  opts: AuthorizeOptions,
): Promise<{ token: string; refreshToken: string | null; response: Record<string, unknown> }> {
  const code = await authorizeAndGetCode(sim, opts);
  const response = await exchangeCode(sim, opts.app, code, opts.redirectUri);
  const authed = response.authed_user as { access_token?: string; refresh_token?: string } | undefined;
  if (response.ok !== true || !authed?.access_token) {
    throw new Error(`exchange failed: ${String(response.error)}`);
  }
  return { token: authed.access_token, refreshToken: authed.refresh_token ?? null, response };
}

/** @slack/web-api pointed at the sim, with no retries so faults surface at once. */
export function webClientFor(sim: SimSlack, token?: string, options: { timeout?: number } = {}): WebClient {
  return new WebClient(token, {
    slackApiUrl: `${sim.origin}/api/`,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
}
