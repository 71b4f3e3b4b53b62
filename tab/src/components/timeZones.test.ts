import { timeZoneChoices, zoneMatches } from "./timeZones";

describe("timeZoneChoices", () => {
  it("offers the suggested zones first, once each, then the rest alphabetically", () => {
    const choices = timeZoneChoices(
      ["Europe/London", "America/New_York", "Europe/London", ""],
      ["Asia/Tokyo", "America/New_York", "Africa/Lagos", "Europe/London"],
    );
    expect(choices).toEqual({
      suggested: ["Europe/London", "America/New_York"],
      others: ["Africa/Lagos", "Asia/Tokyo"],
    });
  });

  it("lists the zones the runtime knows when none are given", () => {
    const { others } = timeZoneChoices([]);
    expect(others).toContain("Europe/London");
    expect(others).toContain("America/New_York");
  });
});

describe("zoneMatches", () => {
  it("finds a zone by a city typed with spaces and any case", () => {
    expect(zoneMatches("America/New_York", "new york")).toBe(true);
    expect(zoneMatches("Europe/London", "LOND")).toBe(true);
    expect(zoneMatches("Europe/London", "europe/lon")).toBe(true);
  });

  it("leaves out zones the text does not name, and keeps every zone for empty text", () => {
    expect(zoneMatches("Asia/Tokyo", "london")).toBe(false);
    expect(zoneMatches("Asia/Tokyo", "  ")).toBe(true);
  });
});
