import { z } from "zod";
import { ritualLimits as limits } from "./limits";
import { expandSchedule, occursOn, plannedOn, seriesDates, type Schedule } from "./recurrence";
import {
  addDays,
  daysFromTo,
  instantOf,
  localDateSchema,
  localTimeSchema,
  wallClockOf,
  type LocalDate,
  type LocalTime,
} from "./zones";

/**
 * How far from its planned date a single occurrence may move. Keeping moves inside this window lets
 * the occurrences query read exceptions with one RowKey range (planned date +/- this many days).
 */
export const maxMoveDays = 28;

const movedToSchema = z.object({ date: localDateSchema, time: localTimeSchema });
const cancelledReasonSchema = z
  .string()
  .trim()
  .min(1, "Say why the session is cancelled.")
  .max(limits.ritualCancelReason, `Keep the reason under ${limits.ritualCancelReason} characters.`);
const facilitatorIdSchema = z.string().min(1).max(128);

/** Changes to one occurrence that leave the rest of the series alone, as stored. */
export const occurrenceChangeSchema = z.object({
  /** Moved to another local date and time in the ritual's zone, or null to keep the plan. */
  movedTo: movedToSchema.nullable().default(null),
  /** Why it is cancelled (shown to members), or null when it goes ahead. */
  cancelledReason: cancelledReasonSchema.nullable().default(null),
  /** Someone other than the rotation's choice runs this one, or null to follow the rotation. */
  facilitatorId: facilitatorIdSchema.nullable().default(null),
});
export type OccurrenceChange = z.infer<typeof occurrenceChangeSchema>;

/** An occurrence that follows its series: the state before any change. */
export const unchangedOccurrence: OccurrenceChange = {
  movedTo: null,
  cancelledReason: null,
  facilitatorId: null,
};

/**
 * A change as a request sends it: only the fields present change, and an explicit null clears
 * one. No defaults here, or moving a session would silently clear its assigned facilitator.
 */
export const occurrenceChangePatchSchema = z
  .object({
    movedTo: movedToSchema.nullable(),
    cancelledReason: cancelledReasonSchema.nullable(),
    facilitatorId: facilitatorIdSchema.nullable(),
  })
  .partial();
export type OccurrenceChangePatch = z.infer<typeof occurrenceChangePatchSchema>;

/** The stored change with a patch applied: fields the patch leaves out keep their value. */
export function mergeOccurrenceChange(
  current: OccurrenceChange,
  patch: OccurrenceChangePatch,
): OccurrenceChange {
  return {
    movedTo: patch.movedTo === undefined ? current.movedTo : patch.movedTo,
    cancelledReason:
      patch.cancelledReason === undefined ? current.cancelledReason : patch.cancelledReason,
    facilitatorId: patch.facilitatorId === undefined ? current.facilitatorId : patch.facilitatorId,
  };
}

/** An exception as stored: the change plus the planned date it applies to. */
export interface OccurrenceException extends OccurrenceChange {
  originalDate: LocalDate;
}

/** Why an exception cannot apply to a series. */
export type ExceptionProblem = "not_an_occurrence" | "moved_too_far";

/** Checks an exception against its series; null when it is fine. */
export function exceptionProblem(
  schedule: Schedule,
  exception: OccurrenceException,
): ExceptionProblem | null {
  if (!occursOn(schedule, exception.originalDate)) return "not_an_occurrence";
  if (
    exception.movedTo &&
    Math.abs(daysFromTo(exception.originalDate, exception.movedTo.date)) > maxMoveDays
  ) {
    return "moved_too_far";
  }
  return null;
}

/** One occurrence as the calendar shows it, after exceptions. */
export interface ScheduledOccurrence {
  originalDate: LocalDate;
  start: Date;
  end: Date;
  status: "scheduled" | "moved" | "cancelled";
  cancelledReason: string | null;
  facilitatorOverrideId: string | null;
}

/**
 * The occurrences whose (possibly moved) start lies in [from, to), in start order. Planned
 * occurrences are read over a range widened by `maxMoveDays`, so a session moved into the range
 * appears and one moved out of it does not.
 */
