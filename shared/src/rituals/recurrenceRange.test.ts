import fc from "fast-check";
import { RRule } from "rrule";
import {
  expandSchedule,
  firstOccurrenceDate,
  occursOn,
  seriesDates,
  seriesOf,
  toRRuleOptions,
  weekdayCodes,
  type Recurrence,
  type Schedule,
} from "./recurrence";
import { scheduleFactory } from "./testing";
import { addDays } from "./zones";

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

  it("knows a session day from any other day as the published RRULE does", () => {
    fc.assert(
      fc.property(
        recurrenceArbitrary,
        fc.option(fc.integer({ min: 0, max: 800 })),
        fc.integer({ min: -30, max: 900 }),
        (recurrence, untilAfter, dayAfter) => {
          const schedule = scheduleFactory({
            startDate: dayOf(0),
            recurrence,
            until: untilAfter === null ? null : dayOf(untilAfter),
          });
          const date = dayOf(dayAfter);
          expect(occursOn(schedule, date)).toBe(publishedDates(schedule, date, date).length > 0);
        },
      ),
      { numRuns: 500 },
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

describe("Series.summary", () => {
  it("counts the dates seriesDates lists and keeps the last of them", () => {
    fc.assert(
      fc.property(
        recurrenceArbitrary,
        fc.option(fc.integer({ min: 0, max: 2000 })),
        fc.integer({ min: -100, max: 2000 }),
        fc.integer({ min: 0, max: 1900 }),
        fc.integer({ min: 0, max: 6 }),
        (recurrence, untilAfter, fromAfter, length, tail) => {
          const schedule = scheduleFactory({
            startDate: dayOf(0),
            recurrence,
            until: untilAfter === null ? null : dayOf(untilAfter),
          });
          const [fromDate, toDate] = [dayOf(fromAfter), dayOf(fromAfter + length)];
          const dates = seriesDates(schedule, fromDate, toDate);
          expect(seriesOf(schedule).summary(fromDate, toDate, tail)).toEqual({
            count: dates.length,
            last: dates.slice(Math.max(0, dates.length - tail)),
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
