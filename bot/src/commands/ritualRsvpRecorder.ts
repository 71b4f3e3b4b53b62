import type { Occurrence, RsvpResponse } from "@practice-hub/shared";
import type { Actor } from "../auth/actor";
import { badRequest } from "../errors";
import { presentOccurrenceRow } from "../presenters/rituals";
import type { Store } from "../store";
import { ritualOccurrenceWriter } from "./ritualOccurrenceWriter";

/**
 * Records the caller's RSVP to one occurrence, from the tab or a reminder card. It only touches
 * the caller's own answer, so no If-Match: a lost race is retried on fresh data. The caller must
 * already be authorized (any member may answer).
 */
export async function ritualRsvpRecorder(props: {
  store: Store;
  actor: Actor;
  communityId: string;
  ritualId: string;
  originalDate: string;
  response: RsvpResponse;
}): Promise<Occurrence> {
  const { actor } = props;
  const { ritual, row } = await ritualOccurrenceWriter({
    store: props.store,
    tenantId: actor.tenantId,
    communityId: props.communityId,
    ritualId: props.ritualId,
    originalDate: props.originalDate,
    ifMatch: null,
    check: ({ row: current }) => {
      if (current?.change.cancelledReason) {
        throw badRequest("This session is cancelled, so there is nothing to answer.");
      }
    },
    edit: ({ row: current }) => ({
      row: {
        rsvps: {
          ...(current?.rsvps ?? {}),
          [actor.userId]: { response: props.response, displayName: actor.displayName },
        },
      },
    }),
  });
  return presentOccurrenceRow(ritual, row, row.originalDate, actor.userId);
}