export function occurrencesBetween(
  schedule: Schedule,
  exceptions: readonly OccurrenceException[],
  from: Date,
  to: Date,
): ScheduledOccurrence[] {
  const byDate = new Map(exceptions.map((e) => [e.originalDate, e]));
  const widenedFrom = new Date(
    `${addDays(from.toISOString().slice(0, 10), -maxMoveDays)}T00:00:00Z`,
  );
  const widenedTo = new Date(
    `${addDays(to.toISOString().slice(0, 10), maxMoveDays + 1)}T00:00:00Z`,
  );
  const result: ScheduledOccurrence[] = [];
  for (const planned of expandSchedule(schedule, widenedFrom, widenedTo)) {
    const exception = byDate.get(planned.originalDate);
    const moved = exception?.movedTo
      ? plannedOn(schedule, exception.movedTo.date, exception.movedTo.time)
      : null;
    const start = moved?.start ?? planned.start;
    if (start.getTime() < from.getTime() || start.getTime() >= to.getTime()) continue;
    result.push({
      originalDate: planned.originalDate,
      start,
      end: moved?.end ?? planned.end,
      status: exception?.cancelledReason ? "cancelled" : moved ? "moved" : "scheduled",
      cancelledReason: exception?.cancelledReason ?? null,
      facilitatorOverrideId: exception?.facilitatorId ?? null,
    });
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** A session that goes ahead, on the ritual's clock: what the rotation plans for. */
export interface LocalSession {
  originalDate: LocalDate;
  /** Where the clock puts it: the planned date and time, or those it was moved to. */
  date: LocalDate;
  time: LocalTime;
  facilitatorOverrideId: string | null;
}

/**
 * The sessions that go ahead (not cancelled) with a start in [from, to), in order, on the ritual's
 * clock. Unlike `occurrencesBetween`, it places a session in its zone only near the range's ends,
 * where the clock reading alone cannot tell which side it falls: the rotation steps through every
 * session between now and a range asked for years ahead, and placing each one in its zone would
 * cost far more than presenting the range itself.
 */
export function sessionsGoingAheadBetween(
  schedule: Schedule,
  exceptions: readonly OccurrenceException[],
  from: Date,
  to: Date,
): LocalSession[] {
  const zone = schedule.timeZone;
  const [fromDate, toDate] = [wallClockOf(from, zone).date, wallClockOf(to, zone).date];
  // Clock readings a day or more apart order like their instants; closer ones (a zone may change
  // its offset at midnight) are placed in the zone and compared exactly.
  const boundOf = (instant: Date, date: LocalDate) => ({
    instant,
    dayBefore: addDays(date, -1),
    dayAfter: addDays(date, 1),
  });
  const [lower, upper] = [boundOf(from, fromDate), boundOf(to, toDate)];
  const startsFrom = (date: LocalDate, time: LocalTime, bound: typeof lower) =>
    date < bound.dayBefore
      ? false
      : date > bound.dayAfter
        ? true
        : instantOf(date, time, zone).getTime() >= bound.instant.getTime();
  const byDate = new Map(exceptions.map((e) => [e.originalDate, e]));
  const sessions: LocalSession[] = [];
  const planned = seriesDates(
    schedule,
    addDays(fromDate, -maxMoveDays),
    addDays(toDate, maxMoveDays),
  );
  for (const originalDate of planned) {
    const exception = byDate.get(originalDate);
    if (exception?.cancelledReason) continue;
    const date = exception?.movedTo?.date ?? originalDate;
    const time = exception?.movedTo?.time ?? schedule.startTime;
    if (!startsFrom(date, time, lower) || startsFrom(date, time, upper)) continue;
    sessions.push({
      originalDate,
      date,
      time,
      facilitatorOverrideId: exception?.facilitatorId ?? null,
    });
  }
  const clockOf = (session: LocalSession) => `${session.date}T${session.time}`;
  return sessions.sort((a, b) => (clockOf(a) < clockOf(b) ? -1 : clockOf(a) > clockOf(b) ? 1 : 0));
}
