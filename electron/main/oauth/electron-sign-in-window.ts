// The sign-in window: Slack's own pages in a sandboxed BrowserWindow with a throw-away session.
// The redirect to `https://localhost?code=…` is caught before it leaves the computer, so nothing
// needs to listen on localhost and the code never reaches a server.
//
// Electron's constructors are passed in (from adapters/) so this file never imports `electron`
// at run time.
import { randomBytes } from 'node:crypto';
import type { BrowserWindow, BrowserWindowConstructorOptions, FromPartitionOptions, Session } from 'electron';
import type { OpenSignInWindow, SignInWindowOutcome, SignInWindowRequest } from '../seams';
import { createRedirectCatcher, isRedirectTarget } from './redirect-capture';
import { detectSlackErrorPage } from './slack-error-page';

export interface ElectronSignInWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  session: { fromPartition(partition: string, options?: FromPartitionOptions): Session };
  /** The app's main window, so the sign-in window stays in front of it. */
  parentWindow?: () => BrowserWindow | null;
  /** Tests may fix the name; it must never start with `persist:` (that would write to disk). */
  createPartitionName?: () => string;
}

/** Chromium's net::ERR_ABORTED: a navigation replaced by another one, not a failure. */
const ERR_ABORTED = -3;

const PAGE_TEXT_SCRIPT = 'document.body ? document.body.innerText : ""';

function defaultPartitionName(): string {
  return `oauth-${randomBytes(16).toString('hex')}`;
}

/**
 * Chromium match patterns cannot hold a port (older Electron throws on one) and then match every
 * port, so the filter is deliberately broad; `isRedirectTarget` makes the exact decision.
 */
function redirectPatterns(redirectUri: string): string[] {
  const url = new URL(redirectUri);
  return [`${url.protocol}//${url.hostname}/*`];
}

/** Origin and path: the query may hold a code or a state, which the renderer must not see. */
function addressOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return null;
  }
}

export function createElectronSignInWindowOpener(deps: ElectronSignInWindowDeps): OpenSignInWindow {
  const createPartitionName = deps.createPartitionName ?? defaultPartitionName;

  return (request: SignInWindowRequest) => {
    const partition = createPartitionName();
    if (partition.startsWith('persist:')) throw new Error('The sign-in session must stay in memory.');
    // A fresh in-memory session per attempt: no cookie from an earlier sign-in (or another
    // Slack account) is reused, and nothing is left on disk afterwards.
    const ses = deps.session.fromPartition(partition, { cache: false });
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.on('will-download', (event) => event.preventDefault());

    const parent = deps.parentWindow?.() ?? undefined;
    const win = new deps.BrowserWindow({
      width: 520,
      height: 760,
      title: 'Sign in to Slack',
      ...(parent ? { parent } : {}),
      modal: false,
      show: true,
      autoHideMenuBar: true,
      webPreferences: {
        session: ses,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        javascript: true,
        spellcheck: false,
      },
    });
    const contents = win.webContents;

    let settled = false;
    let resolveOutcome: (outcome: SignInWindowOutcome) => void = () => {};
    const outcome = new Promise<SignInWindowOutcome>((resolve) => {
      resolveOutcome = resolve;
    });

    const timer = setTimeout(() => settle({ kind: 'timeout' }), request.timeoutMs);

    function settle(result: SignInWindowOutcome): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ses.webRequest.onBeforeRequest(null);
      // destroy(), not close(): a page's beforeunload handler must not keep the window open.
      if (!win.isDestroyed()) win.destroy();
      // The session held Slack's sign-in cookies; they are of no further use and must not linger
      // for the rest of the app's life.
      ses.clearStorageData().catch(() => {});
      ses.clearCache().catch(() => {});
      resolveOutcome(result);
    }

    const catcher = createRedirectCatcher(request.redirectUri, (url) => settle({ kind: 'redirect', url }));

    ses.webRequest.onBeforeRequest({ urls: redirectPatterns(request.redirectUri) }, (details, callback) => {
      if (!isRedirectTarget(details.url, request.redirectUri)) {
        callback({});
        return;
      }
      // Answer Chromium first: settling removes this listener and closes the window.
      callback({ cancel: true });
      // Only the top-level navigation is Slack's redirect; a page script or image aimed at the
      // redirect address is blocked without ending the sign-in.
      if (details.resourceType === 'mainFrame') catcher.consider(details.url);
    });

    // Backups in case a redirect reaches navigation without passing webRequest (e.g. served
    // from a service worker).
    contents.on('will-redirect', (event, legacyUrl, _isInPlace, isMainFrame) => {
      const url = event.url ?? legacyUrl;
      if (!isRedirectTarget(url, request.redirectUri)) return;
      event.preventDefault();
      if (event.isMainFrame ?? isMainFrame) catcher.consider(url);
    });
    contents.on('will-navigate', (event, legacyUrl) => {
      const url = event.url ?? legacyUrl;
      if (!isRedirectTarget(url, request.redirectUri)) return;
      event.preventDefault();
      catcher.consider(url);
    });

    // There is no address bar: the title shows where the admin is (Slack, or their SSO
    // provider), so a look-alike page cannot pass for Slack unnoticed.
    win.on('page-title-updated', (event) => event.preventDefault());
    contents.on('did-navigate', (_event, url) => {
      const address = addressOf(url);
      if (!address || settled) return;
      request.onAddress(address);
      if (!win.isDestroyed()) win.setTitle(address);
    });
    contents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
      const address = addressOf(url);
      if (address && isMainFrame && !settled) request.onAddress(address);
    });

    // Some problems (a redirect_uri the app does not list) end on a Slack error page instead of
    // a redirect; the page text is the only signal.
    contents.on('did-finish-load', () => {
      if (settled || contents.isDestroyed()) return;
      if (isRedirectTarget(contents.getURL(), request.redirectUri)) return;
      contents
        .executeJavaScript(PAGE_TEXT_SCRIPT)
        .then((text: unknown) => {
          const reason = typeof text === 'string' ? detectSlackErrorPage(text) : null;
          if (reason) settle({ kind: 'slack-error-page', reason });
        })
        .catch(() => {
          // The page navigated on before the script ran: the next load is checked instead.
        });
    });

    contents.on('did-fail-load', (_event, errorCode, _description, validatedUrl, isMainFrame) => {
      if (!isMainFrame || errorCode === ERR_ABORTED) return;
      // Our own cancellation of the redirect shows up as a failed load of that address.
      if (isRedirectTarget(validatedUrl, request.redirectUri)) return;
      settle({ kind: 'load-failed' });
    });

    // SSO providers normally redirect in the same window; popups (and links opening new
    // windows) are denied so no page escapes this session and its redirect catcher.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));

    win.on('closed', () => settle({ kind: 'closed' }));

    contents.loadURL(request.authorizeUrl).catch(() => {
      // did-fail-load reports a real failure; a load interrupted by our own cancel is fine.
    });

    return {
      outcome,
      cancel: () => settle({ kind: 'cancelled' }),
    };
  };
}
