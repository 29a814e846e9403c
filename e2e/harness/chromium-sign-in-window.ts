// The sign-in window of the browser harness: a Chromium page in its own fresh browser context
// (in memory, like the app's per-attempt partition). The https://localhost request is paused by
// a CDP `Fetch` pattern (page.route never sees a request reached through a 302) and handed to the
// SAME capture code the Electron window uses; a caught request is failed before it reaches
// the network, as `onBeforeRequest` cancels it in Electron.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRedirectCatcher } from '../../electron/main/oauth/redirect-capture';
import { detectSlackErrorPage } from '../../electron/main/oauth/slack-error-page';
import type { OpenSignInWindow, SignInWindowOutcome } from '../../electron/main/seams';

export interface ChromiumSignInWindows {
  open: OpenSignInWindow;
  /** Resolves with the next sign-in page the app opens, for a test to drive like an admin. */
  next(timeoutMs?: number): Promise<Page>;
  /** Number of sign-in windows opened so far. */
  count(): number;
  /** Every redirect URL caught (they carry OAuth codes), so tests can check none is kept. */
  readonly caughtRedirects: string[];
}

export function createChromiumSignInWindows(browser: Browser): ChromiumSignInWindows {
  let openedCount = 0;
  const caughtRedirects: string[] = [];
  // Pages opened but not yet handed to a test, and tests waiting for one.
  const unclaimed: Page[] = [];
  const waiters: Array<(page: Page) => void> = [];
  const announce = (page: Page): void => {
    const waiter = waiters.shift();
    if (waiter) waiter(page);
    else unclaimed.push(page);
  };

  const open: OpenSignInWindow = (request) => {
    let settle!: (outcome: SignInWindowOutcome) => void;
    const outcome = new Promise<SignInWindowOutcome>((resolve) => {
      settle = resolve;
    });
    let settled = false;
    let context: BrowserContext | null = null;
    let page: Page | null = null;
    let timer: NodeJS.Timeout | null = null;

    const finish = (result: SignInWindowOutcome): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      settle(result);
      // Closing the context throws away its cookies and storage: the next attempt starts clean.
      void context?.close().catch(() => undefined);
    };
    const catcher = createRedirectCatcher(request.redirectUri, (url) => {
      caughtRedirects.push(url);
      finish({ kind: 'redirect', url });
    });

    void (async () => {
      context = await browser.newContext({ viewport: { width: 520, height: 760 }, locale: 'en-US' });
      page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const redirectOrigin = new URL(request.redirectUri).origin;
      cdp.on('Fetch.requestPaused', (event: { requestId: string; request: { url: string } }) => {
        if (catcher.consider(event.request.url)) {
          void cdp.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'Aborted' }).catch(() => undefined);
        } else {
          void cdp.send('Fetch.continueRequest', { requestId: event.requestId }).catch(() => undefined);
        }
      });
      await cdp.send('Fetch.enable', { patterns: [{ urlPattern: `${redirectOrigin}*`, requestStage: 'Request' }] });
      page.on('close', () => finish({ kind: 'closed' }));
      page.on('framenavigated', (frame) => {
        if (frame !== page?.mainFrame()) return;
        const url = new URL(frame.url());
        if (url.protocol === 'http:' || url.protocol === 'https:') request.onAddress(`${url.origin}${url.pathname}`);
      });
      page.on('load', () => {
        void page
          ?.evaluate(() => document.body?.innerText ?? '')
          .then((text) => {
            const reason = detectSlackErrorPage(text);
            if (reason) finish({ kind: 'slack-error-page', reason });
          })
          .catch(() => undefined);
      });
      timer = setTimeout(() => finish({ kind: 'timeout' }), request.timeoutMs);
      openedCount += 1;
      announce(page);
      try {
        await page.goto(request.authorizeUrl);
      } catch (error) {
        // A caught redirect aborts the navigation too, and so does the admin closing the window
        // while Slack's page still loads (its close event comes later and reports it). As in
        // the Electron window, net::ERR_ABORTED is not a failure: only a real one counts.
        if (!settled && !/ERR_ABORTED|has been closed/.test(String(error))) finish({ kind: 'load-failed' });
      }
    })().catch(() => finish({ kind: 'load-failed' }));

    return {
      outcome,
      cancel: () => finish({ kind: 'cancelled' }),
    };
  };

  return {
    open,
    count: () => openedCount,
    caughtRedirects,
    next(timeoutMs = 10_000) {
      const ready = unclaimed.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise<Page>((resolve, reject) => {
        const waiter = (page: Page): void => {
          clearTimeout(timer);
          resolve(page);
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error('The app did not open a sign-in window'));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
  };
}
