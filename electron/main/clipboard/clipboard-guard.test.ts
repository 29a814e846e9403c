import { beforeEach, describe, expect, it } from 'vitest';
import { clipboard, resetFakeElectron } from '../../../test/fakes/electron';
import { createFakeClock } from '../vault/test-support/fake-clock';
import { createClipboardGuard } from './clipboard-guard';

const secret = () => ['xoxp', '1'.repeat(10), '2'.repeat(11), 'abcdef0123456789'].join('-');

describe('clipboard guard', () => {
  beforeEach(() => resetFakeElectron());

  it('puts the token on the clipboard and clears it after 60 seconds if it is still there', () => {
    const clock = createFakeClock();
    const guard = createClipboardGuard({ clipboard, clock });
    expect(guard.copySecret(secret())).toEqual({ clearsAfterMs: 60_000 });
    expect(clipboard.readText()).toBe(secret());

    clock.advance(59_999);
    expect(clipboard.readText()).toBe(secret());
    clock.advance(1);
    expect(clipboard.readText()).toBe('');
  });

  it('leaves the clipboard alone when the admin copied something else meanwhile', () => {
    const clock = createFakeClock();
    const guard = createClipboardGuard({ clipboard, clock });
    guard.copySecret(secret());
    clock.advance(10_000);
    clipboard.writeText('meeting notes the admin copied');
    clock.advance(60_000);
    expect(clipboard.readText()).toBe('meeting notes the admin copied');
  });

  it('a second copy restarts the timer, and the first copy no longer clears anything', () => {
    const clock = createFakeClock();
    const guard = createClipboardGuard({ clipboard, clock });
    guard.copySecret(secret());
    clock.advance(50_000);
    const second = `${secret()}ff`;
    guard.copySecret(second);
    clock.advance(20_000); // 70 s after the first copy, 20 s after the second
    expect(clipboard.readText()).toBe(second);
    clock.advance(40_000);
    expect(clipboard.readText()).toBe('');
    expect(clock.pendingCount()).toBe(0);
  });

  it('uses the configured delay', () => {
    const clock = createFakeClock();
    const guard = createClipboardGuard({ clipboard, clock, clearAfterMs: 5_000 });
    guard.copySecret(secret());
    clock.advance(5_000);
    expect(clipboard.readText()).toBe('');
  });

  it('clearNow on quit removes the token only if it is still there', () => {
    const clock = createFakeClock();
    const guard = createClipboardGuard({ clipboard, clock });
    guard.copySecret(secret());
    guard.clearNow();
    expect(clipboard.readText()).toBe('');
    expect(clock.pendingCount()).toBe(0);

    guard.copySecret(secret());
    clipboard.writeText('something else');
    guard.clearNow();
    expect(clipboard.readText()).toBe('something else');
  });

  it('clearNow without a copy does nothing', () => {
    const clock = createFakeClock();
    clipboard.writeText('untouched');
    createClipboardGuard({ clipboard, clock }).clearNow();
    expect(clipboard.readText()).toBe('untouched');
  });
});
