import type { JobTimers } from "../../../bot/src/jobs";

/** A clock for job tests: `now` and the backbone's timers, moved on only by `advance`. */
export interface TestClock extends JobTimers {
  now: () => Date;
  /** Resolves once the clock has been moved `ms` past the moment of the call. */
  sleep(ms: number): Promise<void>;
  /**
   * Moves the clock on by `ms`, one timer at a time in the order they fall due; after each, waits
   * for `settle` (storage calls the timer started, say) before the next one may fire.
   */
  advance(ms: number): Promise<void>;
}

interface Timer {
  id: number;
  at: number;
  run: () => void;
  everyMs: number | null;
}

/** Where the latest clock of this test file has got to (each test file loads its own copy). */
let latestMs = 0;

/**
 * A clock that stands still until a test moves it, so a lease expires or a slow source finishes
 * without real waiting. `settle` is awaited after each timer fires: pass what tells the work it
 * started is over (the default lets promises run).
 *
 * It starts now, or where the file's previous clock stopped if that is later: the scheduler's
 * lease is one row in the storage the file's tests share, and a lease given up by an earlier test
 * (at the real time, or at its clock's time) must have run out when this clock starts.
 */
export function testClock(
  settle: () => Promise<void> = () => new Promise((done) => setImmediate(done)),
): TestClock {
  let ms = Math.max(Date.now(), latestMs) + 1;
  let nextId = 0;
  const timers = new Map<number, Timer>();
  const add = (run: () => void, delayMs: number, everyMs: number | null) => {
    nextId += 1;
    timers.set(nextId, { id: nextId, at: ms + Math.max(0, delayMs), run, everyMs });
    return nextId;
  };
  const due = (until: number) =>
    [...timers.values()]
      .filter((timer) => timer.at <= until)
      .sort((a, b) => a.at - b.at || a.id - b.id)[0];

  return {
    now: () => new Date(ms),
    setTimeout: (run, delayMs) => add(run, delayMs, null),
    setInterval: (run, everyMs) => add(run, everyMs, Math.max(1, everyMs)),
    clear: (id) => void timers.delete(id as number),
    sleep: (delayMs) => new Promise((done) => add(done, delayMs, null)),
    async advance(byMs) {
      const until = ms + byMs;
      for (let timer = due(until); timer; timer = due(until)) {
        ms = timer.at;
        latestMs = Math.max(latestMs, ms);
        if (timer.everyMs === null) timers.delete(timer.id);
        else timer.at += timer.everyMs;
        timer.run();
        await settle();
      }
      ms = until;
      latestMs = Math.max(latestMs, ms);
      await settle();
    },
  };
}
