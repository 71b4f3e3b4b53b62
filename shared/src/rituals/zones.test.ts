import fc from "fast-check";
import { instantOf, timeZoneSchema, wallClockOf, zoneOffsetMinutes } from "./zones";

const referenceFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant as Intl reads it, one call at a time: the reference. */
function intlFields(ms: number, zone: string): Record<string, number> {
  let format = referenceFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    referenceFormats.set(zone, format);
  }
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) fields[part.type] = Number(part.value);
  return fields;
}

/** Wall-clock fields as milliseconds of a "floating" UTC date. */
function intlFloating(ms: number, zone: string): number {
  const f = intlFields(ms, zone);
  const get = (type: string) => f[type] ?? 0;
  return Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
}

/** The wall clock of an instant as Intl reads it: "2026-03-29 02:30". */
function intlWallClock(instant: Date, zone: string): string {
  return new Date(intlFloating(instant.getTime(), zone))
    .toISOString()
    .slice(0, 16)
    .replace("T", " ");
}

/**
 * The instant a wall time names, as zones.ts found it before the offset tables: Intl asked for
 * every reading (formatToParts), with the same rules for skipped and repeated times.
 */
function intlInstantOf(date: string, time: string, zone: string): number {
  const offsetOf = (ms: number) => Math.round((intlFloating(ms, zone) - ms) / 60_000);
  const floating = Date.parse(`${date}T${time}:00Z`);
  const before = offsetOf(floating - 36 * 3_600_000);
  const after = offsetOf(floating + 36 * 3_600_000);
  if (before === after) return floating - before * 60_000;
  const candidates = [before, after]
    .map((offset) => floating - offset * 60_000)
    .filter((ms) => intlFloating(ms, zone) === floating)
    .sort((x, y) => x - y);
  return candidates[0] ?? floating - before * 60_000;
}

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

  it("reads every instant of the date window as Intl does, in zones with odd rules", () => {
    const zones = [
      "Europe/London",
      "America/New_York",
      "Australia/Lord_Howe",
      "Africa/Casablanca",
      "America/Santiago",
      "Asia/Kathmandu",
      "Pacific/Chatham",
      "America/Havana",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse("2020-01-01"), max: Date.parse("2032-12-31") }),
        (zone, ms) => {
          const instant = new Date(ms);
          const clock = wallClockOf(instant, zone);
          expect(`${clock.date} ${clock.time}`).toBe(intlWallClock(instant, zone));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("places every day of a year at the times around a change as Intl alone did", () => {
    // Northern and southern changes, a 30-minute one (Lord Howe), a change at midnight (Havana,
    // Santiago), a zone without changes (Kathmandu), and a year that spans a new year's day, so
    // the tables of two years meet.
    const zones = [
      "Europe/London",
      "America/New_York",
      "Australia/Sydney",
      "Australia/Lord_Howe",
      "America/Santiago",
      "America/Havana",
      "Asia/Kathmandu",
    ];
    const times = ["00:00", "00:30", "01:30", "02:00", "02:30", "03:00", "09:15", "23:30"];
    const mismatches: string[] = [];
    for (const zone of zones) {
      for (let day = 0; day < 366; day += 1) {
        const date = new Date(Date.UTC(2026, 6, 1 + day)).toISOString().slice(0, 10);
        for (const time of times) {
          const ours = instantOf(date, time, zone).getTime();
          const intl = intlInstantOf(date, time, zone);
          if (ours !== intl) mismatches.push(`${zone} ${date} ${time}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("places the second after a change of offset on the new offset", () => {
    // London went to BST at 01:00 UTC on 29 March 2026.
    expect(zoneOffsetMinutes(new Date("2026-03-29T00:59:59Z"), "Europe/London")).toBe(0);
    expect(zoneOffsetMinutes(new Date("2026-03-29T01:00:00Z"), "Europe/London")).toBe(60);
  });
});
