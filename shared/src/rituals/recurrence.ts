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
  type LocalTime,
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

/** A local date and time as the "floating" UTC Date that rrule computes with. */
function floating(date: LocalDate, time: LocalTime): Date {
  return new Date(`${date}T${time}:00Z`);
}

function rruleFor(schedule: Schedule, dtstart: LocalDate): RRule | null {
  const options = toRRuleOptions(schedule.recurrence);
  if (!options) return null;
  return new RRule({
    ...options,
    dtstart: floating(dtstart, schedule.startTime),
    ...(schedule.until ? { until: floating(schedule.until, "23:59") } : {}),
  });
}

/**
 * The local date of the series' first occurrence: the first date on or after `startDate` that the
 * rule matches (RFC 5545 counts DTSTART as an occurrence, so the feed starts from this date).
 */
export function firstOccurrenceDate(schedule: Schedule): LocalDate | null {
  const rule = rruleFor(schedule, schedule.startDate);
  if (!rule) return schedule.startDate;
  const first = rule.after(floating(schedule.startDate, schedule.startTime), true);
  return first ? first.toISOString().slice(0, 10) : null;
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

/**
 * Every planned occurrence whose start lies in [from, to). The rule runs on wall-clock dates
 * ("floating" time), and each date is then placed in the ritual's zone: a 09:00 London session is
 * at 09:00 whether the clocks say GMT or BST, which is what people who attend it expect.
 */
export function expandSchedule(schedule: Schedule, from: Date, to: Date): PlannedOccurrence[] {
  const first = firstOccurrenceDate(schedule);
  if (first === null) return [];
  const rule = rruleFor(schedule, first);
  // Zone offsets are at most 14 hours, so a day either side of the range covers every candidate.
  const fromDate = addDays(from.toISOString().slice(0, 10), -1);
  const toDate = addDays(to.toISOString().slice(0, 10), 1);
  const dates = rule
    ? rule
        .between(floating(fromDate, "00:00"), floating(toDate, "23:59"), true)
        .map((d) => d.toISOString().slice(0, 10))
    : daysFromTo(fromDate, first) >= 0 && daysFromTo(first, toDate) >= 0
      ? [first]
      : [];
  return dates
    .map((date) => plannedOn(schedule, date))
    .filter((o) => o.start.getTime() >= from.getTime() && o.start.getTime() < to.getTime());
}

/** True when the series has an occurrence on the local date. */
export function occursOn(schedule: Schedule, date: LocalDate): boolean {
  const first = firstOccurrenceDate(schedule);
  if (first === null) return false;
  const rule = rruleFor(schedule, first);
  if (!rule) return date === first;
  return rule.between(floating(date, "00:00"), floating(date, "23:59"), true).length > 0;
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
