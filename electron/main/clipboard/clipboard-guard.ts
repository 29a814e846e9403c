// Copies a secret to the system clipboard and takes it back later, but only if the admin has
// not copied something else since: clearing their own clipboard content would lose their work.
import { createHash } from 'node:crypto';
import type { ClipboardAccess, Clock } from '../seams';

export interface ClipboardGuard {
  /** Writes the secret and schedules its removal; a later copy replaces the earlier schedule. */
  copySecret(secret: string): Promise<{ clearsAfterMs: number }>;
  /** On quit: removes the secret now if the clipboard still holds the one we wrote. */
  clearNow(): Promise<void>;
  /** Resolves once a scheduled clear that has started has finished (tests, quitting). */
  settled(): Promise<void>;
}

// Only a digest of the copied secret is kept, so the guard holds no second copy of it.
function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function createClipboardGuard(deps: { clipboard: ClipboardAccess; clock: Pick<Clock, 'setTimeout'>; clearAfterMs?: number }): ClipboardGuard {
  const { clipboard, clock } = deps;
  const clearAfterMs = deps.clearAfterMs ?? 60_000;
  let written: { digest: string; timer: { cancel(): void } } | null = null;

  let pending: Promise<void> = Promise.resolve();

  async function clearIfStillOurs(): Promise<void> {
    const current = written;
    written = null;
    if (!current) return;
    current.timer.cancel();
    let text: string;
    try {
      text = await clipboard.readText();
    } catch {
      return;
    }
    if (text.length > 0 && digest(text) === current.digest) clipboard.clear();
  }

  return {
    async copySecret(secret) {
      written?.timer.cancel();
      written = null;
      await clipboard.writeText(secret);
      written = {
        digest: digest(secret),
        timer: clock.setTimeout(() => {
          pending = clearIfStillOurs();
        }, clearAfterMs),
      };
      return { clearsAfterMs: clearAfterMs };
    },
    clearNow: () => clearIfStillOurs(),
    settled: () => pending,
  };
}
