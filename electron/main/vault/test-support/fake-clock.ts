// A Clock whose time moves only when a test says so. Timers fire in due order, each seeing
// `now()` at its own due time, so "refresh 5 minutes before expiry" can be checked exactly.
import type { Clock } from '../../seams';

interface PendingTimer {
  id: number;
  dueAt: number;
  callback: () => void;
}

export interface FakeClock extends Clock {
  /** Moves time forward, firing every timer that falls due on the way. */
  advance(ms: number): void;
  /** Timers still waiting. */
  pendingCount(): number;
  /** When the next timer fires, or null. */
  nextDueAt(): number | null;
}

export function createFakeClock(startAt = Date.UTC(2025, 0, 15, 9, 0, 0)): FakeClock {
  let now = startAt;
  let nextId = 1;
  const timers: PendingTimer[] = [];

  return {
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { id: nextId++, dueAt: now + Math.max(0, ms), callback };
      timers.push(timer);
      return {
        cancel() {
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
        },
      };
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.dueAt <= target).sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        now = Math.max(now, due.dueAt);
        due.callback();
      }
      now = target;
    },
    pendingCount: () => timers.length,
    nextDueAt: () => (timers.length === 0 ? null : Math.min(...timers.map((timer) => timer.dueAt))),
  };
}

/** Lets promise chains started by a timer (file writes, fake Slack calls) run to their end. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
