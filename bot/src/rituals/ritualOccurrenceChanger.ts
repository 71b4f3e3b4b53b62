import {
  exceptionProblem,
  mergeOccurrenceChange,
  unchangedOccurrence,
  type Occurrence,
  type OccurrenceChangePatch,
} from "@practice-hub/shared";
import { badRequest } from "../errors";
import type { Viewer } from "../policies";
import { presentOccurrenceRow } from "./presenter";
import type { Store } from "../store";
import { ritualOccurrenceWriter } from "./ritualOccurrenceWriter";

const problems = {
  not_an_occurrence: "The ritual does not happen on that date. Pick a date from the calendar.",
  moved_too_far:
    "A session can move at most four weeks from its planned date. Change the series instead.",
} as const;

/**
 * Moves, cancels or reassigns one occurrence without touching the series. Only the fields in
 * `patch` change: the rest of the stored exception (a move, an assigned facilitator) stays.
 * Bumps the occurrence's SEQUENCE so calendar apps that subscribed to the feed pick the change
 * up. The caller must already be authorized.
 */
export async function ritualOccurrenceChanger(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  ritualId: string;
  originalDate: string;
  patch: OccurrenceChangePatch;
  ifMatch: string;
}): Promise<Occurrence> {
  const { patch } = props;
  const { ritual, row } = await ritualOccurrenceWriter({
    store: props.store,
    tenantId: props.viewer.actor.tenantId,
    communityId: props.communityId,
    ritualId: props.ritualId,
    originalDate: props.originalDate,
    ifMatch: props.ifMatch,
    check: ({ ritual: series, row: current }) => {
      const change = mergeOccurrenceChange(current?.change ?? unchangedOccurrence, patch);
      const problem = exceptionProblem(series.fields.schedule, {
        originalDate: props.originalDate,
        ...change,
      });
      if (problem) throw badRequest(problems[problem]);
      // Only a newly named facilitator is checked: one assigned earlier who has since stopped
      // volunteering must not block moving or cancelling their session.
      if (patch.facilitatorId && !series.volunteers.some((v) => v.id === patch.facilitatorId)) {
        throw badRequest("The facilitator must be one of the ritual's volunteers.");
      }
    },
    edit: ({ ritual: series, row: current }) => {
      const before = current?.change ?? unchangedOccurrence;
      const change = mergeOccurrenceChange(before, patch);
      const reassigned = change.facilitatorId !== before.facilitatorId;
      return {
        row: {
          change,
          facilitatorName: change.facilitatorId
            ? (series.volunteers.find((v) => v.id === change.facilitatorId)?.displayName ??
              current?.facilitatorName ??
              null)
            : null,
          // Naming someone else answers an open swap request.
          ...(reassigned ? { swapRequest: null } : {}),
          sequence: (current?.sequence ?? 0) + 1,
        },
      };
    },
  });
  return presentOccurrenceRow(ritual, row, row.originalDate, {
    userId: props.viewer.actor.userId,
    // Only those who may schedule change an occurrence.
    schedules: true,
  });
}
