import { expandSchedule } from "./recurrence";
import { isStartingBig, nextWeekday, ritualCatalogue, starterRhythm } from "./catalogue";
import { protectedTimeUse } from "./protectedTime";

describe("ritual catalogue", () => {
  it("offers every ritual of the domain with a purpose, a length and an agenda", () => {
    expect(ritualCatalogue).toHaveLength(9);
    for (const template of ritualCatalogue) {
      expect(template.purpose.length).toBeGreaterThan(0);
      expect(template.durationMinutes).toBeGreaterThan(0);
      expect(template.agenda.length).toBeGreaterThan(0);
    }
  });
});

describe("starterRhythm", () => {
  it("repeats office hours, show and tell, office hours, learning session every four weeks", () => {
    const rituals = starterRhythm({
      from: "2026-01-01",
      weekday: "WE",
      time: "12:00",
      timeZone: "Europe/London",
    });
    const eightWeeks = rituals
      .flatMap((r) =>
        expandSchedule(
          r.schedule,
          new Date("2026-01-01T00:00Z"),
          new Date("2026-02-26T00:00Z"),
        ).map((o) => [o.originalDate, r.templateId] as const),
      )
      .sort(([a], [b]) => (a < b ? -1 : 1));
    expect(eightWeeks).toEqual([
      ["2026-01-07", "officeHours"],
      ["2026-01-14", "showAndTell"],
      ["2026-01-21", "officeHours"],
      ["2026-01-28", "learningSession"],
      ["2026-02-04", "officeHours"],
      ["2026-02-11", "showAndTell"],
      ["2026-02-18", "officeHours"],
      ["2026-02-25", "learningSession"],
    ]);
  });
});

describe("nextWeekday", () => {
  it("keeps a date that already falls on the weekday", () => {
    expect(nextWeekday("2026-01-07", "WE")).toBe("2026-01-07");
    expect(nextWeekday("2026-01-08", "WE")).toBe("2026-01-14");
  });
});

describe("isStartingBig", () => {
  it("warns a community younger than six months that runs four rituals", () => {
    expect(
      isStartingBig({ communityCreatedOn: "2026-01-01", today: "2026-03-01", activeRituals: 4 }),
    ).toBe(true);
  });

  it("does not warn about three rituals, or about an older community", () => {
    expect(
      isStartingBig({ communityCreatedOn: "2026-01-01", today: "2026-03-01", activeRituals: 3 }),
    ).toBe(false);
    expect(
      isStartingBig({ communityCreatedOn: "2025-01-01", today: "2026-03-01", activeRituals: 6 }),
    ).toBe(false);
  });
});

describe("protectedTimeUse", () => {
  it("compares the month's session minutes with the 2-4 hour budget", () => {
    expect(protectedTimeUse([60, 30]).state).toBe("under");
    expect(protectedTimeUse([60, 60, 45]).state).toBe("within");
    expect(protectedTimeUse([120, 90, 60]).state).toBe("over");
  });
});
