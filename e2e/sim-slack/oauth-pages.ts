import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimApp, SimUser } from './types';
import type { SimState } from './state';
import {
  SESSION_COOKIE,
  escapeHtml,
  formToRecord,
  parseCookies,
  readBody,
  redirect,
  sendHtml,
} from './http-util';
import {
  BOT_SCOPES,
  USER_SCOPES,
  isAdminApiScope,
  isKnownBotScope,
  isKnownUserScope,
  isPrivilegedScope,
  splitScopes,
} from './scopes';

// The browser half of OAuth v2: slack.com/oauth/v2/authorize with its sign-in form, its
// install (consent) page and the redirect back to the app. Labels, headings and texts are
// fixed strings because Playwright specs select on them by role and label.

export const AUTHORIZE_PATH = '/oauth/v2/authorize';
export const SIGN_IN_PATH = '/oauth/v2/authorize/sign-in';
export const DECIDE_PATH = '/oauth/v2/authorize/decide';

/** Query parameters of authorize that the sign-in and install forms carry forward unchanged. */
const CARRIED_PARAMS = [
  'client_id',
  'scope',
  'user_scope',
  'redirect_uri',
  'state',
  'team',
  'code_challenge',
  'code_challenge_method',
] as const;

interface PageRequest {
  state: SimState;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}

interface AuthorizeRequest {
  app: SimApp;
  /** Where to send the browser back to: the given redirect_uri or the app's first one. */
  redirectUri: string;
  /** Exactly what authorize received (null when absent), so the exchange can be held to it. */
  givenRedirectUri: string | null;
  userScopes: string[];
  botScopes: string[];
  state: string | null;
  team: string | null;
  codeChallenge: string | null;
  carried: Record<string, string>;
}

type Checked = { ok: true; value: AuthorizeRequest } | { ok: false; status: number; html: string };

// ---- page chrome ---------------------------------------------------------------------------

const STYLE = `
  body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 0; color: #1d1c1d; background: #f8f8f8; }
  header { display: flex; justify-content: space-between; align-items: center; padding: 12px 24px; background: #4a154b; color: #fff; }
  header .brand { font-weight: 700; font-size: 20px; }
  main { max-width: 640px; margin: 32px auto; padding: 32px; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
  h1 { font-size: 24px; line-height: 1.3; }
  label { display: block; font-weight: 700; margin: 16px 0 4px; }
  input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: 10px; font-size: 16px; }
  .install-on { display: flex; gap: 8px; align-items: center; justify-content: flex-end; }
  .install-on label { margin: 0; }
  .install-on select { font-size: 15px; padding: 6px; }
  .alert { background: #fdecea; border: 1px solid #e01e5a; padding: 12px; border-radius: 4px; }
  .actions { display: flex; gap: 12px; justify-content: flex-end; margin-top: 24px; }
  button { font-size: 16px; padding: 10px 20px; border-radius: 4px; border: 1px solid #868686; background: #fff; cursor: pointer; }
  button.primary { background: #007a5a; color: #fff; border-color: #007a5a; }
  code { background: #f4f4f4; padding: 1px 4px; border-radius: 3px; }
`;

