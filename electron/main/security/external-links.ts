// Which addresses the app may hand to the system browser. A link is the one way content can
// leave the app, so only Slack's own help and developer sites qualify, checked on the parsed
// URL (never by string prefix, which `https://slack.com.evil.test` would pass).
import type { OpenExternal } from '../seams';

/** Exact hosts allowed besides the subdomains below. */
export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = [
  'slack.com',
  'api.slack.com',
  'app.slack.com',
  'slack-gov.com',
  'api.slack-gov.com',
  'slack.dev',
  'docs.slack.dev',
  'get.slack.help',
];

/** Any subdomain of these is Slack's (workspace URLs such as `acme.enterprise.slack.com`). */
export const ALLOWED_EXTERNAL_HOST_SUFFIXES: readonly string[] = ['.slack.com', '.slack-gov.com'];

function hostIsAllowed(hostname: string): boolean {
  if (ALLOWED_EXTERNAL_HOSTS.includes(hostname)) return true;
  return ALLOWED_EXTERNAL_HOST_SUFFIXES.some((suffix) => hostname.endsWith(suffix) && hostname.length > suffix.length);
}

/**
 * Parses and checks `url`; returns the normalised address to open, or null when it is refused.
 * `extraOrigins` are exact origins also allowed (only the simulated Slack origin, and only while
 * the development override is active), which may be plain http on a loopback address.
 */
export function normaliseExternalUrl(url: string, extraOrigins: readonly string[] = []): string | null {
  // Whitespace or control characters are silently stripped by the URL parser; a real link has none.
  // eslint-disable-next-line no-control-regex
  if (typeof url !== 'string' || url.length > 2048 || /[\u0000-\u0020\u007f-\u009f\\]/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username || parsed.password) return null;
  if (extraOrigins.includes(parsed.origin)) return parsed.href;
  if (parsed.protocol !== 'https:' || parsed.port !== '') return null;
  // `URL` lowercases and punycodes the host, so look-alike Unicode hosts arrive as `xn--…` and fail.
  return hostIsAllowed(parsed.hostname) ? parsed.href : null;
}

export function isAllowedExternalUrl(url: string, extraOrigins: readonly string[] = []): boolean {
  return normaliseExternalUrl(url, extraOrigins) !== null;
}

/** Opens `url` in the system browser if it is allowed; true when it was opened. */
export async function safeOpenExternal(url: string, openExternal: OpenExternal, extraOrigins: readonly string[] = []): Promise<boolean> {
  const allowed = normaliseExternalUrl(url, extraOrigins);
  if (allowed === null) return false;
  try {
    await openExternal(allowed);
    return true;
  } catch {
    return false;
  }
}
