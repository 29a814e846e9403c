// Every web page Electron creates in this app gets the same guards, whoever created it: no
// navigation away from the app, no new windows (allowlisted links go to the system browser),
// no <webview>. The sign-in window shows Slack, so it cannot use the app-only navigation rule;
// the OAuth code guards that window itself, and only the <webview> refusal applies to it here.
import type { App, WebContents } from 'electron';
import { lockDownNavigation, preventWebviews } from './navigation-guard';
import { denyNewWindows, type OpenAllowedExternal } from './window-open-handler';

export interface HardeningOptions {
  isAppUrl(url: string): boolean;
  openAllowedExternal: OpenAllowedExternal;
  /**
   * Must be decidable the moment the contents are created (Electron fires `web-contents-created`
   * inside the BrowserWindow constructor), e.g. from `contents.session`.
   */
  isSignInWindow(contents: WebContents): boolean;
}

export function hardenAllWebContents(app: Pick<App, 'on'>, options: HardeningOptions): void {
  app.on('web-contents-created', (_event, contents) => {
    if (options.isSignInWindow(contents)) {
      preventWebviews(contents);
      return;
    }
    lockDownNavigation(contents, options.isAppUrl);
    denyNewWindows(contents, options.openAllowedExternal);
  });
}
