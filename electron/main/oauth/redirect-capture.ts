// Deciding whether an address is our OAuth redirect. Shared by the Electron sign-in window and
// the browser harness (a CDP `Fetch.requestPaused` handler), so it uses nothing but `URL`.

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Same scheme, host and port as the redirect URI, and the same path or a sub-path of it, as
 * Slack itself matches redirect URLs. `https://localhost.evil.test/`, `http://localhost/` and
 * `https://localhost:8443/` are not the redirect.
 */
export function isRedirectTarget(url: string, redirectUri: string): boolean {
  const candidate = parse(url);
  const expected = parse(redirectUri);
  if (!candidate || !expected) return false;
  // `URL` lower-cases the host and drops default ports, so these compare normalised values.
  if (candidate.protocol !== expected.protocol) return false;
  if (candidate.hostname !== expected.hostname) return false;
  if (candidate.port !== expected.port) return false;
  if (candidate.username || candidate.password) return false;
  const base = expected.pathname.replace(/\/+$/, '');
  if (base === '') return true;
  return candidate.pathname === base || candidate.pathname.startsWith(`${base}/`);
}

export interface RedirectCatcher {
  /**
   * Feed every address the page is about to load. Returns true when it is the redirect: the
   * caller must then cancel the request so it never reaches the network.
   */
  consider(url: string): boolean;
}

/** Calls `settle` with the first redirect address seen, and never again. */
export function createRedirectCatcher(redirectUri: string, settle: (url: string) => void): RedirectCatcher {
  let settled = false;
  return {
    consider(url) {
      if (!isRedirectTarget(url, redirectUri)) return false;
      if (!settled) {
        settled = true;
        settle(url);
      }
      return true;
    },
  };
}