function page(title: string, main: string, headerExtra = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><span class="brand">slack <small>(simulated)</small></span>${headerExtra}</header>
<main>
${main}
</main>
</body>
</html>`;
}

function errorPage(message: string, code: string): string {
  return page(
    'Something went wrong | Slack',
    `<h1>Something went wrong</h1>
<p>${escapeHtml(message)}</p>
<p>Error code: <code>${escapeHtml(code)}</code></p>`,
  );
}

function hiddenFields(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n');
}

// ---- request checks ------------------------------------------------------------------------

/**
 * Slack accepts a redirect_uri that is https and equals, or is a sub-path of, a configured
 * Redirect URL with the same scheme, host and port. Anything else is refused without redirecting,
 * so an attacker can never have a code sent to a URL of their choosing.
 */
export function redirectUriAllowed(given: string, configured: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  return configured.some((c) => {
    let base: URL;
    try {
      base = new URL(c);
    } catch {
      return false;
    }
    if (base.protocol !== url.protocol || base.hostname !== url.hostname || base.port !== url.port) return false;
    const basePath = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    return url.pathname === base.pathname || url.pathname.startsWith(basePath);
  });
}

function checkAuthorize(state: SimState, params: Record<string, string>): Checked {
  const clientId = params.client_id ?? '';
  const app = state.apps.get(clientId);
  if (!app) {
    return { ok: false, status: 400, html: errorPage('This app could not be found. Ask its developer for a new link.', 'invalid_client_id') };
  }
  const given = params.redirect_uri ?? null;
  const redirectUri = given ?? app.redirectUrls[0] ?? null;
  if (redirectUri === null || !redirectUriAllowed(redirectUri, app.redirectUrls)) {
    return { ok: false, status: 400, html: errorPage('redirect_uri did not match any configured URIs', 'bad_redirect_uri') };
  }
  const userScopes = splitScopes(params.user_scope);
  const botScopes = splitScopes(params.scope);
  if (userScopes.length === 0 && botScopes.length === 0) {
    return { ok: false, status: 400, html: errorPage('No permissions were requested.', 'invalid_scope') };
  }
  const unknown = [...userScopes.filter((s) => !isKnownUserScope(s)), ...botScopes.filter((s) => !isKnownBotScope(s))];
  if (unknown.length > 0) {
    return {
      ok: false,
      status: 400,
      html: errorPage(`Invalid permissions requested: ${unknown.join(', ')}`, 'invalid_scope'),
    };
  }
  const challenge = params.code_challenge ?? null;
  if (challenge !== null && (params.code_challenge_method ?? 'S256') !== 'S256') {
    return { ok: false, status: 400, html: errorPage('Only S256 code challenges are supported.', 'invalid_code_challenge_method') };
  }
  const carried: Record<string, string> = {};
  for (const name of CARRIED_PARAMS) {
    const v = params[name];
    if (v !== undefined) carried[name] = v;
  }
  return {
    ok: true,
    value: {
      app,
      redirectUri,
      givenRedirectUri: given,
      userScopes,
      botScopes,
      state: params.state ?? null,
      team: params.team ?? null,
      codeChallenge: challenge,
      carried,
    },
  };
}

function signedInUser(state: SimState, req: IncomingMessage): { user: SimUser; sessionId: string } | null {
  const sessionId = parseCookies(req).get(SESSION_COOKIE);
  if (!sessionId) return null;
  const userId = state.sessions.get(sessionId);
  const user = userId ? state.userById(userId) : undefined;
  return user ? { user, sessionId } : null;
}

function withParams(base: string, params: Record<string, string>): string {
  const sep = base.includes('?') ? '&' : '?';
  return `${base}${sep}${new URLSearchParams(params).toString()}`;
}

// ---- pages ---------------------------------------------------------------------------------

/** failedEmail: after a wrong password the form comes back with the email kept, as on Slack. */
function signInPage(state: SimState, carried: Record<string, string>, failedEmail: string | null): string {
  const orgName = state.enterprise.name;
  const alert =
    failedEmail !== null
      ? '<p class="alert" role="alert">Sorry, you entered an incorrect email address or password.</p>'
      : '';
  return page(
    `Sign in to ${orgName} | Slack`,
    `<h1>Sign in to ${escapeHtml(orgName)}</h1>
${alert}
<form method="post" action="${SIGN_IN_PATH}">
${hiddenFields(carried)}
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(failedEmail ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>`,
  );
}

function scopeList(scopes: readonly string[], descriptions: Readonly<Record<string, string>>): string {
  return `<ul>
${scopes.map((s) => `<li><code>${escapeHtml(s)}</code> — ${escapeHtml(descriptions[s] ?? '')}</li>`).join('\n')}
</ul>`;
}

function installPage(state: SimState, request: AuthorizeRequest, user: SimUser, sessionId: string): string {
  const org = state.enterprise;
  const appName = request.app.name;
  // Real Slack preselects a workspace (the one named by team=, else the first): an admin who
  // does not change the dropdown gets a workspace install, which is the trap this app exists
  // to steer people around. An enterprise id in team= is not honoured (unconfirmed upstream).
  const preselected = state.workspaceById(request.team ?? '')?.id ?? state.workspaces[0]?.id ?? 'org';
  const options = [
    ...state.workspaces.map((w) => ({ value: w.id, label: w.name })),
    { value: 'org', label: `${org.name} — entire organization` },
  ]
    .map(
      (o) =>
        `<option value="${escapeHtml(o.value)}"${o.value === preselected ? ' selected' : ''}>${escapeHtml(o.label)}</option>`,
    )
    .join('\n');
  const userSection =
    request.userScopes.length > 0
      ? `<section aria-labelledby="user-perms">
<h2 id="user-perms">What will ${escapeHtml(appName)} be able to view and do on your behalf?</h2>
${scopeList(request.userScopes, USER_SCOPES)}
</section>`
      : '';
  const botSection =
    request.botScopes.length > 0
      ? `<section aria-labelledby="bot-perms">
<h2 id="bot-perms">What will ${escapeHtml(appName)} be able to view and do as an app?</h2>
${scopeList(request.botScopes, BOT_SCOPES)}
</section>`
      : '';
  return page(
    `${appName} is requesting permission | Slack`,
    `<form method="post" action="${DECIDE_PATH}">
<div class="install-on">
<label for="install_on">Install on</label>
<select id="install_on" name="install_on">
${options}
</select>
</div>
<h1>${escapeHtml(appName)} is requesting permission to access the ${escapeHtml(org.name)} Slack organization</h1>
<p>Signed in as <strong>${escapeHtml(user.email)}</strong></p>
${userSection}
${botSection}
${hiddenFields({ ...request.carried, crumb: state.crumbFor(sessionId) })}
<div class="actions">
<button type="submit" name="decision" value="cancel">Cancel</button>
<button class="primary" type="submit" name="decision" value="allow">Allow</button>
</div>
</form>`,
  );
}

// ---- handlers ------------------------------------------------------------------------------

export function handleAuthorizePage({ state, req, res, url }: PageRequest): void {
  const checked = checkAuthorize(state, formToRecord(url.searchParams));
  if (!checked.ok) {
    sendHtml(res, checked.status, checked.html);
    return;
  }
  const signedIn = signedInUser(state, req);
  if (!signedIn) {
    sendHtml(res, 200, signInPage(state, checked.value.carried, null));
    return;
  }
  sendHtml(res, 200, installPage(state, checked.value, signedIn.user, signedIn.sessionId));
}

export async function handleSignIn({ state, req, res }: PageRequest): Promise<void> {
  const form = formToRecord(new URLSearchParams(await readBody(req)));
  const checked = checkAuthorize(state, form);
  if (!checked.ok) {
    sendHtml(res, checked.status, checked.html);
    return;
  }
  const user = state.userByEmail(form.email ?? '');
  if (user?.password !== (form.password ?? '')) {
    sendHtml(res, 200, signInPage(state, checked.value.carried, form.email ?? ''));
    return;
  }
  const sessionId = state.createSession(user.id);
  // Post/redirect/get back to authorize, which now shows the install page.
  redirect(res, withParams(AUTHORIZE_PATH, checked.value.carried), {
    'Set-Cookie': `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`,
  });
}

export async function handleDecide({ state, req, res }: PageRequest): Promise<void> {
  const form = formToRecord(new URLSearchParams(await readBody(req)));
  const checked = checkAuthorize(state, form);
  if (!checked.ok) {
    sendHtml(res, checked.status, checked.html);
    return;
  }
  const request = checked.value;
  const signedIn = signedInUser(state, req);
  if (!signedIn) {
    redirect(res, withParams(AUTHORIZE_PATH, request.carried));
    return;
  }
  if (!state.crumbMatches(signedIn.sessionId, form.crumb ?? '')) {
    sendHtml(res, 400, errorPage('Your session has changed. Start the installation again.', 'invalid_crumb'));
    return;
  }
  const stateParam = { state: request.state ?? '' };
  if (form.decision !== 'allow') {
    redirect(res, withParams(request.redirectUri, { error: 'access_denied', ...stateParam }));
    return;
  }

  const installOn = form.install_on ?? '';
  const isOrg = installOn === 'org';
  if (!isOrg && !state.workspaceById(installOn)) {
    sendHtml(res, 400, errorPage('Choose where to install this app.', 'invalid_team'));
    return;
  }
  const { user } = signedIn;
  if (isOrg && user.role === 'member' && request.userScopes.some(isPrivilegedScope)) {
    sendHtml(
      res,
      403,
      page(
        'You don’t have permission to install this app | Slack',
        `<h1>You don't have permission to install this app</h1>
<p>Only Org Owners and Org Admins can install apps that request these permissions on ${escapeHtml(state.enterprise.name)}.</p>`,
      ),
    );
    return;
  }
  if (isOrg && user.role === 'admin' && !user.channelManager && request.userScopes.some(isAdminApiScope)) {
    // Slack sends this back to the app rather than showing a page.
    redirect(res, withParams(request.redirectUri, { error: 'not_allowed', ...stateParam }));
    return;
  }

  const code = state.createCode({
    clientId: request.app.clientId,
    redirectUri: request.givenRedirectUri,
    userId: user.id,
    isEnterpriseInstall: isOrg,
    teamId: isOrg ? null : installOn,
    userScopes: request.userScopes,
    botScopes: request.botScopes,
    codeChallenge: request.codeChallenge,
  });
  redirect(res, withParams(request.redirectUri, { code: code.code, ...stateParam }));
}

/** RFC 7636 S256: base64url(sha256(verifier)) without padding. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
