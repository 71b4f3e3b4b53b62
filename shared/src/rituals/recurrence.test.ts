import {
  expandSchedule,
  firstOccurrenceDate,
  rruleLine,
  runsOnOrAfter,
  scheduleSchema,
} from "./recurrence";
import { scheduleFactory } from "./testing";

const range = (from: string, to: string) => [new Date(from), new Date(to)] as const;
const starts = (...args: Parameters<typeof expandSchedule>) =>
  expandSchedule(...args).map((o) => o.start.toISOString());
const dates = (...args: Parameters<typeof expandSchedule>) =>
  expandSchedule(...args).map((o) => o.originalDate);

describe("expandSchedule", () => {
  it("keeps a weekly London session at 09:00 local across the spring daylight-saving change", () => {
    const schedule = scheduleFactory();
    expect(starts(schedule, ...range("2026-03-23T00:00Z", "2026-04-01T00:00Z"))).toEqual([
      "2026-03-23T09:00:00.000Z",
      "2026-03-30T08:00:00.000Z",
    ]);
  });

  it("keeps a weekly London session at 09:00 local across the autumn change", () => {
    const schedule = scheduleFactory();
    expect(starts(schedule, ...range("2026-10-19T00:00Z", "2026-10-27T00:00Z"))).toEqual([
      "2026-10-19T08:00:00.000Z",
      "2026-10-26T09:00:00.000Z",
    ]);
  });

  it("keeps a New York session at 10:00 local when clocks go forward in March and back in November", () => {
    const schedule = scheduleFactory({
      timeZone: "America/New_York",
      startTime: "10:00",
      recurrence: { kind: "weekly", interval: 1, weekday: "TU" },
    });
    expect(starts(schedule, ...range("2026-03-03T00:00Z", "2026-03-11T00:00Z"))).toEqual([
      "2026-03-03T15:00:00.000Z",
      "2026-03-10T14:00:00.000Z",
    ]);
    expect(starts(schedule, ...range("2026-10-27T00:00Z", "2026-11-04T00:00Z"))).toEqual([
      "2026-10-27T14:00:00.000Z",
      "2026-11-03T15:00:00.000Z",
    ]);
  });

  it("moves a Sunday 01:30 London session skipped by the spring change to 02:30 BST", () => {
    const schedule = scheduleFactory({
      startTime: "01:30",
      recurrence: { kind: "weekly", interval: 1, weekday: "SU" },
    });
    expect(starts(schedule, ...range("2026-03-22T00:00Z", "2026-04-01T00:00Z"))).toEqual([
      "2026-03-22T01:30:00.000Z",
      "2026-03-29T01:30:00.000Z",
    ]);
  });

  it("runs a Sunday 01:30 London session once, at the first 01:30, when the clocks go back", () => {
    const schedule = scheduleFactory({
      startTime: "01:30",
      recurrence: { kind: "weekly", interval: 1, weekday: "SU" },
    });
    expect(starts(schedule, ...range("2026-10-24T00:00Z", "2026-10-26T00:00Z"))).toEqual([
      "2026-10-25T00:30:00.000Z",
    ]);
  });

  it("runs every other week counted from the first occurrence", () => {
    const schedule = scheduleFactory({
      startDate: "2026-01-07",
      recurrence: { kind: "weekly", interval: 2, weekday: "TH" },
    });
    expect(dates(schedule, ...range("2026-01-01T00:00Z", "2026-02-15T00:00Z"))).toEqual([
      "2026-01-08",
      "2026-01-22",
      "2026-02-05",
    ]);
  });

  it("runs on the fifth Thursday only in months that have one", () => {
    const schedule = scheduleFactory({
      startDate: "2026-01-01",
      recurrence: { kind: "monthlyWeekday", nth: 5, weekday: "TH" },
    });
    expect(dates(schedule, ...range("2026-01-01T00:00Z", "2027-01-01T00:00Z"))).toEqual([
      "2026-01-29",
      "2026-04-30",
      "2026-07-30",
      "2026-10-29",
      "2026-12-31",
    ]);
  });

  it("runs on the last Friday of every month", () => {
    const schedule = scheduleFactory({
      startDate: "2026-01-01",
      recurrence: { kind: "monthlyWeekday", nth: -1, weekday: "FR" },
    });
    expect(dates(schedule, ...range("2026-01-01T00:00Z", "2026-05-01T00:00Z"))).toEqual([
      "2026-01-30",
      "2026-02-27",
      "2026-03-27",
      "2026-04-24",
    ]);
  });

  it("runs on the last day of every month, leap Februaries included", () => {
    const schedule = scheduleFactory({
      startDate: "2027-12-01",
      recurrence: { kind: "monthlyDate", day: -1 },
    });
    expect(dates(schedule, ...range("2027-12-01T00:00Z", "2028-05-01T00:00Z"))).toEqual([
      "2027-12-31",
      "2028-01-31",
      "2028-02-29",
      "2028-03-31",
      "2028-04-30",
    ]);
  });

  it("runs on the 28th of every month, February included", () => {
    const schedule = scheduleFactory({
      startDate: "2026-01-01",
      recurrence: { kind: "monthlyDate", day: 28 },
    });
    expect(dates(schedule, ...range("2026-01-01T00:00Z", "2026-04-01T00:00Z"))).toEqual([
      "2026-01-28",
      "2026-02-28",
      "2026-03-28",
    ]);
  });

  it("runs a one-off once, on its start date", () => {
    const schedule = scheduleFactory({ startDate: "2026-02-11", recurrence: { kind: "once" } });
    expect(dates(schedule, ...range("2026-01-01T00:00Z", "2026-12-31T00:00Z"))).toEqual([
      "2026-02-11",
    ]);
    expect(dates(schedule, ...range("2026-03-01T00:00Z", "2026-12-31T00:00Z"))).toEqual([]);
  });

  it("stops after the until date", () => {
    const schedule = scheduleFactory({ until: "2026-01-19" });
    expect(dates(schedule, ...range("2026-01-01T00:00Z", "2026-03-01T00:00Z"))).toEqual([
      "2026-01-05",
      "2026-01-12",
      "2026-01-19",
    ]);
  });

  it("ends each occurrence after the ritual's length", () => {
    const [first] = expandSchedule(
      scheduleFactory({ durationMinutes: 45 }),
      ...range("2026-01-05T00:00Z", "2026-01-06T00:00Z"),
    );
    expect(first?.end.toISOString()).toBe("2026-01-05T09:45:00.000Z");
  });
});

