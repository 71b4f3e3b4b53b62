import {
  mergeOccurrenceChange,
  unchangedOccurrence,
  type LocalDate,
  type Occurrence,
} from "@practice-hub/shared";
import { badRequest } from "../errors";
import { authorize, type Viewer } from "../policies";
import { occurrenceViewerOf } from "../policies/occurrenceActions";
import { presentOccurrenceRow } from "./presenter";
import type { Store } from "../store";
import { ritualOccurrenceWriter } from "./ritualOccurrenceWriter";

/**
 * Another volunteer takes over a session whose facilitator asked for a swap: the occurrence's
 * exception now assigns them, and the request is closed. Conditional on the row's ETag, so two
 * volunteers accepting at once cannot both win. Only volunteers of the ritual may accept, and
 * never the person who asked.
 */
export async function ritualSwapAccepter(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  ritualId: string;
  originalDate: LocalDate;
  ifMatch: string;
  now: Date;
}): Promise<Occurrence> {
  const { viewer, communityId, now } = props;
  const { userId, displayName } = viewer.actor;
  const { ritual, row } = await ritualOccurrenceWriter({
    store: props.store,
    tenantId: viewer.actor.tenantId,
    communityId,
    ritualId: props.ritualId,
    originalDate: props.originalDate,
    ifMatch: props.ifMatch,
    check: ({ ritual: series, row: current }) => {
      const request = current?.swapRequest ?? null;
      authorize(viewer, "takeSwap", {
        kind: "ritualSwap",
        communityId,
        facilitatorId: null,
        requesterId: request?.requestedBy.id ?? null,
        volunteerIds: series.volunteers.map((v) => v.id),
      });
      if (request === null || current?.change.cancelledReason || current?.attendance) {
        throw badRequest("Nobody is looking for a swap on this session any more.");
      }
      const started = presentOccurrenceRow(series, current, props.originalDate).start;
      if (Date.parse(started) <= now.getTime()) {
        throw badRequest("This session has already started, so it can no longer be swapped.");
      }
    },
    edit: ({ row: current }) => ({
      row: {
        change: mergeOccurrenceChange(current?.change ?? unchangedOccurrence, {
          facilitatorId: userId,
        }),
        facilitatorName: displayName,
        swapRequest: null,
        // The facilitator is not part of the feed's event, so SEQUENCE stays.
      },
    }),
  });
  return presentOccurrenceRow(
    ritual,
    row,
    row.originalDate,
    occurrenceViewerOf(viewer, communityId),
  );
}
