import { z } from "zod";
import { ritualLimits as limits } from "./limits";
import { expandSchedule, occursOn, plannedOn, type Schedule } from "./recurrence";
import { addDays, daysFromTo, localDateSchema, localTimeSchema, type LocalDate } from "./zones";

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
