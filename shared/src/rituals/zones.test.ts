import { instantOf, timeZoneSchema, wallClockOf, zoneOffsetMinutes } from "./zones";

describe("zones", () => {
  it("places a London morning in GMT in winter and BST in summer", () => {
    expect(instantOf("2026-01-12", "09:00", "Europe/London").toISOString()).toBe(
      "2026-01-12T09:00:00.000Z",
    );
    expect(instantOf("2026-07-13", "09:00", "Europe/London").toISOString()).toBe(
      "2026-07-13T08:00:00.000Z",
    );
  });

  it("reads a time skipped when London's clocks go forward with the offset from before", () => {
    expect(instantOf("2026-03-29", "01:30", "Europe/London").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });

  it("reads a time that happens twice when New York's clocks go back as the first of the two", () => {
    expect(instantOf("2026-11-01", "01:30", "America/New_York").toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });

  it("reads the wall clock of an instant back in the zone", () => {
    expect(wallClockOf(new Date("2026-03-10T14:00:00Z"), "America/New_York")).toEqual({
      date: "2026-03-10",
      time: "10:00",
      isoWeekday: 2,
    });
  });

  it("knows New York is five hours behind UTC in winter and four in summer", () => {
    expect(zoneOffsetMinutes(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe(-300);
    expect(zoneOffsetMinutes(new Date("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-240);
  });

  it("refuses a zone that is not an IANA name", () => {
    expect(timeZoneSchema.safeParse("Mars/Olympus").success).toBe(false);
    expect(timeZoneSchema.safeParse("Europe/London").success).toBe(true);
  });
});
