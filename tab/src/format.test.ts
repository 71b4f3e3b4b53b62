import { characterCount, daysAgo, formatDateTime } from "./format";

describe("daysAgo", () => {
  it("words recent days naturally", () => {
    expect(daysAgo(0)).toBe("today");
    expect(daysAgo(1)).toBe("yesterday");
    expect(daysAgo(40)).toBe("40 days ago");
  });
});

describe("formatDateTime", () => {
  it("shows the instant in the user's time zone", () => {
    expect(formatDateTime("2026-07-01T12:00:00.000Z", "en-GB", "Europe/London")).toContain("13:00");
  });

  it("falls back to ISO when the host sends a zone the browser does not know", () => {
    expect(formatDateTime("2026-07-01T12:00:00.000Z", "en-GB", "Mars/Olympus")).toBe(
      "2026-07-01T12:00:00.000Z",
    );
  });
});

describe("characterCount", () => {
  it("counts with the locale's digit grouping", () => {
    expect(characterCount(1234, 20000, "en-GB")).toBe("1,234 of 20,000 characters");
  });
});
