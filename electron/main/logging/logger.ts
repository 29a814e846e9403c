// A tiny file logger for the main process. Every line is redacted before it is written, kept on
// one line (no log injection through newlines) and capped in length; the file is owner-only and
// rolls over once it grows past a size limit. Writing never throws: a full disk must not crash
// the app.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { redactSecrets } from './redact';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  filePath: string;
  /** Roll over to `<file>.1` past this size (default 1 MiB). */
  maxBytes?: number;
  now?: () => Date;
  /** Also called with each finished (redacted) line, e.g. to echo to a dev console. */
  onLine?: (line: string) => void;
}

const MAX_LINE_LENGTH = 2000;

function describe(value: unknown): unknown {
  // An Error's own fields may include a request config carrying a token: keep name and message.
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

function serialiseFields(fields: Record<string, unknown> | undefined): string {
  if (!fields || Object.keys(fields).length === 0) return '';
  try {
    return ` ${JSON.stringify(fields, (_key, value: unknown) => describe(value))}`;
  } catch {
    return ' {"fields":"unserialisable"}';
  }
}

export function formatLogLine(level: LogLevel, message: string, fields: Record<string, unknown> | undefined, at: Date): string {
  const raw = `${at.toISOString()} ${level.toUpperCase()} ${message}${serialiseFields(fields)}`;
  // Redact first, then flatten and cap, so a cut never leaves half a secret behind.
  const oneLine = redactSecrets(raw).replace(/[\r\n\u2028\u2029]+/g, ' \u23ce ');
  return oneLine.length > MAX_LINE_LENGTH ? `${oneLine.slice(0, MAX_LINE_LENGTH)}…` : oneLine;
}

export function createLogger(options: LoggerOptions): Logger {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const now = options.now ?? (() => new Date());
  let folderReady = false;

  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    const line = formatLogLine(level, message, fields, now());
    try {
      if (!folderReady) {
        mkdirSync(dirname(options.filePath), { recursive: true, mode: 0o700 });
        folderReady = true;
      }
      try {
        if (statSync(options.filePath).size > maxBytes) renameSync(options.filePath, `${options.filePath}.1`);
      } catch {
        // No file yet.
      }
      appendFileSync(options.filePath, `${line}\n`, { encoding: 'utf8', mode: 0o600 });
    } catch {
      // Logging is best effort.
    }
    options.onLine?.(line);
  };

  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** For tests and for code that runs before the log file is known. */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
