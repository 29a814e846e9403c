import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultKind } from './types';
import { sendHtml, sendJson, sendText } from './http-util';

/**
 * Timers for 'slow' faults. close() cancels them so a test that closes the sim mid-delay
 * does not leave a pending timer keeping the process (or vitest's worker) alive.
 */
export class Delays {
  private readonly pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.pending.add(entry);
    });
  }

  cancelAll(): void {
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.pending.clear();
  }
}

export const OUTAGE_HTML =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Slack</title></head>' +
  '<body><main><h1>Slack is having trouble</h1>' +
  '<p>We’re working on it. Check status.slack.com for updates.</p></main></body></html>';

/**
 * Answers the request the way the fault says. Returns true when the request is finished
 * (answered or dropped) and false when normal handling should go on (after a 'slow' delay).
 */
export async function applyFault(
  fault: FaultKind,
  req: IncomingMessage,
  res: ServerResponse,
  delays: Delays,
): Promise<boolean> {
  switch (fault.kind) {
    case 'rate-limit':
      // Web API, SCIM and Audit Logs all signal limits with 429 + Retry-After in seconds.
      sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'Retry-After': String(fault.retryAfterSeconds) });
      return true;
    case 'server-error':
      sendText(res, 500, 'Internal Server Error');
      return true;
    case 'html':
      // What a captive portal, a proxy or Slack's own outage page looks like to an API client.
      sendHtml(res, 200, OUTAGE_HTML);
      return true;
    case 'drop':
      req.socket.destroy();
      return true;
    case 'slow':
      await delays.wait(fault.delayMs);
      return res.destroyed || res.writableEnded;
  }
}
