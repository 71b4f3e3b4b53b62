import {
  exceptionProblem,
  mergeOccurrenceChange,
  occurrenceChangePatchSchema,
  occurrencesBetween,
  type OccurrenceException,
} from "./exceptions";
import { scheduleFactory } from "./testing";

function exceptionFactory(overrides: Partial<OccurrenceException> = {}): OccurrenceException {
  return {
    originalDate: "2026-01-12",
    movedTo: null,
    cancelledReason: null,
    facilitatorId: null,
    ...overrides,
  };
}

const january = [new Date("2026-01-01T00:00Z"), new Date("2026-02-01T00:00Z")] as const;

describe("occurrencesBetween", () => {
  it("moves one occurrence without touching the rest of the series", () => {
    const moved = exceptionFactory({ movedTo: { date: "2026-01-14", time: "15:00" } });
    const result = occurrencesBetween(scheduleFactory(), [moved], ...january);
    expect(result.map((o) => [o.originalDate, o.start.toISOString(), o.status])).toEqual([
      ["2026-01-05", "2026-01-05T09:00:00.000Z", "scheduled"],
      ["2026-01-12", "2026-01-14T15:00:00.000Z", "moved"],
      ["2026-01-19", "2026-01-19T09:00:00.000Z", "scheduled"],
      ["2026-01-26", "2026-01-26T09:00:00.000Z", "scheduled"],
    ]);
  });

  it("keeps a cancelled occurrence in the calendar with its reason", () => {
    const cancelled = exceptionFactory({ cancelledReason: "Team offsite" });
    const result = occurrencesBetween(scheduleFactory(), [cancelled], ...january);
    expect(result[1]).toMatchObject({ status: "cancelled", cancelledReason: "Team offsite" });
  });

  it("gives one occurrence another facilitator", () => {
    const swapped = exceptionFactory({ facilitatorId: "ana" });
    const result = occurrencesBetween(scheduleFactory(), [swapped], ...january);
    expect(result.map((o) => o.facilitatorOverrideId)).toEqual([null, "ana", null, null]);
  });

  it("shows an occurrence moved into the range and hides one moved out of it", () => {
    const intoJanuary = exceptionFactory({
      originalDate: "2026-02-02",
      movedTo: { date: "2026-01-30", time: "09:00" },
    });
    const outOfJanuary = exceptionFactory({
      originalDate: "2026-01-26",
      movedTo: { date: "2026-02-03", time: "09:00" },
    });
    const result = occurrencesBetween(scheduleFactory(), [intoJanuary, outOfJanuary], ...january);
    expect(result.map((o) => o.originalDate)).toEqual([
      "2026-01-05",
      "2026-01-12",
      "2026-01-19",
      "2026-02-02",
    ]);
  });

  it("places a moved time in the ritual's zone on the new date's offset", () => {
    const moved = exceptionFactory({
      originalDate: "2026-03-23",
      movedTo: { date: "2026-03-30", time: "10:00" },
    });
    const result = occurrencesBetween(
      scheduleFactory(),
      [moved],
      new Date("2026-03-30T00:00Z"),
      new Date("2026-03-31T00:00Z"),
    );
    expect(result.map((o) => [o.originalDate, o.start.toISOString()])).toEqual([
      ["2026-03-30", "2026-03-30T08:00:00.000Z"],
      ["2026-03-23", "2026-03-30T09:00:00.000Z"],
    ]);
  });
});

describe("exceptionProblem", () => {
  it("refuses an exception for a day the series does not run", () => {
    expect(
      exceptionProblem(scheduleFactory(), exceptionFactory({ originalDate: "2026-01-13" })),
    ).toBe("not_an_occurrence");
  });

  it("refuses a move of more than four weeks", () => {
    const far = exceptionFactory({ movedTo: { date: "2026-03-12", time: "09:00" } });
    expect(exceptionProblem(scheduleFactory(), far)).toBe("moved_too_far");
  });

  it("accepts a move within four weeks", () => {
    const near = exceptionFactory({ movedTo: { date: "2026-02-05", time: "09:00" } });
    expect(exceptionProblem(scheduleFactory(), near)).toBeNull();
  });
});

describe("mergeOccurrenceChange", () => {
  const assigned = { movedTo: null, cancelledReason: null, facilitatorId: "ana" };

  it("keeps the assigned facilitator when a request only moves the session", () => {
    const patch = occurrenceChangePatchSchema.parse({
      movedTo: { date: "2026-01-14", time: "15:00" },
    });
    expect(mergeOccurrenceChange(assigned, patch)).toEqual({
      movedTo: { date: "2026-01-14", time: "15:00" },
      cancelledReason: null,
      facilitatorId: "ana",
    });
  });

  it("keeps a move when a request only cancels, and clears a field sent as null", () => {
    const moved = { ...assigned, movedTo: { date: "2026-01-14", time: "15:00" } };
    const cancelled = mergeOccurrenceChange(
      moved,
      occurrenceChangePatchSchema.parse({ cancelledReason: "Offsite" }),
    );
    expect(cancelled.movedTo).toEqual({ date: "2026-01-14", time: "15:00" });
    expect(
      mergeOccurrenceChange(cancelled, occurrenceChangePatchSchema.parse({ facilitatorId: null })),
    ).toEqual({ ...cancelled, facilitatorId: null });
  });
});
