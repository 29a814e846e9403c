import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, formatLogLine } from './logger';

const TOKEN = 'xoxp-1234567890-1234567890-1234567890123-0123456789abcdef0123456789abcdef';
const at = new Date('2025-01-02T03:04:05.000Z');

function tempLog(): string {
  return join(mkdtempSync(join(tmpdir(), 'logger-')), 'logs', 'main.log');
}

describe('createLogger', () => {
  it('writes timestamped, levelled lines to the file, creating its folder', () => {
    const filePath = tempLog();
    const logger = createLogger({ filePath, now: () => at });
    logger.info('app started', { version: '0.1.0' });
    logger.warn('slow call');
    logger.error('probe failed');
    expect(readFileSync(filePath, 'utf8').split('\n')).toEqual([
      '2025-01-02T03:04:05.000Z INFO app started {"version":"0.1.0"}',
      '2025-01-02T03:04:05.000Z WARN slow call',
      '2025-01-02T03:04:05.000Z ERROR probe failed',
      '',
    ]);
  });

  it('never writes a token, in the message, the fields or an error', () => {
    const filePath = tempLog();
    const logger = createLogger({ filePath });
    logger.error(`exchange failed for ${TOKEN}`, { url: 'https://localhost/?code=abc.def', error: new Error(`invalid ${TOKEN}`), nested: { token: TOKEN } });
    const written = readFileSync(filePath, 'utf8');
    expect(written).not.toContain(TOKEN);
    expect(written).not.toContain('abc.def');
    expect(written).toContain('exchange failed for xoxp-[redacted]');
  });

  it('keeps each entry on one line, so a message cannot forge another entry', () => {
    const filePath = tempLog();
    createLogger({ filePath, now: () => at }).warn('bad input\n2025-01-02T03:04:05.000Z ERROR forged');
    expect(readFileSync(filePath, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('makes the file readable by its owner only', () => {
    if (process.platform === 'win32') return;
    const filePath = tempLog();
    createLogger({ filePath }).info('hello');
    expect(statSync(filePath).mode & 0o077).toBe(0);
  });

  it('rolls over once the file is too big', () => {
    const filePath = tempLog();
    const logger = createLogger({ filePath, maxBytes: 100 });
    logger.info('first');
    writeFileSync(filePath, 'x'.repeat(200), { flag: 'a' });
    logger.info('second');
    expect(readFileSync(`${filePath}.1`, 'utf8')).toContain('first');
    expect(readFileSync(filePath, 'utf8')).toContain('second');
    expect(readFileSync(filePath, 'utf8')).not.toContain('first');
  });

  it('does not throw when the file cannot be written', () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'logger-')), 'file');
    writeFileSync(blocker, '');
    const logger = createLogger({ filePath: join(blocker, 'main.log') });
    expect(() => logger.error('still fine')).not.toThrow();
    expect(existsSync(join(blocker, 'main.log'))).toBe(false);
  });

  it('hands each finished line to onLine', () => {
    const lines: string[] = [];
    createLogger({ filePath: tempLog(), now: () => at, onLine: (line) => lines.push(line) }).info(`copied ${TOKEN}`);
    expect(lines).toEqual(['2025-01-02T03:04:05.000Z INFO copied xoxp-[redacted]']);
  });
});

describe('formatLogLine', () => {
  it('caps very long lines', () => {
    expect(formatLogLine('info', 'a'.repeat(5000), undefined, at).length).toBeLessThanOrEqual(2001);
  });

  it('survives unserialisable fields', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(formatLogLine('info', 'x', { cyclic }, at)).toContain('unserialisable');
  });
});
