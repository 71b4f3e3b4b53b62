import { unchangedOccurrence, type Occurrence } from "@practice-hub/shared";
import type { AppError } from "../errors";
import {
  ConcurrencyError,
  type OccurrenceEntity,
  type OccurrenceWrite,
  type RitualEntity,
  type Store,
} from "../store";
import { ritualOccurrenceWriter } from "./ritualOccurrenceWriter";

function ritualFactory(overrides: Partial<RitualEntity> = {}): RitualEntity {
  return {
    ritualId: "r1",
    fields: {
      name: "Show and tell",
      purpose: "",
      agenda: "",
      templateId: null,
      segment: null,
      schedule: {
        startDate: "2026-03-02",
        startTime: "09:00",
        durationMinutes: 60,
        timeZone: "Europe/London",
        recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
        until: null,
      },
      reminderOffsetsMinutes: [15],
    },
    volunteers: [],
    lastServed: {},
    recentSessions: [],
    communityCreatedAt: "2026-01-01T00:00:00.000Z",
    createdAt: "2026-01-01T00:00:00.000Z",
    sequence: 0,
    etag: "ritual-1",
    ...overrides,
  };
}

function rowFactory(overrides: Partial<OccurrenceEntity> = {}): OccurrenceEntity {
  return {
    ritualId: "r1",
    originalDate: "2026-03-02",
    change: unchangedOccurrence,
    facilitatorName: null,
    rsvps: {},
    attendance: null,
    swapRequest: null,
    sequence: 0,
    etag: "row-1",
    ...overrides,
  };
}

type State = { ritual: RitualEntity | null; occurrence: OccurrenceEntity | null };
type Saved = { write: OccurrenceWrite; ritualEtag: string | null };

/**
 * A store whose reads answer `states` in turn (the last one repeats) and whose writes fail with
 * a lost race `failures` times first: exactly the interleavings a concurrent writer causes.
 */
function scriptedStore(states: State[], failures: number) {
  const saved: Saved[] = [];
  let reads = 0;
  let failuresLeft = failures;
  const rituals = {
    readRitualAndOccurrence: () => {
      const state = states[Math.min(reads, states.length - 1)];
      reads += 1;
      return Promise.resolve(state);
    },
    saveOccurrence: ({
      write,
      ritual,
    }: {
      write: OccurrenceWrite;
      ritual?: { entity: Omit<RitualEntity, "etag">; expectedEtag: string } | undefined;
    }) => {
      saved.push({ write, ritualEtag: ritual?.expectedEtag ?? null });
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        return Promise.reject(new ConcurrencyError("lost the race"));
      }
      const { expectedEtag: _expectedEtag, ...entity } = write;
      return Promise.resolve({
        occurrence: { ...entity, etag: "row-saved" },
        ritualEtag: ritual ? "ritual-saved" : null,
      });
    },
  };
  // Only the two calls the writer makes are scripted; the rest of Store is never touched.
  return { store: { rituals } as unknown as Store, saved };
}

/** An attendance-like edit: writes the row and moves the series' rotation on. */
const recordWithSeries = ({ ritual }: { ritual: RitualEntity }) => {
  const { etag: _etag, ...series } = ritual;
  return {
    row: { facilitatorName: "Ana" },
    ritual: { ...series, lastServed: { ...series.lastServed, ana: "2026-03-02" } },
  };
};

const writeProps = (store: Store) => ({
  store,
  tenantId: "t",
  communityId: "c",
  ritualId: "r1",
  originalDate: "2026-03-02",
  ifMatch: "row-1",
  edit: recordWithSeries,
});

async function errorOf(promise: Promise<unknown>): Promise<AppError & { data: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as AppError & { data: unknown };
  }
  throw new Error("expected the write to fail");
}

describe("ritualOccurrenceWriter", () => {
  it("answers 412 with the row that won the race, read again after the lost write", async () => {
    const before = { ritual: ritualFactory(), occurrence: rowFactory() };
    const winner = rowFactory({
      etag: "row-2",
      change: { ...unchangedOccurrence, cancelledReason: "Room flooded" },
    });
    const { store } = scriptedStore([before, { ritual: ritualFactory(), occurrence: winner }], 1);

    const error = await errorOf(ritualOccurrenceWriter(writeProps(store)));

    expect(error.status).toBe(412);
    const { current } = error.data as { current: Occurrence };
    expect([current.etag, current.cancelledReason]).toEqual(["row-2", "Room flooded"]);
  });

  it("retries once on fresh data when only the series changed, keeping the other change", async () => {
    const before = { ritual: ritualFactory(), occurrence: rowFactory() };
    const signedUp = ritualFactory({
      etag: "ritual-2",
      volunteers: [{ id: "bo", displayName: "Bo", awayDates: [] }],
    });
    const { store, saved } = scriptedStore(
      [before, { ritual: signedUp, occurrence: before.occurrence }],
      1,
    );

    const result = await ritualOccurrenceWriter(writeProps(store));

    expect(saved.map((s) => s.ritualEtag)).toEqual(["ritual-1", "ritual-2"]);
    expect(result.ritual.volunteers.map((v) => v.id)).toEqual(["bo"]);
    expect(result.ritual.lastServed).toEqual({ ana: "2026-03-02" });
    expect(result.row.etag).toBe("row-saved");
  });

  it("answers 412 when the write loses twice in a row", async () => {
    const before = { ritual: ritualFactory(), occurrence: rowFactory() };
    const { store, saved } = scriptedStore([before], 2);

    const error = await errorOf(ritualOccurrenceWriter(writeProps(store)));

    expect(error.status).toBe(412);
    expect(saved).toHaveLength(2);
  });

  it("answers 404 when the series was deleted while the write was in flight", async () => {
    const before = { ritual: ritualFactory(), occurrence: rowFactory() };
    const { store } = scriptedStore([before, { ritual: null, occurrence: null }], 1);

    const error = await errorOf(ritualOccurrenceWriter(writeProps(store)));

    expect(error.status).toBe(404);
  });
});
