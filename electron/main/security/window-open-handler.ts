// No page in the app may open a new Electron window. A link to Slack's own help or developer
// sites (the allowlist) goes to the system browser instead; anything else is dropped.
import type { WebContents } from 'electron';

/** Opens `url` in the system browser if the allowlist permits it (see `safeOpenExternal`). */
export type OpenAllowedExternal = (url: string) => Promise<boolean>;

export function denyNewWindows(contents: Pick<WebContents, 'setWindowOpenHandler'>, openAllowedExternal: OpenAllowedExternal): void {
  contents.setWindowOpenHandler(({ url }) => {
    // The allowlist is checked inside; a refused or failed open is simply not opened.
    void openAllowedExternal(url).catch(() => false);
    return { action: 'deny' };
  });
}
