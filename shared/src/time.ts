/**
 * The one module that touches dates. Instants are ISO-8601 strings in UTC; callers pass "now"
 * in so that tests fix the clock instead of depending on today's date.
 */

const dayMs = 24 * 60 * 60 * 1000;

/** Whole days from `earlierIso` to `now`, never negative. */
export function daysBetween(earlierIso: string, now: Date): number {
  const earlier = Date.parse(earlierIso);
  if (Number.isNaN(earlier)) throw new RangeError(`Not an ISO date: ${earlierIso}`);
  return Math.max(0, Math.floor((now.getTime() - earlier) / dayMs));
}

/** The instant as an ISO-8601 UTC string with milliseconds. */
export function toIso(instant: Date): string {
  return instant.toISOString();
}

/**
 * A RowKey that sorts newest first: Table Storage returns rows in ascending RowKey order, so
 * history keys count down from a fixed far-future instant.
 */
export function newestFirstKey(instant: Date): string {
  const maxMs = 9_999_999_999_999;
  return String(maxMs - instant.getTime()).padStart(13, "0");
}
