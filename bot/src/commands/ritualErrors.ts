import { notFound, staleVersion } from "../errors";
import { presentRitual } from "../presenters/rituals";
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
