import { RRule, type Options as RRuleOptions } from "rrule";
import { z } from "zod";
import {
  addDays,
  daysFromTo,
  instantOf,
  localDateSchema,
  localTimeSchema,
  timeZoneSchema,
  type LocalDate,
} from "./zones";

/** Weekdays by their RFC 5545 code. */
export const weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export const weekdaySchema = z.enum(weekdayCodes, {
  error: "Choose a weekday: MO, TU, WE, TH, FR, SA or SU.",
});
export type WeekdayCode = z.infer<typeof weekdaySchema>;

/** Longest gap between two weekly occurrences a ritual may have (a quarterly retro is 13 weeks). */
export const maxWeeklyInterval = 13;

/**
 * The subset of RRULE a ritual may use. Each kind maps to one RRULE (see `toRRuleOptions`), so the
 * calendar feed publishes exactly what the app expands.
 */
export const recurrenceSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("once") }),
    z.object({
      kind: z.literal("weekly"),
      /** 1 = every week, 2 = every other week... */
      interval: z
        .number()
        .int()
        .min(1, "Repeat it at least every week: the weeks between sessions start at 1.")
        .max(maxWeeklyInterval, `Leave at most ${maxWeeklyInterval} weeks between sessions.`),
      weekday: weekdaySchema,
    }),
    z.object({
      kind: z.literal("monthlyWeekday"),
      /** 1..5 for the first to fifth, -1 for the last. */
      nth: z.union(
        [z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(-1)],
        {
          error: "Choose the first to fifth weekday of the month (1 to 5), or the last (-1).",
        },
      ),
      weekday: weekdaySchema,
    }),
    z.object({
      kind: z.literal("monthlyDate"),
      /**
       * 1 to 28, or -1 for the last day of the month. Days 29-31 are left out on purpose: they
       * do not exist in every month, and calendar apps disagree on what to do then.
       */
      day: z
        .number()
        .int()
        .refine(
          (d) => d === -1 || (d >= 1 && d <= 28),
          "Choose a day of the month from 1 to 28, or the last day (-1).",
        ),
    }),
  ],
  { error: "Choose how it repeats: once, weekly, monthlyWeekday or monthlyDate." },
);
export type Recurrence = z.infer<typeof recurrenceSchema>;

/** When a ritual happens: local date and time in its own zone, a length and a recurrence. */
export const scheduleSchema = z
  .object({
    /** The first day the series may happen on; the first occurrence is the first match from here. */
    startDate: localDateSchema,
    startTime: localTimeSchema,
    durationMinutes: z
      .number()
      .int()
      .min(5, "A session lasts at least 5 minutes.")
      .max(12 * 60, "A session lasts at most 720 minutes (12 hours)."),
    timeZone: timeZoneSchema,
    recurrence: recurrenceSchema,
    /** Last day the series may happen on (inclusive), or null for no end. */
    until: localDateSchema.nullable(),
  })
  .refine((s) => s.until === null || s.until >= s.startDate, {
    message: "The end date can't be before the start date.",
    path: ["until"],
  });
export type Schedule = z.infer<typeof scheduleSchema>;

/** One planned occurrence of a series before any exception applies. */
export interface PlannedOccurrence {
  /** The local date the series puts it on: with the ritual id, it names the occurrence for ever. */
  originalDate: LocalDate;
  start: Date;
  end: Date;
}

function rruleWeekday(code: WeekdayCode) {
  // Looked up inside the function, not in a module-level table, so bundlers can leave rrule out
  // of the tab's first route (which imports this package but never expands a schedule).
  const weekday = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU][
    weekdayCodes.indexOf(code)
  ];
  if (!weekday) throw new RangeError(`Unknown weekday ${code}`);
  return weekday;
}

/** The rrule options for a recurrence, without DTSTART (null for a one-off). */
export function toRRuleOptions(recurrence: Recurrence): Partial<RRuleOptions> | null {
  switch (recurrence.kind) {
    case "once":
      return null;
    case "weekly":
      return {
        freq: RRule.WEEKLY,
        interval: recurrence.interval,
        byweekday: [rruleWeekday(recurrence.weekday)],
        wkst: RRule.MO,
      };
    case "monthlyWeekday":
      return {
        freq: RRule.MONTHLY,
        byweekday: [rruleWeekday(recurrence.weekday).nth(recurrence.nth)],
      };
    case "monthlyDate":
      return { freq: RRule.MONTHLY, bymonthday: [recurrence.day] };
  }
}

