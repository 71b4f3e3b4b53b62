import {
  canvasNotReviewedSignal,
  championLeftSignal,
  communityHealthSignals,
  fallingAttendanceSignals,
  fewFacilitatorsSignal,
  lapsedRitualSignals,
  protectedTimeUnusedSignal,
  singleRoleHolderSignal,
  type HeldSession,
  type MemberRoles,
  type RitualCadence,
} from "./signals";

const now = new Date("2026-11-23T09:00:00.000Z");

function daysAgo(days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

function session(overrides: Partial<HeldSession> = {}): HeldSession {
  return {
    ritualId: "learning",
    ritualName: "Learning session",
    startsAt: daysAgo(7),
    facilitators: ["Ana"],
    attendance: 10,
    ...overrides,
  };
}

function ritual(overrides: Partial<RitualCadence> = {}): RitualCadence {
  return {
    id: "office-hours",
    name: "Office hours",
    cadenceDays: 7,
    createdAt: daysAgo(200),
    lastHeldAt: daysAgo(3),
    ...overrides,
  };
}

function member(displayName: string, roles: MemberRoles["roles"] = ["member"]): MemberRoles {
  return { displayName, roles };
}

function members(count: number): MemberRoles[] {
  return Array.from({ length: count }, (_, index) => member(`Person ${index}`));
}

describe("fewFacilitatorsSignal", () => {
  it("fires when three people ran every session of the quarter, with the numbers", () => {
    const sessions = ["Ana", "Ben", "Cy", "Ana", "Ben", "Ana"].map((name, index) =>
      session({ facilitators: [name], startsAt: daysAgo(5 + index * 10) }),
    );

    const signal = fewFacilitatorsSignal({ sessions, memberCount: 30, now });

    expect(signal?.figures).toEqual({
      people: 3,
      sessionsByThem: 6,
      sessions: 6,
      sharePercent: 100,
      members: 30,
    });
    expect(signal?.summary).toContain("ran 6 of the last 6 sessions (100%)");
  });

  it("stays quiet when facilitation rotates widely", () => {
    const sessions = ["Ana", "Ben", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal"].map((name, index) =>
      session({ facilitators: [name], startsAt: daysAgo(5 + index * 10) }),
    );

    expect(fewFacilitatorsSignal({ sessions, memberCount: 30, now })).toBeNull();
  });

  it("ignores sessions older than the quarter", () => {
    const sessions = [0, 1, 2, 3, 4].map((index) =>
      session({ facilitators: ["Ana"], startsAt: daysAgo(100 + index) }),
    );

    expect(fewFacilitatorsSignal({ sessions, memberCount: 30, now })).toBeNull();
  });

  it("stays quiet in a small community where few facilitators is natural", () => {
    const sessions = [0, 1, 2, 3, 4].map((index) => session({ startsAt: daysAgo(5 + index) }));

    expect(fewFacilitatorsSignal({ sessions, memberCount: 5, now })).toBeNull();
  });
});

describe("fallingAttendanceSignals", () => {
  function attendance(counts: number[]): HeldSession[] {
    return counts.map((count, index) =>
      session({ attendance: count, startsAt: daysAgo((counts.length - index) * 14) }),
    );
  }

  it("fires when the last three sessions averaged a quarter fewer people than the three before", () => {
    const [signal] = fallingAttendanceSignals({
      sessions: attendance([20, 18, 16, 12, 10, 8]),
      now,
    });

    expect(signal?.figures).toEqual({ recentAverage: 10, earlierAverage: 18, fallPercent: 44 });
    expect(signal?.summary).toContain("Learning session");
  });

  it("stays quiet when attendance holds", () => {
    expect(
      fallingAttendanceSignals({ sessions: attendance([10, 12, 11, 10, 11, 12]), now }),
    ).toEqual([]);
  });

  it("needs six recorded sessions before it judges", () => {
    expect(fallingAttendanceSignals({ sessions: attendance([20, 10, 5, 1]), now })).toEqual([]);
  });

  it("skips sessions where nobody recorded attendance", () => {
    const sessions = [...attendance([20, 18, 16, 12, 10]), session({ attendance: null })];

    expect(fallingAttendanceSignals({ sessions, now })).toEqual([]);
  });
});

describe("lapsedRitualSignals", () => {
  it("fires for a weekly ritual that has not run for three weeks", () => {
    const [signal] = lapsedRitualSignals({ rituals: [ritual({ lastHeldAt: daysAgo(21) })], now });

    expect(signal?.figures).toEqual({ daysSinceLast: 21, cadenceDays: 7 });
    expect(signal?.summary).toContain("Office hours last ran 21 days ago");
  });

  it("stays quiet for a ritual that runs on rhythm", () => {
    expect(lapsedRitualSignals({ rituals: [ritual()], now })).toEqual([]);
  });

  it("fires for a ritual planned long ago and never held", () => {
    const [signal] = lapsedRitualSignals({
      rituals: [ritual({ lastHeldAt: null, createdAt: daysAgo(40) })],
      now,
    });

    expect(signal?.figures.daysSinceLast).toBe(40);
  });
});

describe("canvasNotReviewedSignal", () => {
  it("fires when the canvas was last reviewed more than 90 days ago", () => {
    const signal = canvasNotReviewedSignal({ reviewedAt: daysAgo(120), now });

    expect(signal?.figures).toEqual({ daysSinceReview: 120, reviewPeriodDays: 90 });
  });

  it("stays quiet after a recent review", () => {
    expect(canvasNotReviewedSignal({ reviewedAt: daysAgo(30), now })).toBeNull();
  });

  it("fires when the canvas was never reviewed", () => {
    expect(canvasNotReviewedSignal({ reviewedAt: null, now })?.summary).toContain("never");
  });
});

describe("singleRoleHolderSignal", () => {
  it("fires when one person holds every role in use", () => {
    const signal = singleRoleHolderSignal({
      members: [member("Ana", ["member", "champion", "curator", "facilitator"]), ...members(9)],
    });

    expect(signal?.figures).toEqual({ rolesHeld: 3, members: 10 });
    expect(signal?.summary).toContain("Ana holds all 3 roles");
  });

  it("stays quiet when roles are shared", () => {
    expect(
      singleRoleHolderSignal({
        members: [member("Ana", ["champion", "curator"]), member("Ben", ["facilitator"])],
      }),
    ).toBeNull();
  });
});

describe("championLeftSignal", () => {
  it("fires when the only champion left the team, with how long ago", () => {
    const signal = championLeftSignal({
      members: [
        { ...member("Ana", ["member", "champion"]), leftTeamAt: daysAgo(12) },
        ...members(5),
      ],
      now,
    });

    expect(signal?.kind).toBe("championLeft");
    expect(signal?.figures).toEqual({ champions: 1, daysSinceLeft: 12 });
    expect(signal?.summary).toContain("Ana left the community's team 12 days ago");
    expect(signal?.summary).toContain("name a new champion");
  });

  it("stays quiet while another champion is still in the team", () => {
    expect(
      championLeftSignal({
        members: [
          { ...member("Ana", ["champion"]), leftTeamAt: daysAgo(12) },
          member("Ben", ["champion"]),
        ],
        now,
      }),
    ).toBeNull();
  });

  it("stays quiet when every champion is in the team", () => {
    expect(
      championLeftSignal({ members: [member("Ana", ["champion"]), ...members(3)], now }),
    ).toBeNull();
  });

  it("is among the community's signals when it fires", () => {
    const signals = communityHealthSignals(
      {
        members: [{ ...member("Ana", ["champion"]), leftTeamAt: daysAgo(1) }, ...members(3)],
        canvasReviewedAt: daysAgo(10),
      },
      now,
    );

    expect(signals.map((signal) => signal.kind)).toEqual(["championLeft"]);
  });
});

describe("protectedTimeUnusedSignal", () => {
  it("fires when members used under a quarter of their protected time", () => {
    const signal = protectedTimeUnusedSignal({
      protectedHoursPerMonth: 2,
      memberCount: 20,
      attendedHoursLast30Days: 6,
    });

    expect(signal?.figures).toEqual({ usedHours: 6, availableHours: 40, usedPercent: 15 });
  });

  it("stays quiet when the time is used", () => {
    expect(
      protectedTimeUnusedSignal({
        protectedHoursPerMonth: 2,
        memberCount: 20,
        attendedHoursLast30Days: 20,
      }),
    ).toBeNull();
  });

  it("stays quiet when no protected time was agreed", () => {
    expect(
      protectedTimeUnusedSignal({
        protectedHoursPerMonth: null,
        memberCount: 20,
        attendedHoursLast30Days: 0,
      }),
    ).toBeNull();
  });
});

describe("communityHealthSignals", () => {
  it("lists only what fired, leaving out sources that are not stored", () => {
    const signals = communityHealthSignals(
      { members: members(12), canvasReviewedAt: daysAgo(200) },
      now,
    );

    expect(signals.map((signal) => signal.kind)).toEqual(["canvasNotReviewed"]);
  });

  it("returns nothing for a healthy community", () => {
    const signals = communityHealthSignals(
      {
        members: [member("Ana", ["champion"]), member("Ben", ["curator"]), ...members(10)],
        canvasReviewedAt: daysAgo(10),
        rituals: [ritual()],
        sessions: [],
        protectedTime: { hoursPerMonth: 2, attendedHoursLast30Days: 20 },
      },
      now,
    );

    expect(signals).toEqual([]);
  });
});
