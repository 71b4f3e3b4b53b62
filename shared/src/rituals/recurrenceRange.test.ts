import fc from "fast-check";
import { RRule } from "rrule";
import { occurrencesBetween, sessionsGoingAheadBetween } from "./exceptions";
import {
  expandSchedule,
  firstOccurrenceDate,
  occursOn,
  seriesDates,
  toRRuleOptions,
  weekdayCodes,
  type Recurrence,
  type Schedule,
} from "./recurrence";
import { scheduleFactory } from "./testing";
import { addDays, instantOf, wallClockOf } from "./zones";

/** The dates of the RRULE the calendar feed publishes, from DTSTART, as calendar apps read it. */
function publishedDates(schedule: Schedule, fromDate: string, toDate: string): string[] {
  const options = toRRuleOptions(schedule.recurrence);
  if (!options) {
    return fromDate <= schedule.startDate && schedule.startDate <= toDate
      ? [schedule.startDate]
      : [];
  }
  const floating = (date: string, time: string) => new Date(`${date}T${time}:00Z`);
  const rule = new RRule({
    ...options,
    dtstart: floating(schedule.startDate, schedule.startTime),
    ...(schedule.until ? { until: floating(schedule.until, "23:59") } : {}),
  });
  return rule
    .between(floating(fromDate, "00:00"), floating(toDate, "23:59"), true)
    .map((d) => d.toISOString().slice(0, 10));
}

/**
 * Date computations made while `work` runs: an expansion that stepped through a series from its
 * start would compute a date for every session on the way (rrule does, through Date.UTC).
 */
function dateComputationsOf(work: () => unknown): number {
  const utc = jest.spyOn(Date, "UTC");
  const iso = jest.spyOn(Date.prototype, "toISOString");
  const parse = jest.spyOn(Date, "parse");
  try {
    work();
    return utc.mock.calls.length + iso.mock.calls.length + parse.mock.calls.length;
  } finally {
    utc.mockRestore();
    iso.mockRestore();
    parse.mockRestore();
  }
}

const recurrenceArbitrary: fc.Arbitrary<Recurrence> = fc.oneof(
  fc.constant({ kind: "once" as const }),
  fc.record({
    kind: fc.constant("weekly" as const),
    interval: fc.integer({ min: 1, max: 13 }),
    weekday: fc.constantFrom(...weekdayCodes),
  }),
  fc.record({
    kind: fc.constant("monthlyWeekday" as const),
    nth: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const, -1 as const),
    weekday: fc.constantFrom(...weekdayCodes),
  }),
  fc.record({
    kind: fc.constant("monthlyDate" as const),
    day: fc.constantFrom(-1, ...Array.from({ length: 28 }, (_, i) => i + 1)),
  }),
);

const dayOf = (offset: number) => addDays("2024-01-01", offset);

