// The app's sign-in window without a browser: it walks the simulated Slack's pages over plain
// HTTP exactly where the app pointed it (GET the authorize URL, sign in, pick org or workspace,
// Allow or Cancel) and settles with the `https://localhost` address Slack redirected to, which is
// what the real window catches. Tests choose what the admin does before each sign-in.
import type { SimSlack, SimUser } from '../../../../e2e/sim-slack/index';
import { CookieJar, hiddenInputs } from '../../../../e2e/sim-slack/test-helpers';
import type { OpenSignInWindow, SignInWindowOutcome, SignInWindowRequest } from '../../seams';

export interface AdminChoice {
  user: SimUser;
  /** `org` (the organization) or a workspace id, as picked in "Install on". Default `org`. */
  installOn?: string;
  decision?: 'allow' | 'cancel';
  /** The admin closes the window instead of finishing. */
  closeWindow?: boolean;
  /** Alters the redirect before the app sees it (e.g. a forged `state`). */
  rewriteRedirect?: (url: URL) => void;
}

export interface SimSignInWindow {
  open: OpenSignInWindow;
  /** What the admin does in the next windows (until changed). */
  choose(choice: AdminChoice): void;
  /** Every window the app asked for. */
  readonly requests: SignInWindowRequest[];
  /** Every OAuth code Slack put on a redirect (to check it never leaks). */
  readonly codes: string[];
}

async function send(url: string, jar: CookieJar, form?: Record<string, string>): Promise<Response> {
  const res = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: form ? { 'content-type': 'application/x-www-form-urlencoded', ...jar.header() } : jar.header(),
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  jar.absorb(res);
  return res;
}

function isAppRedirect(location: string, redirectUri: string): boolean {
  try {
    return new URL(location).origin === new URL(redirectUri).origin;
  } catch {
    return false;
  }
}

export function createSimSignInWindow(sim: SimSlack, initial: AdminChoice): SimSignInWindow {
  let choice = initial;
  const requests: SignInWindowRequest[] = [];
  const codes: string[] = [];

  async function walk(request: SignInWindowRequest, admin: AdminChoice): Promise<SignInWindowOutcome> {
    if (admin.closeWindow) return { kind: 'closed' };
    // Each sign-in window has its own in-memory session: a fresh sign-in every time.
    const jar = new CookieJar();
    const authorize = new URL(request.authorizeUrl);
    request.onAddress(`${authorize.origin}${authorize.pathname}`);
    let res = await send(request.authorizeUrl, jar);
    let html = await res.text();
    if (res.status !== 200) return { kind: 'slack-error-page', reason: 'other' };

    if (html.includes('action="/oauth/v2/authorize/sign-in"')) {
      res = await send(`${sim.origin}/oauth/v2/authorize/sign-in`, jar, { ...hiddenInputs(html), email: admin.user.email, password: admin.user.password });
      const next = res.headers.get('location');
      if (res.status !== 302 || !next) return { kind: 'slack-error-page', reason: 'other' };
      res = await send(new URL(next, sim.origin).toString(), jar);
      html = await res.text();
    }
    if (!html.includes('action="/oauth/v2/authorize/decide"')) {
      return { kind: 'slack-error-page', reason: html.includes('redirect_uri did not match') ? 'redirect-uri-mismatch' : 'other' };
    }

    res = await send(`${sim.origin}/oauth/v2/authorize/decide`, jar, {
      ...hiddenInputs(html),
      install_on: admin.installOn ?? 'org',
      decision: admin.decision ?? 'allow',
    });
    const location = res.headers.get('location') ?? '';
    if (res.status !== 302 || !isAppRedirect(location, request.redirectUri)) return { kind: 'slack-error-page', reason: 'other' };
    const redirect = new URL(location);
    const code = redirect.searchParams.get('code');
    if (code) codes.push(code);
    admin.rewriteRedirect?.(redirect);
    return { kind: 'redirect', url: redirect.toString() };
  }

  return {
    open(request) {
      requests.push(request);
      const outcome = walk(request, choice).catch((): SignInWindowOutcome => ({ kind: 'load-failed' }));
      return { outcome, cancel: () => {} };
    },
    choose(next) {
      choice = next;
    },
    requests,
    codes,
  };
}
