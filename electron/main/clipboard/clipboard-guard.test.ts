import { beforeEach, describe, expect, it } from 'vitest';
import { clipboard, resetFakeElectron } from '../../../test/fakes/electron';
import { createFakeClock, type FakeClock } from '../vault/test-support/fake-clock';
import { createClipboardGuard, type ClipboardGuard } from './clipboard-guard';

const secret = () => ['xoxp', '1'.repeat(10), '2'.repeat(11), 'abcdef0123456789'].join('-');

/** Moves the fake clock and lets the (asynchronous) clipboard check finish. */
async function advance(clock: FakeClock, guard: ClipboardGuard, ms: number): Promise<void> {
  clock.advance(ms);
  await guard.settled();
}

describe('clipboard guard', () => {
  beforeEach(() => resetFakeElectron());

  it('puts the token on the clipboard and clears it after 60 seconds if it is still there', async () => {
    const clock = createFakeClock();
    const guard = createClipboardGuard({ clipboard, clock });
    expect(await guard.copySecret(secret())).toEqual({ clearsAfterMs: 60_000 });
    expect(clipboard.text).toBe(secret());

    await advance(clock, guard, 59_999);
    expect(clipboard.text).toBe(secret());
    await advance(clock, guard, 1);
    expect(clipboard.text).toBe('');
  });

  it('leaves the clipboard alone when the admin copied something else meanwhile', async () => {
    const clock = createFakeClock();
    const guard = createClipboardGuard({ clipboard, clock });
    await guard.copySecret(secret());
    await advance(clock, guard, 10_000);
    await clipboard.writeText('meeting notes the admin copied');
    await advance(clock, guard, 60_000);
    expect(clipboard.text).toBe('meeting notes the admin copied');
  });

  it('a second copy restarts the timer, and the first copy no longer clears anything', async () => {
    const clock = createFakeClock();
    const guard = createClipboardGuard({ clipboard, clock });
    await guard.copySecret(secret());
    await advance(clock, guard, 50_000);
    const second = `${secret()}ff`;
    await guard.copySecret(second);
    await advance(clock, guard, 20_000); // 70 s after the first copy, 20 s after the second
    expect(clipboard.text).toBe(second);
    await advance(clock, guard, 40_000);
    expect(clipboard.text).toBe('');
    expect(clock.pendingCount()).toBe(0);
  });

  it('uses the configured delay', async () => {
    const clock = createFakeClock();
    const guard = createClipboardGuard({ clipboard, clock, clearAfterMs: 5_000 });
    await guard.copySecret(secret());
    await advance(clock, guard, 5_000);
    expect(clipboard.text).toBe('');
  });

  it('clearNow on quit removes the token only if it is still there', async () => {
    const clock = createFakeClock();
    const guard = createClipboardGuard({ clipboard, clock });
    await guard.copySecret(secret());
    await guard.clearNow();
    expect(clipboard.text).toBe('');
    expect(clock.pendingCount()).toBe(0);

    await guard.copySecret(secret());
    await clipboard.writeText('something else');
    await guard.clearNow();
    expect(clipboard.text).toBe('something else');
  });

  it('clearNow without a copy does nothing', async () => {
    const clock = createFakeClock();
    await clipboard.writeText('untouched');
    await createClipboardGuard({ clipboard, clock }).clearNow();
    expect(clipboard.text).toBe('untouched');
  });
});