/** ISO weekday of a local date: 1 = Monday ... 7 = Sunday. */
function isoWeekdayOf(date: LocalDate): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The first day (YYYY-MM-01) of the month `months` months after the month of `date`. */
function monthStartAfter(date: LocalDate, months: number): LocalDate {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

/** The date a monthly recurrence falls on in the month starting `monthStart`, or null if none. */
function dateInMonth(
  recurrence: Extract<Recurrence, { kind: "monthlyDate" | "monthlyWeekday" }>,
  monthStart: LocalDate,
): LocalDate | null {
  const daysInMonth = daysFromTo(monthStart, monthStartAfter(monthStart, 1));
  let day: number;
  if (recurrence.kind === "monthlyDate") {
    day = recurrence.day === -1 ? daysInMonth : recurrence.day;
  } else {
    const weekday = weekdayCodes.indexOf(recurrence.weekday) + 1;
    const firstMatch = 1 + ((weekday - isoWeekdayOf(monthStart) + 7) % 7);
    day =
      recurrence.nth === -1
        ? firstMatch + 7 * Math.floor((daysInMonth - firstMatch) / 7)
        : firstMatch + 7 * (recurrence.nth - 1);
    // A fifth weekday exists in some months only: such a month has no session.
    if (day > daysInMonth) return null;
  }
  return addDays(monthStart, day - 1);
}

/**
 * The local date of the series' first occurrence: the first date on or after `startDate` that the
 * rule matches (RFC 5545 counts DTSTART as an occurrence, so the feed starts from this date), or
 * null when the series ends before it. Weeks start on Monday (the RRULE's WKST): a weekly series
 * whose weekday falls before `startDate` in its first week starts one interval later, as RRULE
 * intervals count whole weeks from DTSTART's week.
 */
export function firstOccurrenceDate(schedule: Schedule): LocalDate | null {
  const { recurrence, startDate, until } = schedule;
  let first: LocalDate | null = startDate;
  if (recurrence.kind === "weekly") {
    const weekday = weekdayCodes.indexOf(recurrence.weekday) + 1;
    const inFirstWeek = addDays(startDate, weekday - isoWeekdayOf(startDate));
    first = inFirstWeek >= startDate ? inFirstWeek : addDays(inFirstWeek, 7 * recurrence.interval);
  } else if (recurrence.kind !== "once") {
    // A fifth weekday can be missing for a few months in a row, never for a whole year.
    first = null;
    for (let month = 0; month <= 12 && first === null; month += 1) {
      const date = dateInMonth(recurrence, monthStartAfter(startDate, month));
      if (date !== null && date >= startDate) first = date;
    }
  }
  if (first === null || (recurrence.kind !== "once" && until !== null && first > until)) {
    return null;
  }
  return first;
}

/** The instant and end of an occurrence on a local date. */
export function plannedOn(
  schedule: Schedule,
  date: LocalDate,
  time = schedule.startTime,
): PlannedOccurrence {
  const start = instantOf(date, time, schedule.timeZone);
  return {
    originalDate: date,
    start,
    end: new Date(start.getTime() + schedule.durationMinutes * 60_000),
  };
}

/** The dates of one series, its first date found once, for callers with many questions. */
export interface Series {
  /** The first date, or null when the series ends before it. */
  first: LocalDate | null;
  /** True when the series has a session on the local date. */
  occursOn(date: LocalDate): boolean;
  /**
   * The series' dates in [fromDate, toDate], both inclusive. Computed from the range, never by
   * stepping from the series' start: a weekly series jumps straight to its first date in the
   * range, a monthly one looks only at the range's months. So the cost is what the asked range
   * costs, however long ago the series began.
   */
  datesBetween(fromDate: LocalDate, toDate: LocalDate): LocalDate[];
  /**
   * How many dates lie in [fromDate, toDate], and the last `tail` of them (oldest first), without
   * listing the rest: a weekly series counts whole intervals, so a span of years costs what a
   * week costs. A monthly series lists its months (at most a dozen a year).
   */
  summary(
    fromDate: LocalDate,
    toDate: LocalDate,
    tail: number,
  ): { count: number; last: LocalDate[] };
}

/**
 * The series of a schedule. Its dates are those of the RRULE the calendar feed publishes
 * (`rruleLine`): recurrenceRange.test.ts checks them against rrule's own expansion.
 */
export function seriesOf(schedule: Schedule): Series {
  const first = firstOccurrenceDate(schedule);
  const { recurrence, until } = schedule;
  const lastOf = (toDate: LocalDate) =>
    recurrence.kind === "once" || until === null || until > toDate ? toDate : until;
  const lowerOf = (fromDate: LocalDate) => (first !== null && first > fromDate ? first : fromDate);
  // Weekly dates are whole periods after the first: counted in milliseconds of UTC midnights.
  const periodMs = recurrence.kind === "weekly" ? 7 * recurrence.interval * 86_400_000 : 0;
  const firstMs = first === null ? 0 : Date.parse(first);
  const periodsTo = (date: LocalDate) => (Date.parse(date) - firstMs) / periodMs;
  const dateAt = (period: number) =>
    new Date(firstMs + period * periodMs).toISOString().slice(0, 10);

  const series: Series = {
    first,
    occursOn(date) {
      if (first === null || date < first || date > lastOf(date)) return false;
      if (recurrence.kind === "once") return date === first;
      if (recurrence.kind === "weekly") return Number.isInteger(periodsTo(date));
      return dateInMonth(recurrence, monthStartAfter(date, 0)) === date;
    },
    datesBetween(fromDate, toDate) {
      if (first === null) return [];
      const [lower, last] = [lowerOf(fromDate), lastOf(toDate)];
      const dates: LocalDate[] = [];
      if (recurrence.kind === "once") {
        if (fromDate <= first && first <= toDate) dates.push(first);
      } else if (recurrence.kind === "weekly") {
        const lastPeriod = periodsTo(last);
        for (let period = Math.ceil(periodsTo(lower)); period <= lastPeriod; period += 1) {
          dates.push(dateAt(period));
        }
      } else {
        for (let month = monthStartAfter(lower, 0); month <= last;) {
          const date = dateInMonth(recurrence, month);
          if (date !== null && date >= lower && date <= last) dates.push(date);
          month = monthStartAfter(month, 1);
        }
      }
      return dates;
    },
    summary(fromDate, toDate, tail) {
      if (recurrence.kind !== "weekly" || first === null) {
        const dates = series.datesBetween(fromDate, toDate);
        return { count: dates.length, last: dates.slice(Math.max(0, dates.length - tail)) };
      }
      const fromPeriod = Math.max(0, Math.ceil(periodsTo(fromDate)));
      const toPeriod = Math.floor(periodsTo(lastOf(toDate)));
      const last: LocalDate[] = [];
      for (
        let period = Math.max(fromPeriod, toPeriod - tail + 1);
        period <= toPeriod;
        period += 1
      ) {
        last.push(dateAt(period));
      }
      return { count: Math.max(0, toPeriod - fromPeriod + 1), last };
    },
  };
  return series;
}

/** The series' local dates in [fromDate, toDate], both inclusive: see `Series.datesBetween`. */
export function seriesDates(
  schedule: Schedule,
  fromDate: LocalDate,
  toDate: LocalDate,
): LocalDate[] {
  return seriesOf(schedule).datesBetween(fromDate, toDate);
}

/**
 * Every planned occurrence whose start lies in [from, to). The rule runs on wall-clock dates, and
 * each date is then placed in the ritual's zone: a 09:00 London session is at 09:00 whether the
 * clocks say GMT or BST, which is what people who attend it expect.
 */
export function expandSchedule(schedule: Schedule, from: Date, to: Date): PlannedOccurrence[] {
  // Zone offsets are at most 14 hours, so a day either side of the range covers every candidate.
  const fromDate = addDays(from.toISOString().slice(0, 10), -1);
  const toDate = addDays(to.toISOString().slice(0, 10), 1);
  return seriesDates(schedule, fromDate, toDate)
    .map((date) => plannedOn(schedule, date))
    .filter((o) => o.start.getTime() >= from.getTime() && o.start.getTime() < to.getTime());
}

/** True when the series has an occurrence on the local date. */
export function occursOn(schedule: Schedule, date: LocalDate): boolean {
  return seriesOf(schedule).occursOn(date);
}

/**
 * True when the series still has sessions on or after `today`: a one-off in the past or a series
 * past its `until` date is over, and no longer counts as a ritual the community runs.
 */
export function runsOnOrAfter(schedule: Schedule, today: LocalDate): boolean {
  if (schedule.recurrence.kind === "once") return schedule.startDate >= today;
  return schedule.until === null || schedule.until >= today;
}

/** The RRULE line of a schedule (for the calendar feed), or null for a one-off. */
export function rruleLine(schedule: Schedule): string | null {
  const options = toRRuleOptions(schedule.recurrence);
  if (!options) return null;
  // UNTIL must be in UTC when DTSTART has a zone (RFC 5545 3.3.10): the end of the last local day.
  const until = schedule.until
    ? {
        until: new Date(
          instantOf(addDays(schedule.until, 1), "00:00", schedule.timeZone).getTime() - 1000,
        ),
      }
    : {};
  return new RRule({ ...options, ...until }).toString().replace(/^RRULE:/, "");
}