describe("seriesDates", () => {
  it("gives the dates of the published RRULE for any schedule and range", () => {
    fc.assert(
      fc.property(
        recurrenceArbitrary,
        fc.integer({ min: 0, max: 1500 }),
        fc.option(fc.integer({ min: 0, max: 1500 })),
        fc.integer({ min: -60, max: 1500 }),
        fc.integer({ min: 0, max: 120 }),
        (recurrence, start, untilAfter, fromAfter, length) => {
          const schedule = scheduleFactory({
            startDate: dayOf(start),
            recurrence,
            until: untilAfter === null ? null : dayOf(start + untilAfter),
          });
          const [fromDate, toDate] = [dayOf(start + fromAfter), dayOf(start + fromAfter + length)];
          expect(seriesDates(schedule, fromDate, toDate)).toEqual(
            publishedDates(schedule, fromDate, toDate),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("starts the series on the first matching day, a whole interval later when its week began before the start", () => {
    const friday = "2026-01-09";
    const weekly = (interval: number) =>
      scheduleFactory({
        startDate: friday,
        recurrence: { kind: "weekly", interval, weekday: "TH" },
      });
    expect(firstOccurrenceDate(weekly(1))).toBe("2026-01-15");
    expect(firstOccurrenceDate(weekly(2))).toBe("2026-01-22");
    expect(publishedDates(weekly(2), friday, "2026-01-31")).toEqual(["2026-01-22"]);
  });

  it("has no first session when the series ends before its first matching day", () => {
    const schedule = scheduleFactory({
      startDate: "2026-01-06",
      until: "2026-01-10",
      recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
    });
    expect(firstOccurrenceDate(schedule)).toBeNull();
    expect(occursOn(schedule, "2026-01-12")).toBe(false);
  });
});

describe("expansion cost", () => {
  const widestRange = [new Date("2031-01-01T00:00:00Z"), new Date("2031-04-11T00:00:00Z")] as const;

  it("expands a weekly series begun five years ago with as much work as one begun last week", () => {
    // Both start on a Monday, so the two series have the same sessions in 2031.
    const old = scheduleFactory({ startDate: "2026-01-05" });
    const recent = scheduleFactory({ startDate: "2030-12-23" });
    expect(expandSchedule(old, ...widestRange)).toEqual(expandSchedule(recent, ...widestRange));
    expect(dateComputationsOf(() => expandSchedule(old, ...widestRange))).toBe(
      dateComputationsOf(() => expandSchedule(recent, ...widestRange)),
    );
  });

  it("expands a monthly series stored with a start in year 0100 with as much work as a new one", () => {
    const monthly: Recurrence = { kind: "monthlyDate", day: 15 };
    const ancient = scheduleFactory({ startDate: "0100-03-01", recurrence: monthly });
    const recent = scheduleFactory({ startDate: "2030-12-01", recurrence: monthly });
    expect(expandSchedule(ancient, ...widestRange).map((o) => o.originalDate)).toEqual([
      "2031-01-15",
      "2031-02-15",
      "2031-03-15",
    ]);
    expect(dateComputationsOf(() => expandSchedule(ancient, ...widestRange))).toBe(
      dateComputationsOf(() => expandSchedule(recent, ...widestRange)),
    );
  });

  it("answers whether a session exists in 9999 without stepping through the years before it", () => {
    const schedule = scheduleFactory({ startDate: "2026-01-05" });
    const soon = dateComputationsOf(() => occursOn(schedule, "2026-03-09"));
    expect(occursOn(schedule, "9999-12-27")).toBe(true);
    expect(dateComputationsOf(() => occursOn(schedule, "9999-12-27"))).toBe(soon);
  });
});

describe("sessionsGoingAheadBetween", () => {
  it("lists the sessions occurrencesBetween places in time, on their clock dates, for any exceptions", () => {
    fc.assert(
      fc.property(
        recurrenceArbitrary,
        fc.constantFrom("Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata"),
        fc.integer({ min: 0, max: 400 }),
        fc
          .integer({ min: 0, max: 47 })
          .map(
            (half) => `${String(Math.floor(half / 2)).padStart(2, "0")}:${half % 2 ? "30" : "00"}`,
          ),
        fc.array(
          fc.record({
            index: fc.nat({ max: 40 }),
            moveDays: fc.option(fc.integer({ min: -28, max: 28 })),
            cancelled: fc.boolean(),
            facilitatorId: fc.option(fc.constantFrom("ana", "ben")),
          }),
          { maxLength: 6 },
        ),
        (recurrence, timeZone, fromAfter, startTime, changes) => {
          const schedule = scheduleFactory({
            startDate: "2025-06-02",
            startTime,
            recurrence,
            timeZone,
          });
          const from = new Date(`${dayOf(500 + fromAfter)}T06:17:00Z`);
          const to = new Date(from.getTime() + 100 * 86_400_000);
          const candidates = seriesDates(schedule, dayOf(460), dayOf(1100));
          const exceptions = changes.flatMap((change) => {
            const originalDate = candidates[change.index % Math.max(1, candidates.length)];
            if (originalDate === undefined) return [];
            return [
              {
                originalDate,
                movedTo:
                  change.moveDays === null
                    ? null
                    : { date: addDays(originalDate, change.moveDays), time: "23:30" },
                cancelledReason: change.cancelled ? "Offsite" : null,
                facilitatorId: change.facilitatorId,
              },
            ];
          });
          const unique = [...new Map(exceptions.map((e) => [e.originalDate, e])).values()];
          const placed = occurrencesBetween(schedule, unique, from, to)
            .filter((o) => o.status !== "cancelled")
            .map((o) => ({
              originalDate: o.originalDate,
              date: wallClockOf(o.start, schedule.timeZone).date,
              facilitatorOverrideId: o.facilitatorOverrideId,
            }));
          const onClock = sessionsGoingAheadBetween(schedule, unique, from, to).map((s) => ({
            originalDate: s.originalDate,
            date: s.date,
            facilitatorOverrideId: s.facilitatorOverrideId,
          }));
          expect(onClock).toEqual(placed);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("tells which side of a range's end a session falls when the clocks go back that night", () => {
    // 01:30 happens twice in New York on 1 November 2026; the session is the first of the two.
    const schedule = scheduleFactory({
      startDate: "2026-11-01",
      startTime: "01:30",
      timeZone: "America/New_York",
      recurrence: { kind: "once" },
    });
    const session = instantOf("2026-11-01", "01:30", "America/New_York");
    const justAfter = new Date(session.getTime() + 60_000);
    const from = new Date("2026-10-01T00:00:00Z");
    expect(sessionsGoingAheadBetween(schedule, [], from, justAfter)).toHaveLength(1);
    expect(sessionsGoingAheadBetween(schedule, [], from, session)).toHaveLength(0);
  });
});
