import type { Occurrence } from "@practice-hub/shared";
import {
  applyFilters,
  byViewerDate,
  facilitatorSentence,
  monthGrid,
  protectedTimeSentence,
  reminderLabel,
  reminderOptions,
  scheduleSummary,
  sessionTimeLine,
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

describe("sessionTimeLine", () => {
  // ICU puts a narrow no-break space before AM/PM; compare with plain spaces.
  const line = (viewerZone: string, ritualZone: string, start = "2026-12-03T12:00:00.000Z") =>
    sessionTimeLine({ start, viewerZone, ritualZone, locale: "en-US" }).replace(/\u202f/g, " ");

  it("shows one time when the viewer is in the ritual's zone", () => {
    expect(line("Europe/London", "Europe/London")).toBe("Dec 3, 2026, 12:00 PM");
  });

  it("shows the viewer's time first and the ritual's time in brackets otherwise", () => {
    expect(line("Europe/London", "Europe/Paris")).toBe(
      "Dec 3, 2026, 12:00 PM your time (1:00 PM in Europe/Paris)",
    );
  });

  it("names the ritual's date too when it is another day there", () => {
    expect(line("Europe/London", "Asia/Tokyo", "2026-12-03T18:00:00.000Z")).toBe(
      "Dec 3, 2026, 6:00 PM your time (Dec 4, 2026, 3:00 AM in Asia/Tokyo)",
    );
  });

  it("follows summer time in each zone on its own dates", () => {
    // 9 March 2026: New York is already on summer time (UTC-4), London not yet (UTC+0).
    expect(line("America/New_York", "Europe/London", "2026-03-09T13:00:00.000Z")).toBe(
      "Mar 9, 2026, 9:00 AM your time (1:00 PM in Europe/London)",
    );
  });
});

describe("reminders", () => {
  it("words lead times in weeks, days, or hours and minutes", () => {
    expect([10080, 2880, 90, 15].map(reminderLabel)).toEqual([
      "1 week before",
      "2 days before",
      "1 h 30 min before",
      "15 min before",
    ]);
  });

  it("offers the usual lead times plus a ritual's own, longest first", () => {
    expect(reminderOptions([1440, 30])).toEqual([10080, 1440, 60, 30, 15]);
  });
});

describe("scheduleSummary", () => {
  it("says when a ritual repeats, at what local time, and until when", () => {
    expect(
      scheduleSummary({
        startDate: "2026-03-04",
        startTime: "12:00",
        durationMinutes: 45,
        timeZone: "Europe/London",
        recurrence: { kind: "weekly", interval: 2, weekday: "WE" },
        until: "2026-06-30",
      }),
    ).toBe("Every 2 weeks on Wednesday at 12:00 Europe/London, until 2026-06-30");
    expect(
      scheduleSummary({
        startDate: "2026-03-04",
        startTime: "09:30",
        durationMinutes: 60,
        timeZone: "America/New_York",
        recurrence: { kind: "monthlyWeekday", nth: -1, weekday: "TH" },
        until: null,
      }),
    ).toBe("Monthly on the last Thursday at 09:30 America/New_York");
  });
});
