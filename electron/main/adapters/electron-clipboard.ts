// ClipboardAccess over Electron's clipboard (the renderer never touches the clipboard itself).
// Electron 45's readText/writeText are asynchronous; a failure is reported as an empty read or a
// rejected write, never a crash.
import { clipboard as electronClipboard, type Clipboard } from 'electron';
import type { ClipboardAccess } from '../seams';

type ClipboardLike = Pick<Clipboard, 'readText' | 'writeText' | 'clear'>;

export function createElectronClipboard(clipboard: ClipboardLike = electronClipboard): ClipboardAccess {
  return {
    readText: async () => {
      try {
        return await clipboard.readText();
      } catch {
        return '';
      }
    },
    writeText: async (text) => {
      await clipboard.writeText(text);
    },
    clear: () => clipboard.clear(),
  };
}
