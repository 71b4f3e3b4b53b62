import { z } from "zod";
import { isCalendarDate } from "../time";

/**
 * Wall-clock time in named IANA zones, built on Intl so that it runs the same in the browser and
 * in Node. Rituals are stored as a local date and time plus a zone (STYLE.md habit 7); these
 * functions turn them into UTC instants and back, and own every daylight-saving decision.
 */

/** A calendar date as people write it in their zone: "2026-03-29". */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-29.")
  .refine((value) => isCalendarDate(value), "That date does not exist.");
export type LocalDate = z.infer<typeof localDateSchema>;

/** A time of day on a 24-hour clock: "09:30". */
export const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time like 09:30.");
export type LocalTime = z.infer<typeof localTimeSchema>;

/** An IANA time zone the runtime knows, such as "Europe/London". */
export const timeZoneSchema = z
  .string()
  .min(1, "Choose a time zone.")
  .max(64)
  .refine(isValidTimeZone, "Choose a time zone from the list, such as Europe/London.");

/** True when Intl knows the zone. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The fields of a wall-clock reading. */
export interface WallClock {
  date: LocalDate;
  time: LocalTime;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  isoWeekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Minutes the zone is ahead of UTC at `ms`, as Intl reads it: exact, but it takes microseconds. */
function intlOffsetMinutes(ms: number, zone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(whole))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const get = (type: string) => parts[type] ?? 0;
  const floating = new Date(0);
  floating.setUTCFullYear(get("year"), get("month") - 1, get("day"));
  floating.setUTCHours(get("hour"), get("minute"), get("second"));
  return Math.round((floating.getTime() - whole) / 60_000);
}

/** A zone's offsets through one UTC year: `minutes[i]` applies from `fromMs[i]` on. */
interface OffsetTable {
  fromMs: number[];
  minutes: number[];
}

/**
 * Offset tables by zone and year, each made once and kept. A calendar read places hundreds of
 * sessions in their zones, and asking Intl each time cost more than the rest of the read; a zone
 * changes its offset a few times a year at most, and requests only reach the years of the date
 * window, so the tables stay few and small.
 */
const offsetTables = new Map<string, Map<number, OffsetTable>>();
const dayMs = 86_400_000;

function offsetTableOf(zone: string, year: number): OffsetTable {
  const ofZone = offsetTables.get(zone) ?? new Map<number, OffsetTable>();
  offsetTables.set(zone, ofZone);
  const known = ofZone.get(year);
  if (known) return known;
  const start = new Date(0).setUTCFullYear(year, 0, 1);
  const end = new Date(0).setUTCFullYear(year + 1, 0, 1);
  const table: OffsetTable = { fromMs: [start], minutes: [intlOffsetMinutes(start, zone)] };
  // Read once a day (no zone changes its offset twice in a day), and each change found to the
  // second between the two readings that differ.
  for (let before = start; before < end; before += dayMs) {
    const after = Math.min(before + dayMs, end);
    const current = table.minutes[table.minutes.length - 1] ?? 0;
    const next = intlOffsetMinutes(after, zone);
    if (next === current || after === end) continue;
    let [low, high] = [before, after];
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (intlOffsetMinutes(middle, zone) === current) low = middle;
      else high = middle;
    }
    table.fromMs.push(high);
    table.minutes.push(next);
  }
  ofZone.set(year, table);
  return table;
}

/** Minutes the zone is ahead of UTC at `ms`, from the zone's offset table. */
function offsetMinutesAt(ms: number, zone: string): number {
  const table = offsetTableOf(zone, new Date(ms).getUTCFullYear());
  for (let index = table.fromMs.length - 1; index > 0; index -= 1) {
    if (ms >= (table.fromMs[index] ?? 0)) return table.minutes[index] ?? 0;
  }
  return table.minutes[0] ?? 0;
}

/** Wall-clock fields of an instant in a zone, as milliseconds of a "floating" UTC date. */
function floatingMs(instant: Date, zone: string): number {
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return whole + offsetMinutesAt(whole, zone) * 60_000;
}

/** Minutes the zone is ahead of UTC at the instant (60 for London in summer, -300 for New York in winter). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  return offsetMinutesAt(instant.getTime(), zone);
}

/** The date and time an instant shows on a clock in the zone. */
export function wallClockOf(instant: Date, zone: string): WallClock {
  const floating = new Date(floatingMs(instant, zone));
  const iso = floating.toISOString();
  return {
    date: iso.slice(0, 10),
    time: iso.slice(11, 16),
    isoWeekday: ((floating.getUTCDay() + 6) % 7) + 1,
  };
}

/**
 * The instant a clock in the zone shows `date` `time`. Daylight saving makes two cases special,
 * resolved as RFC 5545 (section 3.3.5) does so that our calendar feed and our own expansion agree:
 * a time skipped when clocks go forward is read with the offset from before the change (01:30
 * on a London spring-forward day becomes 02:30 BST), and a time that happens twice when clocks go
 * back means the first of the two.
 */
export function instantOf(date: LocalDate, time: LocalTime, zone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const floating = Date.UTC(y, m - 1, d, hh, mm);
  // Offsets either side of the wanted wall time; they differ only near a change.
  const before = zoneOffsetMinutes(new Date(floating - 36 * 3_600_000), zone);
  const after = zoneOffsetMinutes(new Date(floating + 36 * 3_600_000), zone);
  // No change of offset near the wanted time (nearly always): the wall time happens once.
  if (before === after) return new Date(floating - before * 60_000);
  const candidates = [before, after]
    .map((offset) => floating - offset * 60_000)
    .filter((ms) => floatingMs(new Date(ms), zone) === floating)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return new Date(first);
  // The wall time was skipped: use the offset in force before the gap.
  return new Date(floating - before * 60_000);
}

/** Adds days to a local date (calendar arithmetic, no zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (negative when b is earlier). */
export function daysFromTo(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
