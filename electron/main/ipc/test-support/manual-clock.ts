// A Clock whose time moves only when a test says so, so the 60-second clipboard clear and a
// refresh "one minute before expiry" can be checked without waiting. Timers fire in due order,
// each seeing `now()` at its own due time.
import type { Clock } from '../../seams';

export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void;
  /** When each waiting timer is due, soonest first (ms since the epoch). */
  pendingDueTimes(): number[];
}

export function createManualClock(startAt = Date.now()): ManualClock {
  let now = startAt;
  let nextId = 0;
  const timers = new Set<{ id: number; dueAt: number; callback: () => void }>();

  const soonest = (limit: number) =>
    [...timers].filter((timer) => timer.dueAt <= limit).sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)[0];

  return {
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { id: nextId++, dueAt: now + Math.max(0, ms), callback };
      timers.add(timer);
      return { cancel: () => void timers.delete(timer) };
    },
    advance(ms) {
      const target = now + ms;
      for (let due = soonest(target); due; due = soonest(target)) {
        timers.delete(due);
        now = Math.max(now, due.dueAt);
        due.callback();
      }
      now = target;
    },
    pendingDueTimes: () => [...timers].map((timer) => timer.dueAt).sort((a, b) => a - b),
  };
}
