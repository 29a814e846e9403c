// OpenExternal over the system browser. Callers check the allowlist first
// (`security/external-links.ts`); this adapter only opens.
import { shell as electronShell, type Shell } from 'electron';
import type { OpenExternal } from '../seams';

export function createSystemBrowserOpener(shell: Pick<Shell, 'openExternal'> = electronShell): OpenExternal {
  return (url) => shell.openExternal(url);
}
