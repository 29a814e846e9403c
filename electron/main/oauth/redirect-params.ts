// Reading the redirect Slack sends back after the admin clicks Allow (or Cancel): from the
// sign-in window, or pasted from the system browser's address bar.
import { timingSafeEqual } from 'node:crypto';
import type { UserError } from '../../shared/user-error';
import { isRedirectTarget } from './redirect-capture';

export type RedirectParseResult = { kind: 'code'; code: string } | { kind: 'error'; error: UserError };

/** Slack's own error codes are short snake_case words; anything else is not echoed back. */
const SLACK_ERROR_SHAPE = /^[a-z0-9_]{1,64}$/;

function failure(error: UserError): RedirectParseResult {
  return { kind: 'error', error: { backTo: 'sign-in', ...error } };
}

function sameState(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // timingSafeEqual needs equal lengths; a length difference is itself not secret.
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

function slackErrorToUserError(slackError: string): UserError {
  if (slackError === 'access_denied') return { code: 'access-denied', slackError };
  if (slackError === 'not_allowed') return { code: 'not-allowed', slackError };
  if (SLACK_ERROR_SHAPE.test(slackError)) return { code: 'unknown-slack-error', slackError };
  return { code: 'unknown-slack-error' };
}

/**
 * `error=` wins over the state check: Slack may leave `state` off a denial, and telling the
 * admin "you pressed Cancel" is right either way.
 */
export function parseRedirect(url: string, expectedState: string): RedirectParseResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return failure({ code: 'pasted-url-invalid' });
  }
  const params = parsed.searchParams;
  const slackError = params.get('error');
  if (slackError !== null) return failure(slackErrorToUserError(slackError));

  const state = params.get('state');
  if (state === null || !sameState(state, expectedState)) return failure({ code: 'state-mismatch' });

  const code = params.get('code');
  if (!code) return failure({ code: 'pasted-url-no-code' });
  return { kind: 'code', code };
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The browser fallback: the admin copies the address of the page Slack sent them to. Copying
 * from an address bar or an e-mail can add spaces, line breaks or drop the `https://`, so those
 * are forgiven; a different host never is (the code must be for our redirect).
 */
export function parsePastedRedirect(
  text: string,
  options: { redirectUri: string; expectedState: string },
): RedirectParseResult {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return failure({ code: 'pasted-url-invalid' });

  const redirect = new URL(options.redirectUri);
  let candidate = compact;
  if (compact.startsWith('?')) {
    candidate = `${options.redirectUri}${compact}`;
  } else if (!HAS_SCHEME.test(compact)) {
    // A bare word ("hello", a code on its own) is not an address at all.
    if (!/[/?.:]/.test(compact) && compact.toLowerCase() !== redirect.hostname) return failure({ code: 'pasted-url-invalid' });
    candidate = `${redirect.protocol}//${compact}`;
  }

  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return failure({ code: 'pasted-url-invalid' });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return failure({ code: 'pasted-url-invalid' });
  if (!isRedirectTarget(parsed.href, options.redirectUri)) return failure({ code: 'pasted-url-foreign-host' });
  return parseRedirect(parsed.href, options.expectedState);
}
