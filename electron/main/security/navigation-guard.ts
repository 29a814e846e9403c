// The app's window only ever shows the app. Any attempt to navigate it elsewhere (a link in
// rendered text, a redirect, a script setting location, a frame) is stopped before it starts,
// and <webview> tags, which would embed an unguarded page, are refused.
import type { WebContents } from 'electron';

interface PreventableEvent {
  preventDefault(): void;
}

export type NavigationTarget = Pick<WebContents, 'on'>;

export function lockDownNavigation(contents: NavigationTarget, isAppUrl: (url: string) => boolean): void {
  const stopUnlessApp = (event: PreventableEvent, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => stopUnlessApp(event, url));
  contents.on('will-redirect', (event, url) => stopUnlessApp(event, url));
  contents.on('will-frame-navigate', (event) => stopUnlessApp(event, event.url));
  preventWebviews(contents);
}

export function preventWebviews(contents: NavigationTarget): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
