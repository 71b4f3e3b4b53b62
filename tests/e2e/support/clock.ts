import type { BrowserContext } from "playwright-core";

/**
 * The instant every end-to-end test starts at, whatever today is: Wednesday 18 November 2026,
 * 09:00 UTC (also 09:00 in London). A session "two days from now" then falls on a Friday of the
 * same week and month, and no zone changes its offset within a fortnight either side.
 */
export const e2eStart = new Date("2026-11-18T09:00:00.000Z");

/**
 * A clock that reads `start` when it is made and then moves on with real time, as the tab's
 * installed clock does: the service (its `now`) and the browser agree to the second, and timers,
 * leases and "a minute later" still behave as they do in production.
 */
export function flowingClock(start: Date = e2eStart): () => Date {
  const offsetMs = start.getTime() - Date.now();
  return () => new Date(Date.now() + offsetMs);
}

/** The clock of one test file's service and tabs (each test file loads its own copy). */
export const e2eClock = flowingClock();

/**
 * Starts the pages of `context` at `now` with Playwright's clock: their `Date` and timers then run
 * on from there, so what the tab calls "today" and "upcoming" is the test's instant.
 */
export async function installTabClock(
  context: BrowserContext,
  now: Date = e2eClock(),
): Promise<void> {
  await context.clock.install({ time: now });
}
