import { ritualLimits, type Occurrence, type RsvpResponse } from "@practice-hub/shared";
import type { Actor } from "../auth/actor";
import { badRequest, conflict } from "../errors";
import { presentOccurrenceRow } from "../presenters/rituals";
import type { Store } from "../store";
import { ritualOccurrenceWriter } from "./ritualOccurrenceWriter";

/**
 * The name kept beside an RSVP: control characters and lone surrogates dropped (JSON would
 * escape each to six characters) and cut to `rsvpDisplayName` (never inside a surrogate pair), so
 * every entry has a known longest JSON form and a full session's answers provably fit.
 */
export function rsvpDisplayName(name: string): string {
  const cut = name.replace(/\p{Cc}|\p{Cs}/gu, "").slice(0, ritualLimits.rsvpDisplayName);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * Records the caller's RSVP to one occurrence, from the tab or a reminder card. It only touches
 * the caller's own answer, so no If-Match: a lost race is retried on fresh data. At most
 * `peoplePerOccurrence` people may answer (409 beyond), and those may always change their answer.
 * The caller must already be authorized (any member may answer).
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
      const answers = current?.rsvps ?? {};
      if (
        !(actor.userId in answers) &&
        Object.keys(answers).length >= ritualLimits.peoplePerOccurrence
      ) {
        throw conflict(
          `${ritualLimits.peoplePerOccurrence} people have already answered for this session, the most one session can record, so your answer was not saved. Ask the facilitator if you want to join.`,
        );
      }
    },
    edit: ({ row: current }) => ({
      row: {
        rsvps: {
          ...(current?.rsvps ?? {}),
          [actor.userId]: {
            response: props.response,
            displayName: rsvpDisplayName(actor.displayName),
          },
        },
      },
    }),
  });
  return presentOccurrenceRow(ritual, row, row.originalDate, actor.userId);
}
