import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App } from 'electron';
import { app, resetFakeElectron } from '../../../test/fakes/electron';
import { ensureSingleInstance } from './single-instance';

describe('ensureSingleInstance', () => {
  beforeEach(() => resetFakeElectron());

  it('keeps the first instance running', () => {
    const focus = vi.fn();
    expect(ensureSingleInstance(app as unknown as App, focus)).toBe(true);
    expect(app.quitCalls).toBe(0);
  });

  it('quits a second instance', () => {
    app.singleInstanceLock = false;
    const focus = vi.fn();
    expect(ensureSingleInstance(app as unknown as App, focus)).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('brings the window forward when someone launches the app again', () => {
    const focus = vi.fn();
    ensureSingleInstance(app as unknown as App, focus);
    app.emit('second-instance', {}, ['org-token-helper'], '/');
    expect(focus).toHaveBeenCalledTimes(1);
  });
});
