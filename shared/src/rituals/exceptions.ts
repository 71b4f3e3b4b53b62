import { z } from "zod";
import { ritualLimits as limits } from "./limits";
import { occursOn, plannedOn, seriesOf, type Schedule } from "./recurrence";
import type { RotationStep } from "./rotation";
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
 * The occurrences whose (possibly moved) start lies in [from, to), in start order. Planned dates
 * are read `maxMoveDays` beyond the range, so a session moved into the range appears and one
 * moved out of it does not; only those that can start in the range are placed in their zone.
 */
export function occurrencesBetween(
  schedule: Schedule,
  exceptions: readonly OccurrenceException[],
  from: Date,
  to: Date,
): ScheduledOccurrence[] {
  const byDate = new Map(exceptions.map((e) => [e.originalDate, e]));
  // A session on its planned date starts in the range only on these dates (zones are at most 14
  // hours off UTC).
  const firstDay = addDays(from.toISOString().slice(0, 10), -1);
  const lastDay = addDays(to.toISOString().slice(0, 10), 1);
  const planned = seriesOf(schedule).datesBetween(
    addDays(firstDay, -maxMoveDays),
    addDays(lastDay, maxMoveDays),
  );
  const result: ScheduledOccurrence[] = [];
  for (const originalDate of planned) {
    const exception = byDate.get(originalDate);
    const target = exception?.movedTo ?? null;
    if (!target && (originalDate < firstDay || originalDate > lastDay)) continue;
    const { start, end } = target
      ? plannedOn(schedule, target.date, target.time)
      : plannedOn(schedule, originalDate);
    if (start.getTime() < from.getTime() || start.getTime() >= to.getTime()) continue;
    result.push({
      originalDate,
      start,
      end,
      status: exception?.cancelledReason ? "cancelled" : target ? "moved" : "scheduled",
      cancelledReason: exception?.cancelledReason ?? null,
      facilitatorOverrideId: exception?.facilitatorId ?? null,
    });
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * The sessions going ahead (not cancelled) with a start in [from, to), as steps of the rotation:
 * one by one on the dates where something can change whose turn it is (an exception's dates, a
 * date of `pinnedDates` such as a volunteer's away day, the range's ends), and as counted plain
 * runs between them. The rotation plans forward from now, so a calendar read years ahead must
 * move it past every session until then: counting the runs keeps that cost to the few dates that
 * matter instead of every session. `runTail` is how many of a run's last dates the rotation needs
 * (one per volunteer). Sessions on or before `listThrough` are listed one by one too: a recorded
 * session can be dated after today (a session moved earlier keeps its planned date), and a plain
 * run must come after every date the rotation knows.
 */
export function rotationStepsBetween(props: {
  schedule: Schedule;
  exceptions: readonly OccurrenceException[];
  from: Date;
  to: Date;
  pinnedDates: Iterable<LocalDate>;
  runTail: number;
  listThrough: LocalDate | null;
}): RotationStep[] {
  const { schedule, from, to } = props;
  const zone = schedule.timeZone;
  const series = seriesOf(schedule);
  const [fromDate, toDate] = [wallClockOf(from, zone).date, wallClockOf(to, zone).date];
  // A session can start in [from, to) only on these clock dates (zones are at most 14 h off).
  const [first, last] = [addDays(fromDate, -1), addDays(toDate, 1)];
  const exceptions = props.exceptions.filter(
    (e) =>
      e.originalDate >= addDays(first, -maxMoveDays) &&
      e.originalDate <= addDays(last, maxMoveDays),
  );
  const byDate = new Map(exceptions.map((e) => [e.originalDate, e]));
  const movedTo = new Map<LocalDate, OccurrenceException[]>();
  // Listed one by one: the days at either end of the range (where a session's side of the bound
  // depends on its zone), the caller's dates, every date an exception touches, and the sessions
  // up to `listThrough`.
  const ends = [first, fromDate, addDays(fromDate, 1), addDays(toDate, -1), toDate, last];
  const pinned = new Set<LocalDate>([...ends, ...props.pinnedDates]);
  for (const exception of exceptions) {
    pinned.add(exception.originalDate);
    if (!exception.movedTo) continue;
    const target = exception.movedTo.date;
    pinned.add(target);
    movedTo.set(target, [...(movedTo.get(target) ?? []), exception]);
  }
  if (props.listThrough !== null && props.listThrough >= first) {
    const through = props.listThrough < last ? props.listThrough : last;
    for (const date of series.datesBetween(first, through)) pinned.add(date);
  }
  const points = [...pinned].filter((d) => d >= first && d <= last).sort();

  // Clock dates a day or more from a range end order like their instants; nearer ones (a zone
  // may change its offset at midnight) are placed in the zone and compared exactly.
  const startsBy = (date: LocalDate, time: LocalTime, bound: Date, boundDate: LocalDate) =>
    Math.abs(daysFromTo(boundDate, date)) > 1
      ? date > boundDate
      : instantOf(date, time, zone).getTime() >= bound.getTime();
  const steps: RotationStep[] = [];
  points.forEach((point, index) => {
    const own = byDate.get(point);
    const onPoint = [
      ...(series.occursOn(point) && !own?.movedTo
        ? [{ time: schedule.startTime, exception: own }]
        : []),
      ...(movedTo.get(point) ?? [])
        .filter((exception) => series.occursOn(exception.originalDate))
        .map((exception) => ({ time: exception.movedTo?.time ?? schedule.startTime, exception })),
    ];
    const goingAhead = onPoint
      .filter(({ exception }) => !exception?.cancelledReason)
      .filter(({ time }) => startsBy(point, time, from, fromDate))
      .filter(({ time }) => !startsBy(point, time, to, toDate))
      .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    for (const { exception } of goingAhead) {
      steps.push({ date: point, facilitatorId: exception?.facilitatorId ?? null });
    }
    const next = points[index + 1];
    if (next === undefined) return;
    const run = series.summary(addDays(point, 1), addDays(next, -1), props.runTail);
    if (run.count > 0) steps.push({ count: run.count, lastDates: run.last });
  });
  return steps;
}
