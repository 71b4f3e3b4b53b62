import { exceptionProblem, type Occurrence, type OccurrenceChange } from "@practice-hub/shared";
import { badRequest } from "../errors";
import type { Viewer } from "../policies";
import { presentOccurrenceRow } from "../presenters/rituals";
import type { Store } from "../store";
import { ritualOccurrenceWriter } from "./ritualOccurrenceWriter";

const problems = {
  not_an_occurrence: "The ritual does not happen on that date. Pick a date from the calendar.",
  moved_too_far:
    "A session can move at most four weeks from its planned date. Change the series instead.",
} as const;

/**
 * Moves, cancels or reassigns one occurrence without touching the series. Bumps the occurrence's
 * SEQUENCE so calendar apps that subscribed to the feed pick the change up. The caller must
 * already be authorized.
 */
export async function ritualOccurrenceChanger(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  ritualId: string;
  originalDate: string;
  change: OccurrenceChange;
  ifMatch: string;
}): Promise<Occurrence> {
  const { change } = props;
  const { ritual, row } = await ritualOccurrenceWriter({
    store: props.store,
    tenantId: props.viewer.actor.tenantId,
    communityId: props.communityId,
    ritualId: props.ritualId,
    originalDate: props.originalDate,
    ifMatch: props.ifMatch,
    check: ({ ritual: series }) => {
      const problem = exceptionProblem(series.fields.schedule, {
        originalDate: props.originalDate,
        ...change,
      });
      if (problem) throw badRequest(problems[problem]);
      if (change.facilitatorId && !series.volunteers.some((v) => v.id === change.facilitatorId)) {
        throw badRequest("The facilitator must be one of the ritual's volunteers.");
      }
    },
    edit: ({ ritual: series, row: current }) => ({
      row: {
        change,
        facilitatorName: change.facilitatorId
          ? (series.volunteers.find((v) => v.id === change.facilitatorId)?.displayName ?? null)
          : null,
        rsvps: current?.rsvps ?? {},
        attendance: current?.attendance ?? null,
        sequence: (current?.sequence ?? 0) + 1,
      },
    }),
  });
  return presentOccurrenceRow(ritual, row, row.originalDate, props.viewer.actor.userId, true);
}
