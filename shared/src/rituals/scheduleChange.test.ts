import { unchangedOccurrence } from "./exceptions";
import {
  datesHiddenBySchedule,
  datesReadForScheduleChange,
  type KeptOccurrence,
} from "./scheduleChange";
import { scheduleFactory } from "./testing";

function keptFactory(overrides: Partial<KeptOccurrence> = {}): KeptOccurrence {
  return { originalDate: "2026-01-12", change: unchangedOccurrence, attended: false, ...overrides };
}

// Mondays from 5 January 2026; the clock reads Wednesday 14 January.
const before = scheduleFactory();
const now = new Date("2026-01-14T12:00:00Z");
const tuesdays = scheduleFactory({
  startDate: "2026-01-06",
  recurrence: { kind: "weekly", interval: 1, weekday: "TU" },
});

describe("datesHiddenBySchedule", () => {
  it("names past sessions the new schedule no longer produces, oldest first", () => {
    const occurrences = [
      keptFactory({ originalDate: "2026-01-12" }),
      keptFactory({ originalDate: "2026-01-05", attended: true }),
    ];
    expect(datesHiddenBySchedule({ before, after: tuesdays, occurrences, now })).toEqual([
      "2026-01-05",
      "2026-01-12",
    ]);
  });

  it("lets a future session that only had answers or a cancellation go with the old schedule", () => {
    const occurrences = [
      keptFactory({ originalDate: "2026-01-19" }),
      keptFactory({
        originalDate: "2026-01-26",
        change: { ...unchangedOccurrence, cancelledReason: "Offsite" },
      }),
    ];
    expect(datesHiddenBySchedule({ before, after: tuesdays, occurrences, now })).toEqual([]);
  });

  it("names a future session that was moved or given to a named facilitator", () => {
    const occurrences = [
      keptFactory({
        originalDate: "2026-01-19",
        change: { ...unchangedOccurrence, movedTo: { date: "2026-01-20", time: "10:00" } },
      }),
      keptFactory({
        originalDate: "2026-01-26",
        change: { ...unchangedOccurrence, facilitatorId: "ana" },
      }),
    ];
    expect(datesHiddenBySchedule({ before, after: tuesdays, occurrences, now })).toEqual([
      "2026-01-19",
      "2026-01-26",
    ]);
  });

  it("hides nothing when the new schedule keeps the dates (a new time or an end after them)", () => {
    const occurrences = [
      keptFactory({ originalDate: "2026-01-05", attended: true }),
      keptFactory({ originalDate: "2026-01-12" }),
    ];
    const later = scheduleFactory({ startTime: "11:00", until: "2026-01-12" });
    expect(datesHiddenBySchedule({ before, after: later, occurrences, now })).toEqual([]);
  });

  it("counts a session that started before the clock as past, in the ritual's zone", () => {
    // 09:00 in New York is 14:00 UTC: at 13:00 UTC on Monday 12 January it has not started.
    const newYork = scheduleFactory({ timeZone: "America/New_York" });
    const occurrences = [keptFactory({ originalDate: "2026-01-12" })];
    const after = { ...newYork, recurrence: tuesdays.recurrence, startDate: "2026-01-06" };
    const at = (iso: string) =>
      datesHiddenBySchedule({ before: newYork, after, occurrences, now: new Date(iso) });
    expect(at("2026-01-12T13:00:00Z")).toEqual([]);
    expect(at("2026-01-12T14:00:00Z")).toEqual(["2026-01-12"]);
  });
});

describe("datesReadForScheduleChange", () => {
  it("reads from the series' start to the day after its end", () => {
    const ended = scheduleFactory({ startDate: "2026-01-05", until: "2026-03-30" });
    expect(datesReadForScheduleChange(ended)).toEqual({
      fromDate: "2026-01-05",
      toDate: "2026-03-31",
    });
  });

  it("reads on without an end for a series without one, where a far session may be changed", () => {
    expect(datesReadForScheduleChange(scheduleFactory({ startDate: "2026-02-02" }))).toEqual({
      fromDate: "2026-02-02",
      toDate: null,
    });
  });
});
