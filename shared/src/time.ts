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

/** The calendar date (YYYY-MM-DD) of an instant in UTC, the zone every instant is stored in. */
export function calendarDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * True only for a YYYY-MM-DD date that exists: Date.parse rolls 2026-02-31 over to March 3rd,
 * so the parts are compared after the round trip instead.
 */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = new Date(Date.UTC(year, month - 1, day));
  return (
    instant.getUTCFullYear() === year &&
    instant.getUTCMonth() === month - 1 &&
    instant.getUTCDate() === day
  );
}

/** A day as people read it in titles ("20 Nov 2026"), in UTC so every reader sees the same day. */
export function dayLabelOf(instant: Date): string {
  return instant.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/**
 * A calendar date (YYYY-MM-DD, a date without a time, such as a due date) as people read it:
 * "31 Mar", or "31 Mar 2027" with `year`. It is the same day for every reader: the date is
 * formatted at noon UTC in UTC, never converted through the reader's zone, which would move it
 * a day for readers east or west of UTC. Throws a RangeError for a string that is no such date.
 */
export function calendarDateLabel(
  date: string,
  options: { year?: boolean; locale?: string } = {},
): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(options.locale ?? "en-GB", {
    day: "numeric",
    month: "short",
    ...(options.year ? { year: "numeric" as const } : {}),
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, day, 12)));
}

/** A source of "now": the service passes its injectable clock, tests a fixed one. */
export type Clock = () => Date;

/**
 * Years before and after today that a date the API accepts may lie (DESIGN.md: every date is
 * bounded). Beyond this no real session, due date or range is asked for, and unbounded dates let
 * one request walk centuries of a series or overflow date arithmetic.
 */
export const dateWindowYears = 5;

/** The calendar dates (YYYY-MM-DD, both inclusive) that the API accepts on one day. */
export interface DateWindow {
  earliest: string;
  latest: string;
}

/** The same calendar day `years` years away from `now` in UTC (29 February becomes the 28th). */
function sameDayYearsAway(now: Date, years: number): string {
  const year = now.getUTCFullYear() + years;
  const month = now.getUTCMonth();
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return calendarDateOf(
    new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDayOfMonth))),
  );
}

/** The window of dates the API accepts at `now`: `dateWindowYears` either side of today (UTC). */
export function dateWindowAround(now: Date): DateWindow {
  return {
    earliest: sameDayYearsAway(now, -dateWindowYears),
    latest: sameDayYearsAway(now, dateWindowYears),
  };
}

/**
 * True when a calendar date (YYYY-MM-DD), or an ISO instant's UTC day, lies in the window. A
 * date-only string parses as UTC midnight, so both forms compare on the same scale.
 */
export function isInDateWindow(value: string, window: DateWindow): boolean {
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return false;
  return instant >= Date.parse(window.earliest) && instant < Date.parse(window.latest) + dayMs;
}
