import { AppError, notFound, staleVersion } from "../errors";
import { presentRitual } from "./presenter";
import type { RitualEntity } from "../store";

/** The 404 for a ritual the community does not have. */
export function ritualNotFound() {
  return notFound("This community has no ritual with that id. It may have been deleted.");
}

/** The 404 for a date on which the ritual does not happen. */
export function occurrenceNotFound() {
  return notFound("The ritual does not happen on that date. Pick a date from the calendar.");
}

/** The 412 for a stale ritual edit, carrying the ritual as it is now. */
export function staleRitual(current: RitualEntity) {
  return staleVersion(
    "Someone changed this ritual after you opened it. Look at the current version, then try again.",
    { current: presentRitual(current) },
  );
}

/** How many dates a schedule refusal lists in its message (all of them go in `data`). */
const datesNamed = 5;

/**
 * The 409 for a schedule change that would hide sessions that took place or were changed by
 * hand; `data.dates` lists every such planned date.
 */
export function scheduleHidesOccurrences(dates: string[]) {
  const named = dates.slice(0, datesNamed).join(", ");
  const more = dates.length > datesNamed ? ` and ${dates.length - datesNamed} more` : "";
  return new AppError(
    409,
    "conflict",
    `The new schedule leaves out sessions that already took place or were moved or reassigned by hand (${named}${more}), and they would disappear from the calendar. To change the rhythm from now on, give this ritual an end date and create a new ritual with the new schedule.`,
    { dates },
  );
}
