// Last-resort handling for errors nothing else caught: the redacted error goes to the log, and
// the admin sees one plain message (never a stack trace, which may hold a token or a path).
import type { Logger } from './logger';

type ProcessEvents = Pick<NodeJS.Process, 'on'>;

export interface CrashHandlerOptions {
  logger: Logger;
  /** Shows the plain message, e.g. with `dialog.showErrorBox`. Called at most once. */
  showError(): void;
}

export function installCrashHandlers(target: ProcessEvents, options: CrashHandlerOptions): void {
  let shown = false;
  const report = (kind: string, error: unknown): void => {
    options.logger.error(kind, { error: error instanceof Error ? error : { name: 'NonError', message: String(error) } });
    if (shown) return;
    shown = true;
    try {
      options.showError();
    } catch {
      // The dialog itself failing must not loop back here.
    }
  };
  target.on('uncaughtException', (error) => report('uncaught exception', error));
  target.on('unhandledRejection', (reason) => report('unhandled rejection', reason));
}
