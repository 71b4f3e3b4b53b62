import type { Occurrence } from "@practice-hub/shared";
import {
  applyFilters,
  byViewerDate,
  facilitatorSentence,
  monthGrid,
  protectedTimeSentence,
  shiftMonth,
  swapSentence,
} from "./calendarView";

function occurrenceFactory(overrides: Partial<Occurrence> = {}): Occurrence {
  return {
    ritualId: "r1",
    ritualName: "Office hours",
    segment: null,
    originalDate: "2026-03-16",
    start: "2026-03-16T09:00:00.000Z",
    end: "2026-03-16T09:30:00.000Z",
    timeZone: "Europe/London",
    status: "scheduled",
    cancelledReason: null,
    facilitator: null,
    rsvpCounts: { going: 0, maybe: 0, notGoing: 0 },
    myRsvp: null,
    responses: [],
    canRecord: false,
    swapRequestedBy: null,
    canAskForSwap: false,
    canTakeSwap: false,
    viewerVolunteers: false,
    attendance: null,
    etag: "e",
    ...overrides,
  };
}

describe("monthGrid", () => {
  it("covers whole Monday-first weeks around the month in the viewer's zone", () => {
    const grid = monthGrid("2026-03", "America/New_York");
    expect(grid.weeks[0]?.[0]).toBe("2026-02-23");
    expect(grid.weeks.at(-1)?.[6]).toBe("2026-04-05");
    expect(grid.from.toISOString()).toBe("2026-02-23T05:00:00.000Z");
    expect(grid.to.toISOString()).toBe("2026-04-06T04:00:00.000Z");
  });

  it("steps across year ends", () => {
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
  });
});

describe("byViewerDate", () => {
  it("puts a late-evening London session on the next day for a viewer in Tokyo", () => {
    const late = occurrenceFactory({ start: "2026-03-16T20:00:00.000Z" });
    expect([...byViewerDate([late], "Asia/Tokyo").keys()]).toEqual(["2026-03-17"]);
  });
});

describe("applyFilters", () => {
  it("keeps one ritual, or one segment, or the whole community's rituals", () => {
    const all = [
      occurrenceFactory({ ritualId: "a" }),
      occurrenceFactory({ ritualId: "b", segment: "London" }),
    ];
    expect(applyFilters(all, { ritualId: "a", segment: null }).map((o) => o.ritualId)).toEqual([
      "a",
    ]);
    expect(applyFilters(all, { ritualId: null, segment: "London" }).map((o) => o.ritualId)).toEqual(
      ["b"],
    );
    expect(applyFilters(all, { ritualId: null, segment: "" }).map((o) => o.ritualId)).toEqual([
      "a",
    ]);
  });
});

describe("facilitatorSentence", () => {
  it("explains the rotation's choice with the weeks since the person last facilitated", () => {
    const occurrence = occurrenceFactory({
      facilitator: {
        person: { id: "ana", displayName: "Ana" },
        source: "rotation",
        lastServedDate: "2026-02-02",
      },
    });
    expect(facilitatorSentence(occurrence, "2026-03-10")).toBe(
      "Ana is next: last facilitated 6 weeks ago.",
    );
  });

  it("says when it is someone's first time", () => {
    const occurrence = occurrenceFactory({
      facilitator: {
        person: { id: "ben", displayName: "Ben" },
        source: "rotation",
        lastServedDate: null,
      },
    });
    expect(facilitatorSentence(occurrence, "2026-03-10")).toBe(
      "Ben is next: has not facilitated this ritual yet.",
    );
  });
});

describe("protectedTimeSentence", () => {
  it("compares the month's hours with the budget", () => {
    expect(
      protectedTimeSentence({
        usedMinutes: 90,
        budgetMinutes: { min: 120, max: 240 },
        state: "under",
      }),
    ).toBe(
      "This month you have 1 h 30 min of sessions against 2-4 h of protected time: there is room for more sessions.",
    );
  });
});

describe("swapSentence", () => {
  it("names the facilitator looking for a swap, and says nothing when nobody asked", () => {
    const asked = occurrenceFactory({ swapRequestedBy: { id: "ana", displayName: "Ana" } });
    expect(swapSentence(asked)).toBe("Looking for a swap: Ana can't make it.");
    expect(swapSentence(occurrenceFactory())).toBeNull();
  });
});
