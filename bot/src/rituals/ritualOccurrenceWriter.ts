import { occursOn, unchangedOccurrence, type LocalDate } from "@practice-hub/shared";
import { staleVersion } from "../errors";
import { presentOccurrenceRow, untouchedOccurrenceEtag } from "./presenter";
import { etagWrite, type OccurrenceEntity, type RitualEntity, type Store } from "../store";
import { occurrenceNotFound, ritualNotFound } from "./ritualErrors";

/** What an occurrence row stores; answers have rows of their own and are never written here. */
type OccurrenceFields = Omit<OccurrenceEntity, "etag" | "ritualId" | "originalDate" | "rsvps">;

/** A row nobody has changed yet. */
const untouchedRow: OccurrenceFields = {
  change: unchangedOccurrence,
  facilitatorName: null,
  attendance: null,
  swapRequest: null,
  sequence: 0,
};

function fieldsOf(row: OccurrenceEntity): OccurrenceFields {
  const {
    etag: _etag,
    ritualId: _ritualId,
    originalDate: _originalDate,
    rsvps: _rsvps,
    ...fields
  } = row;
  return fields;
}

/**
 * What a change to an occurrence row computes from the current state: only the fields it
 * changes, so one kind of write (a move, attendance) never drops what another stored.
 */
export type OccurrenceEdit = (current: { ritual: RitualEntity; row: OccurrenceEntity | null }) => {
  row: Partial<OccurrenceFields>;
  /** The series, when the change updates it too (attendance moves the rotation on). */
  ritual?: Omit<RitualEntity, "etag">;
};

/** A series and one of its occurrence rows, as read together. */
type CurrentState = { ritual: RitualEntity | null; occurrence: OccurrenceEntity | null };

/**
 * The one write path of an occurrence row: reads the series and the row in one query, checks
 * the date is an occurrence, applies `edit`, and writes conditionally. With `ifMatch` a stale
 * ETag is a 412 carrying the occurrence as it is now (read again after a lost write, so it shows
 * the version that won); without it (a card action, which holds no ETag) a lost race is retried
 * on fresh data. Answers are not written here (ritualRsvpRecorder writes each person's own row). When the row is unchanged and only the series moved on (a
 * volunteer signed up while attendance was recorded), the caller's version is still current, so
 * the write is retried once on fresh data instead of a 412 about a session nobody changed.
 */
export async function ritualOccurrenceWriter(props: {
  store: Store;
  tenantId: string;
  communityId: string;
  ritualId: string;
  originalDate: LocalDate;
  ifMatch: string | null;
  edit: OccurrenceEdit;
  /** Checks the current state before the edit (the policy needs the facilitator). */
  check?: (current: { ritual: RitualEntity; row: OccurrenceEntity | null }) => void;
}): Promise<{ ritual: RitualEntity; row: OccurrenceEntity }> {
  const { store, tenantId, communityId, ritualId, originalDate } = props;
  const read = (): Promise<CurrentState> =>
    store.rituals.readRitualAndOccurrence({ tenantId, communityId, ritualId, originalDate });
  const stale = (state: CurrentState) => {
    if (!state.ritual) return ritualNotFound();
    return staleVersion(
      "Someone changed this session after you opened it. Look at it again, then retry.",
      { current: presentOccurrenceRow(state.ritual, state.occurrence, originalDate) },
    );
  };
  return etagWrite({
    read: async () => {
      const { ritual, occurrence } = await read();
      if (!ritual) throw ritualNotFound();
      if (!occursOn(ritual.fields.schedule, originalDate)) throw occurrenceNotFound();
      props.check?.({ ritual, row: occurrence });
      return { ritual, occurrence };
    },
    ...(props.ifMatch === null
      ? {}
      : {
          ifMatch: {
            etag: props.ifMatch,
            of: (state: CurrentState) => state.occurrence?.etag ?? untouchedOccurrenceEtag,
            stale,
          },
        }),
    write: async ({ ritual, occurrence }) => {
      const edit = props.edit({ ritual, row: occurrence });
      const current = occurrence ? fieldsOf(occurrence) : untouchedRow;
      const saved = await store.rituals.saveOccurrence({
        tenantId,
        communityId,
        write: {
          ...current,
          ...edit.row,
          ritualId,
          originalDate,
          expectedEtag: occurrence?.etag ?? null,
        },
        ritual: edit.ritual ? { entity: edit.ritual, expectedEtag: ritual.etag } : undefined,
      });
      const savedRitual = edit.ritual
        ? { ...edit.ritual, etag: saved.ritualEtag ?? ritual.etag }
        : ritual;
      return { ritual: savedRitual, row: { ...saved.occurrence, rsvps: occurrence?.rsvps ?? {} } };
    },
    // With If-Match, only a row still at the caller's version may be written again: the next
    // pass compares it with `ifMatch` and answers 412 from fresh state otherwise.
    attempts: props.ifMatch === null ? 3 : 2,
    lost: async () => {
      throw stale(await read());
    },
  });
}
