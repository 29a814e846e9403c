// One strict policy for the app's own pages: only the bundled scripts, styles and fonts run, and
// the page can reach nothing but its own origin (every Slack call goes through the main process).
// The same string is the renderer's <meta http-equiv> and the header on app:// responses, so a
// page gets it whichever way it is loaded.
import type { Session } from 'electron';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The policy for `<meta http-equiv="Content-Security-Policy" content="…">`. Browsers ignore
 * `frame-ancestors` in a meta tag (and Chromium logs a warning), so it is left out there; the
 * header still carries it.
 */
export function contentSecurityPolicyMetaContent(): string {
  return CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
}

/** Replaces any Content-Security-Policy header (whatever its case) with ours. */
export function withContentSecurityPolicy(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/**
 * Adds the policy header to the app's own responses in `session`. Other responses pass through
 * untouched: the policy describes our bundle, not anybody else's page.
 */
export function installContentSecurityPolicy(session: Pick<Session, 'webRequest'>, isAppResponse: (url: string) => boolean): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppResponse(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
