import type { OccurrenceChange } from "./exceptions";
import { occursOn, plannedOn, type Schedule } from "./recurrence";
import { addDays, type LocalDate } from "./zones";

/** What the calendar keeps about one occurrence of a series, as far as a new schedule cares. */
export interface KeptOccurrence {
  originalDate: LocalDate;
  change: OccurrenceChange;
  /** Attendance, notes or a recording were recorded. */
  attended: boolean;
}

/**
 * The planned dates whose record a schedule change would hide, oldest first. Occurrences live
 * under their planned date, so a date the new schedule no longer produces disappears from the
 * calendar with everything recorded on it. That is acceptable for a future session nobody changed
 * (its RSVPs or cancellation go with it), never for a session that already took place (history,
 * attendance, the rotation's credit) nor for one a champion moved or gave to a named facilitator.
 */
export function datesHiddenBySchedule(props: {
  before: Schedule;
  after: Schedule;
  occurrences: KeptOccurrence[];
  now: Date;
}): LocalDate[] {
  const { before, after, now } = props;
  return props.occurrences
    .filter(({ originalDate }) => !occursOn(after, originalDate))
    .filter(
      ({ originalDate, change, attended }) =>
        attended ||
        change.movedTo !== null ||
        change.facilitatorId !== null ||
        plannedOn(before, originalDate).start.getTime() <= now.getTime(),
    )
    .map((o) => o.originalDate)
    .sort();
}

/**
 * The planned dates, [fromDate, toDate), whose occurrence rows `datesHiddenBySchedule` needs when
 * `before` changes: the series' own dates, from its start to its end. A row outside them is not
 * an occurrence of `before`, so no change of it can hide that row. There is no end (toDate null)
 * for a series without one: a session months ahead may have been moved or given to a named
 * facilitator, and hiding that is refused however far ahead it is.
 */
export function datesReadForScheduleChange(before: Schedule): {
  fromDate: LocalDate;
  toDate: LocalDate | null;
} {
  return {
    fromDate: before.startDate,
    toDate: before.until === null ? null : addDays(before.until, 1),
  };
}
