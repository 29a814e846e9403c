import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installCrashHandlers } from './crash-handlers';
import type { Logger } from './logger';

const TOKEN = 'xoxp-1111111111-2222222222-3333333333333-0123456789abcdef0123456789abcdef';

function setup() {
  const target = new EventEmitter();
  const lines: Array<{ message: string; fields?: Record<string, unknown> }> = [];
  const logger: Logger = {
    info: () => undefined,
    warn: () => undefined,
    error: (message, fields) => lines.push({ message, fields }),
  };
  const showError = vi.fn();
  installCrashHandlers(target as unknown as NodeJS.Process, { logger, showError });
  return { target, lines, showError };
}

describe('installCrashHandlers', () => {
  it('logs an uncaught exception and tells the admin once', () => {
    const { target, lines, showError } = setup();
    target.emit('uncaughtException', new TypeError(`boom ${TOKEN}`));
    target.emit('uncaughtException', new Error('again'));
    expect(lines.map((line) => line.message)).toEqual(['uncaught exception', 'uncaught exception']);
    expect(showError).toHaveBeenCalledTimes(1);
    // The dialog is given nothing: no message, no stack.
    expect(showError).toHaveBeenCalledWith();
  });

  it('logs unhandled rejections, including non-Error reasons', () => {
    const { target, lines } = setup();
    target.emit('unhandledRejection', 'plain string reason', Promise.resolve());
    expect(lines[0]?.message).toBe('unhandled rejection');
    expect(lines[0]?.fields).toEqual({ error: { name: 'NonError', message: 'plain string reason' } });
  });

  it('survives a failing dialog', () => {
    const target = new EventEmitter();
    installCrashHandlers(target as unknown as NodeJS.Process, {
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      showError: () => {
        throw new Error('no display');
      },
    });
    expect(() => target.emit('uncaughtException', new Error('x'))).not.toThrow();
  });
});