describe("firstOccurrenceDate", () => {
  it("is the first matching day on or after the start date", () => {
    expect(firstOccurrenceDate(scheduleFactory({ startDate: "2026-01-06" }))).toBe("2026-01-12");
  });
});

describe("rruleLine", () => {
  it("writes the last day of the month as BYMONTHDAY=-1", () => {
    expect(rruleLine(scheduleFactory({ recurrence: { kind: "monthlyDate", day: -1 } }))).toBe(
      "FREQ=MONTHLY;BYMONTHDAY=-1",
    );
  });

  it("writes the last weekday with a negative ordinal and UNTIL in UTC", () => {
    expect(
      rruleLine(
        scheduleFactory({
          recurrence: { kind: "monthlyWeekday", nth: -1, weekday: "FR" },
          until: "2026-06-30",
        }),
      ),
    ).toBe("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260630T225959Z");
  });
});

describe("scheduleSchema", () => {
  it("refuses an until date before the start", () => {
    const result = scheduleSchema.safeParse(scheduleFactory({ until: "2025-12-01" }));
    expect(result.error?.issues[0]?.message).toBe("The end date can't be before the start date.");
  });

  it("refuses the 31st, which some months do not have", () => {
    const result = scheduleSchema.safeParse(
      scheduleFactory({ recurrence: { kind: "monthlyDate", day: 31 } }),
    );
    expect(result.error?.issues[0]?.message).toBe(
      "Choose a day of the month from 1 to 28, or the last day (-1).",
    );
  });

  it("refuses a sixth weekday of the month", () => {
    const result = scheduleSchema.safeParse(
      scheduleFactory({ recurrence: { kind: "monthlyWeekday", nth: 6 as 5, weekday: "MO" } }),
    );
    expect(result.success).toBe(false);
  });
});

describe("runsOnOrAfter", () => {
  it("counts an open series and one ending later, not one that ended or a past one-off", () => {
    const today = "2026-03-09";
    expect(runsOnOrAfter(scheduleFactory({ until: null }), today)).toBe(true);
    expect(runsOnOrAfter(scheduleFactory({ until: "2026-03-09" }), today)).toBe(true);
    expect(runsOnOrAfter(scheduleFactory({ until: "2026-03-08" }), today)).toBe(false);
    const once = scheduleFactory({ startDate: "2026-03-02", recurrence: { kind: "once" } });
    expect(runsOnOrAfter(once, today)).toBe(false);
  });
});
