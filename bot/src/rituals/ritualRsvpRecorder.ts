import { randomInt } from "node:crypto";
import { occursOn, ritualLimits, type Occurrence, type RsvpResponse } from "@practice-hub/shared";
import type { Actor } from "../auth/actor";
import { badRequest, conflict } from "../errors";
import { presentOccurrenceRow } from "./presenter";
import {
  etagWrite,
  untouchedOccurrenceRow,
  type OccurrenceEntity,
  type StoredRsvp,
  type Store,
} from "../store";
import { occurrenceNotFound, ritualNotFound } from "./ritualErrors";

/**
 * Reads of the occurrence before giving up. A lost race means someone took the seat this answer
 * tried, or the person's own other press landed first; each read sees the seats taken meanwhile.
 */
const maxAttempts = 8;

/**
 * The name kept beside an RSVP: control characters and lone surrogates dropped (JSON would
 * escape each to six characters) and cut to `rsvpDisplayName` (never inside a surrogate pair), so
 * every entry has a known longest form.
 */
export function rsvpDisplayName(name: string): string {
  const cut = name.replace(/\p{Cc}|\p{Cs}/gu, "").slice(0, ritualLimits.rsvpDisplayName);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * A seat none of `answers` holds, chosen at random so people answering at the same moment
 * rarely try the same one; null when all `peoplePerOccurrence` are taken.
 */
export function freeSeat(answers: readonly Pick<StoredRsvp, "seat">[]): number | null {
  const taken = new Set(answers.map((answer) => answer.seat));
  const free: number[] = [];
  for (let seat = 0; seat < ritualLimits.peoplePerOccurrence; seat += 1) {
    if (!taken.has(seat)) free.push(seat);
  }
  return free.length === 0 ? null : (free[randomInt(free.length)] ?? null);
}

/**
 * Records the caller's RSVP to one occurrence, from the tab or a reminder card. Each answer is
 * the person's own row, so a crowd answering at once never makes anyone retry against the
 * others, and nobody's answer needs an If-Match. A first answer takes one of the occurrence's
 * `peoplePerOccurrence` seats in the same transaction (409 once every seat is taken); a changed
 * answer replaces only the person's row and keeps their seat. Pressing the same answer again
 * writes nothing. The caller must already be authorized (any member may answer).
 */
export async function ritualRsvpRecorder(props: {
  store: Store;
  actor: Actor;
  communityId: string;
  ritualId: string;
  originalDate: string;
  response: RsvpResponse;
}): Promise<Occurrence> {
  const { store, actor, communityId, ritualId, originalDate } = props;
  const { tenantId, userId } = actor;
  const where = { tenantId, communityId, ritualId, originalDate };
  const answer = { response: props.response, displayName: rsvpDisplayName(actor.displayName) };
  const present = (ritual: Parameters<typeof presentOccurrenceRow>[0], row: OccurrenceEntity) =>
    presentOccurrenceRow(ritual, row, originalDate, { userId, schedules: false });

  return etagWrite({
    read: () => store.rituals.readRitualAndOccurrence(where),
    write: async ({ ritual, occurrence }) => {
      if (!ritual) throw ritualNotFound();
      if (!occursOn(ritual.fields.schedule, originalDate)) throw occurrenceNotFound();
      if (occurrence?.change.cancelledReason) {
        throw badRequest("This session is cancelled, so there is nothing to answer.");
      }
      const row = occurrence ?? untouchedOccurrenceRow(ritualId, originalDate);
      const mine = row.rsvps[userId];
      if (mine?.response === answer.response && mine.displayName === answer.displayName) {
        return present(ritual, row);
      }
      const seat = mine ? mine.seat : freeSeat(Object.values(row.rsvps));
      if (seat === null) {
        throw conflict(
          `${ritualLimits.peoplePerOccurrence} people have already answered for this session, the most one session can record, so your answer was not saved. Ask the facilitator if you want to join.`,
        );
      }
      const expectedEtag = mine?.etag ?? null;
      const saved = await store.rituals.saveRsvp({ ...where, userId, answer, seat, expectedEtag });
      return present(ritual, { ...row, rsvps: { ...row.rsvps, [userId]: saved } });
    },
    attempts: maxAttempts,
    lost: () => {
      throw conflict(
        "Many people answered this session at the same moment and yours was not saved. Press your answer again.",
      );
    },
  });
}
