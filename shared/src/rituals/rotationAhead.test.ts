import fc from "fast-check";
import { occurrencesBetween, rotationStepsBetween, type OccurrenceException } from "./exceptions";
import { seriesDates, weekdayCodes, type Recurrence, type Schedule } from "./recurrence";
import { planRotation, type RotationVolunteer, type ServedRecord } from "./rotation";
import { scheduleFactory } from "./testing";
import { addDays, instantOf, wallClockOf } from "./zones";

interface Case {
  schedule: Schedule;
  exceptions: OccurrenceException[];
  volunteers: RotationVolunteer[];
  history: ServedRecord[];
  now: Date;
  from: Date;
  to: Date;
}

const goingAhead = (schedule: Schedule, exceptions: OccurrenceException[], from: Date, to: Date) =>
  occurrencesBetween(schedule, exceptions, from, to).filter((o) => o.status !== "cancelled");

const asSession = (schedule: Schedule) => (o: ReturnType<typeof goingAhead>[number]) => ({
  date: wallClockOf(o.start, schedule.timeZone).date,
  facilitatorId: o.facilitatorOverrideId,
});

/** The plan for [from, to) as the calendar made it before: every session from now, one by one. */
function plannedStepByStep(c: Case) {
  const all = goingAhead(c.schedule, c.exceptions, c.now, c.to);
  const choices = planRotation(c.volunteers, c.history, all.map(asSession(c.schedule)));
  return choices.filter((_, index) => (all[index]?.start.getTime() ?? 0) >= c.from.getTime());
}

/** The plan for [from, to) with the sessions before the range passed in counted runs. */
function plannedWithRuns(c: Case) {
  const earlier = rotationStepsBetween({
    schedule: c.schedule,
    exceptions: c.exceptions,
    from: c.now,
    to: c.from,
    pinnedDates: c.volunteers.flatMap((v) => v.awayDates),
    runTail: c.volunteers.length,
    listThrough:
      c.history
        .map((h) => h.date)
        .sort()
        .pop() ?? null,
  });
  const inRange = goingAhead(c.schedule, c.exceptions, c.from, c.to).map(asSession(c.schedule));
  return { choices: planRotation(c.volunteers, c.history, inRange, earlier), earlier };
}

const recurrenceArbitrary: fc.Arbitrary<Recurrence> = fc.oneof(
  fc.record({
    kind: fc.constant("weekly" as const),
    interval: fc.integer({ min: 1, max: 4 }),
    weekday: fc.constantFrom(...weekdayCodes),
  }),
  fc.record({
    kind: fc.constant("monthlyWeekday" as const),
    nth: fc.constantFrom(1 as const, 5 as const, -1 as const),
    weekday: fc.constantFrom(...weekdayCodes),
  }),
  fc.record({ kind: fc.constant("monthlyDate" as const), day: fc.constantFrom(-1, 1, 15, 28) }),
  fc.constant({ kind: "once" as const }),
);

const people = ["ana", "ben", "cai", "dev", "eve"];

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    recurrence: recurrenceArbitrary,
    timeZone: fc.constantFrom("Europe/London", "America/New_York", "America/Santiago"),
    startTime: fc.constantFrom("00:30", "09:00", "18:30", "23:30"),
    startOffset: fc.integer({ min: -400, max: 300 }),
    untilAfter: fc.option(fc.integer({ min: 0, max: 1500 }), { freq: 4 }),
    nowMinutes: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    fromAfter: fc.integer({ min: 0, max: 1200 }),
    rangeDays: fc.integer({ min: 1, max: 100 }),
    volunteers: fc.subarray(people),
    away: fc.array(fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 1300 })), { maxLength: 12 }),
    history: fc.array(fc.tuple(fc.constantFrom(...people), fc.integer({ min: -60, max: 28 })), {
      maxLength: 4,
    }),
    changes: fc.array(
      fc.record({
        index: fc.nat(),
        moveDays: fc.option(fc.integer({ min: -28, max: 28 })),
        moveTime: fc.constantFrom("07:00", "12:00", "20:00"),
        cancelled: fc.boolean(),
        facilitatorId: fc.option(fc.constantFrom(...people, "outsider")),
      }),
      { maxLength: 8 },
    ),
  })
  .map((c) => {
    const today = "2026-03-09";
    const now = new Date(Date.parse(`${today}T00:00:00Z`) + c.nowMinutes * 60_000);
    const schedule = scheduleFactory({
      startDate: addDays(today, c.startOffset),
      startTime: c.startTime,
      timeZone: c.timeZone,
      recurrence: c.recurrence,
      until: c.untilAfter === null ? null : addDays(today, c.startOffset + c.untilAfter),
    });
    const from = new Date(now.getTime() + c.fromAfter * 86_400_000 + 3_600_000);
    const to = new Date(from.getTime() + c.rangeDays * 86_400_000);
    const dates = seriesDates(schedule, addDays(today, -40), addDays(today, 1400));
    const exceptions = new Map<string, OccurrenceException>();
    for (const change of c.changes) {
      const originalDate = dates[change.index % Math.max(1, dates.length)];
      if (originalDate === undefined) continue;
      exceptions.set(originalDate, {
        originalDate,
        movedTo:
          change.moveDays === null
            ? null
            : { date: addDays(originalDate, change.moveDays), time: change.moveTime },
        cancelledReason: change.cancelled ? "Offsite" : null,
        facilitatorId: change.facilitatorId,
      });
    }
    // Away days mostly on the series' own dates, where they change whose turn it is.
    const volunteers = c.volunteers.map((personId, index) => ({
      personId,
      awayDates: c.away
        .filter(([who]) => who === index)
        .map(([, day]) => dates[day % Math.max(1, dates.length)] ?? addDays(today, day)),
    }));
    const history = c.history.map(([personId, days]) => ({
      personId,
      date: addDays(today, days),
    }));
    return { schedule, exceptions: [...exceptions.values()], volunteers, history, now, from, to };
  });

describe("rotationStepsBetween", () => {
  it("leaves the rotation where stepping through every session from now would", () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        expect(plannedWithRuns(c).choices).toEqual(plannedStepByStep(c));
      }),
      { numRuns: 400 },
    );
  });

  it("passes five years of a weekly series in a few steps when nothing special happens", () => {
    const c: Case = {
      schedule: scheduleFactory({ startDate: "2021-03-15" }),
      exceptions: [],
      volunteers: ["ana", "ben", "cai"].map((personId) => ({ personId, awayDates: [] })),
      history: [{ personId: "ben", date: "2026-03-02" }],
      now: new Date("2026-03-09T12:00:00Z"),
      from: new Date("2030-11-29T00:00:00Z"),
      to: new Date("2031-03-09T00:00:00Z"),
    };
    const { choices, earlier } = plannedWithRuns(c);

    expect(earlier).toEqual([
      { count: 246, lastDates: ["2030-11-11", "2030-11-18", "2030-11-25"] },
    ]);
    expect(choices).toEqual(plannedStepByStep(c));
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
    const steps = (to: Date) =>
      rotationStepsBetween({
        schedule,
        exceptions: [],
        from: new Date("2026-10-01T00:00:00Z"),
        to,
        pinnedDates: [],
        runTail: 1,
        listThrough: null,
      });
    expect(steps(new Date(session.getTime() + 60_000))).toEqual([
      { date: "2026-11-01", facilitatorId: null },
    ]);
    expect(steps(session)).toEqual([]);
  });
});
