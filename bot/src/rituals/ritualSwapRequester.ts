import type { LocalDate, Occurrence } from "@practice-hub/shared";
import { badRequest } from "../errors";
import { authorize, type Viewer } from "../policies";
import { occurrenceViewerOf } from "../policies/occurrenceActions";
import { presentOccurrenceRow } from "./presenter";
import type { Store } from "../store";
import { ritualOccurrenceReader } from "./ritualOccurrenceReader";
import { ritualOccurrenceWriter } from "./ritualOccurrenceWriter";

/**
 * The facilitator of an upcoming session (chosen by the rotation or assigned) asks another
 * volunteer to take it. The request is stored on the occurrence row, so it and its acceptance
 * are conditional on the row's ETag. `ifMatch` is null only for the card's "I can't make it",
 * which holds no ETag: a lost race is then retried on fresh data. Asking again while a request
 * is open changes nothing.
 */
export async function ritualSwapRequester(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  ritualId: string;
  originalDate: LocalDate;
  ifMatch: string | null;
  now: Date;
}): Promise<Occurrence> {
  const { store, viewer, communityId, ritualId, originalDate, now } = props;
  const { userId, displayName } = viewer.actor;
  const occurrence = await ritualOccurrenceReader({
    store,
    viewer,
    communityId,
    ritualId,
    originalDate,
    now,
  });
  // Asking again (a second press, or Teams retrying the card action) changes nothing, even
  // though the rotation may already name someone else once the requester was marked away.
  if (occurrence.swapRequestedBy?.id === userId) return occurrence;
  // The facilitator is decided by the whole calendar (the rotation), so it is checked here
  // rather than against the row alone.
  authorize(viewer, "askSwap", {
    kind: "ritualSwap",
    communityId,
    facilitatorId: occurrence.facilitator?.person.id ?? null,
    requesterId: occurrence.swapRequestedBy?.id ?? null,
    volunteerIds: [],
  });
  if (Date.parse(occurrence.start) <= now.getTime()) {
    throw badRequest("This session has already started, so it can no longer be swapped.");
  }
  const { ritual, row } = await ritualOccurrenceWriter({
    store,
    tenantId: viewer.actor.tenantId,
    communityId,
    ritualId,
    originalDate,
    ifMatch: props.ifMatch,
    check: ({ row: current }) => {
      if (current?.change.cancelledReason) {
        throw badRequest("This session is cancelled, so there is nothing to swap.");
      }
    },
    edit: ({ row: current }) => ({
      row: {
        swapRequest: current?.swapRequest ?? {
          requestedBy: { id: userId, displayName },
          requestedAt: now.toISOString(),
        },
      },
    }),
  });
  const shownTo = occurrenceViewerOf(viewer, communityId);
  return presentOccurrenceRow(ritual, row, row.originalDate, shownTo, occurrence.facilitator);
}
