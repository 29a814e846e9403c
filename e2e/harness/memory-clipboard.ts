// The harness's system clipboard: the app writes it from the main-process side, as in Electron,
// and tests read it to check what a user would paste.
import type { ClipboardAccess } from '../../electron/main/seams';

export interface MemoryClipboard extends ClipboardAccess {
  /** Simulates the user copying something else in another program. */
  userCopies(text: string): void;
}

export function createMemoryClipboard(): MemoryClipboard {
  let text = '';
  return {
    readText: () => Promise.resolve(text),
    writeText: (value) => {
      text = value;
      return Promise.resolve();
    },
    clear: () => {
      text = '';
    },
    userCopies: (value) => {
      text = value;
    },
  };
}
