import { canvasReviewStatus } from "../canvas/review";
import type { CommunityRole } from "../people/roles";
import { limits } from "../validations";
import { daysBetween } from "../time";

/**
 * Warning signs a head of profession needs (DOMAIN.md "Signals a head of profession needs").
 * Every function here is pure: it takes what the store holds and "now", and answers a signal
 * that says why it fired, with the numbers, or null. No vanity metrics: nothing counts messages.
 */
export const healthSignalKinds = [
  "fewFacilitators",
  "fallingAttendance",
  "lapsedRitual",
  "canvasNotReviewed",
  "singleRoleHolder",
  "championLeft",
  "protectedTimeUnused",
] as const;
export type HealthSignalKind = (typeof healthSignalKinds)[number];

/** One fired signal. `summary` is a sentence for people; `figures` are its numbers for tests and charts. */
export interface HealthSignal {
  kind: HealthSignalKind;
  summary: string;
  figures: Record<string, number>;
}

/** One held session of a ritual. */
export interface HeldSession {
  ritualId: string;
  ritualName: string;
  startsAt: string;
  /** Display names of whoever ran or presented it. */
  facilitators: string[];
  /** How many people attended; null when nobody recorded it. */
  attendance: number | null;
}

/** A ritual as the health check needs it. */
export interface RitualCadence {
  id: string;
  name: string;
  /** Expected days between occurrences (7 weekly, 14 fortnightly, about 30 monthly, 91 quarterly). */
  cadenceDays: number;
  createdAt: string;
  /** Last time it was held, or null when never. */
  lastHeldAt: string | null;
}

/** A member and the roles they hold. */
export interface MemberRoles {
  displayName: string;
  roles: CommunityRole[];
  /**
   * When Teams said they left the community's team; only a last champion is kept after leaving
   * (until someone else is named). Absent or null while they are in the team.
   */
  leftTeamAt?: string | null;
}

/** Thresholds of the signals, named so the tab and the tests can say them. */
export const healthThresholds = {
  /** Sessions looked at for "the same few people run most sessions". */
  facilitationWindowDays: 90,
  minSessionsForFacilitation: 4,
  fewPeople: 3,
  /** Share of sessions run by the few above which the signal fires. */
  fewPeopleShare: 0.75,
  /** A community this small naturally has few facilitators. */
  minMembersForFacilitation: 8,
  /** Recent and earlier occurrences compared for attendance. */
  attendanceOccurrences: 3,
  /** Relative fall in average attendance that fires the signal. */
  attendanceFall: 0.25,
  /** A ritual lapses when it has not run for this many of its own intervals. */
  lapsedIntervals: 2,
  /** Below this share of the protected time, the time is "not being used". */
  protectedTimeUsedShare: 0.25,
} as const;

function percent(share: number): number {
  return Math.round(share * 100);
}

/** The same few people run most sessions of the last quarter (no rotation, risk of burnout). */
export function fewFacilitatorsSignal(props: {
  sessions: readonly HeldSession[];
  memberCount: number;
  now: Date;
}): HealthSignal | null {
  const t = healthThresholds;
  if (props.memberCount < t.minMembersForFacilitation) return null;
  const recent = props.sessions.filter(
    (session) =>
      Date.parse(session.startsAt) <= props.now.getTime() &&
      daysBetween(session.startsAt, props.now) <= t.facilitationWindowDays,
  );
  if (recent.length < t.minSessionsForFacilitation) return null;
  const runs = new Map<string, number>();
  for (const session of recent) {
    for (const name of new Set(session.facilitators)) runs.set(name, (runs.get(name) ?? 0) + 1);
  }
  const top = [...runs.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, t.fewPeople);
  const topNames = new Set(top.map(([name]) => name));
  const runByTop = recent.filter((session) =>
    session.facilitators.some((name) => topNames.has(name)),
  ).length;
  const share = runByTop / recent.length;
  if (share < t.fewPeopleShare) return null;
  return {
    kind: "fewFacilitators",
    summary:
      `${top.length} ${top.length === 1 ? "person" : "people"} (${top.map(([name]) => name).join(", ")}) ` +
      `ran ${runByTop} of the last ${recent.length} sessions (${percent(share)}%) in ` +
      `${t.facilitationWindowDays} days, in a community of ${props.memberCount}. Invite others to facilitate.`,
    figures: {
      people: top.length,
      sessionsByThem: runByTop,
      sessions: recent.length,
      sharePercent: percent(share),
      members: props.memberCount,
    },
  };
}

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Attendance of one ritual fell: the average of its last three recorded occurrences is at least a
 * quarter below the three before. Comparing averages, not single sessions, ignores one bad week.
 */
export function fallingAttendanceSignals(props: {
  sessions: readonly HeldSession[];
  now: Date;
}): HealthSignal[] {
  const n = healthThresholds.attendanceOccurrences;
  const byRitual = new Map<string, HeldSession[]>();
  for (const session of props.sessions) {
    if (session.attendance === null || Date.parse(session.startsAt) > props.now.getTime()) continue;
    byRitual.set(session.ritualId, [...(byRitual.get(session.ritualId) ?? []), session]);
  }
  const signals: HealthSignal[] = [];
  for (const sessions of byRitual.values()) {
    if (sessions.length < 2 * n) continue;
    const ordered = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    const counts = ordered.map((session) => session.attendance ?? 0);
    const recent = average(counts.slice(-n));
    const earlier = average(counts.slice(-2 * n, -n));
    if (earlier === 0) continue;
    const fall = (earlier - recent) / earlier;
    if (fall < healthThresholds.attendanceFall) continue;
    const name = ordered[0]?.ritualName ?? "A ritual";
    const round = (value: number) => Math.round(value * 10) / 10;
    signals.push({
      kind: "fallingAttendance",
      summary:
        `${name}: on average ${round(recent)} people came to the last ${n} sessions, against ` +
        `${round(earlier)} to the ${n} before (down ${percent(fall)}%). Ask members what would make it worth their time.`,
      figures: {
        recentAverage: round(recent),
        earlierAverage: round(earlier),
        fallPercent: percent(fall),
      },
    });
  }
  return signals;
}

/** Rituals that have not run for two of their own intervals (consistency beats intensity). */
export function lapsedRitualSignals(props: {
  rituals: readonly RitualCadence[];
  now: Date;
}): HealthSignal[] {
  const signals: HealthSignal[] = [];
  for (const ritual of props.rituals) {
    const since = ritual.lastHeldAt ?? ritual.createdAt;
    const days = daysBetween(since, props.now);
    const allowed = ritual.cadenceDays * healthThresholds.lapsedIntervals;
    if (days <= allowed) continue;
    signals.push({
      kind: "lapsedRitual",
      summary:
        ritual.lastHeldAt === null
          ? `${ritual.name} has not been held since it was planned ${days} days ago (it should run every ${ritual.cadenceDays} days).`
          : `${ritual.name} last ran ${days} days ago; it should run every ${ritual.cadenceDays} days. Restart it or retire it on purpose.`,
      figures: { daysSinceLast: days, cadenceDays: ritual.cadenceDays },
    });
  }
  return signals;
}

/** The canvas (purpose, norms...) was not reviewed for over a quarter. */
export function canvasNotReviewedSignal(props: {
  reviewedAt: string | null;
  now: Date;
}): HealthSignal | null {
  const status = canvasReviewStatus(props.reviewedAt, props.now);
  if (!status.reviewDue) return null;
  return {
    kind: "canvasNotReviewed",
    summary:
      status.daysSinceReview === null
        ? "The canvas has never been reviewed. Book an hour with the champions to go through it."
        : `The canvas was last reviewed ${status.daysSinceReview} days ago, more than the ${limits.canvasReviewDays} days of a quarter. Check the purpose still fits.`,
    figures: {
      daysSinceReview: status.daysSinceReview ?? -1,
      reviewPeriodDays: limits.canvasReviewDays,
    },
  };
}

const leadershipRoles: readonly CommunityRole[] = [
  "champion",
  "curator",
  "facilitator",
  "moderator",
];

/**
 * One person holds every role that anyone holds beyond "member", and at least two of them: when
 * they are away, nobody can stand in (distributed, never one hero).
 */
export function singleRoleHolderSignal(props: {
  members: readonly MemberRoles[];
}): HealthSignal | null {
  const holders = props.members.filter((member) =>
    member.roles.some((role) => leadershipRoles.includes(role)),
  );
  if (holders.length !== 1) return null;
  const holder = holders[0];
  if (!holder) return null;
  const held = leadershipRoles.filter((role) => holder.roles.includes(role));
  if (held.length < 2) return null;
  return {
    kind: "singleRoleHolder",
    summary:
      `${holder.displayName} holds all ${held.length} roles in use (${held.join(", ")}) and nobody else ` +
      `holds any of them among ${props.members.length} members. Ask someone to share one.`,
    figures: { rolesHeld: held.length, members: props.members.length },
  };
}

/**
 * Every champion the community has left its team: they are kept as champion only so someone can
 * still manage the community, and it has nobody on the ground to run it.
 */
export function championLeftSignal(props: {
  members: readonly MemberRoles[];
  now: Date;
}): HealthSignal | null {
  const champions = props.members.filter((member) => member.roles.includes("champion"));
  const leftAt = champions.map((champion) => champion.leftTeamAt ?? null);
  if (champions.length === 0 || leftAt.includes(null)) return null;
  const days = Math.max(...leftAt.map((at) => (at === null ? 0 : daysBetween(at, props.now))));
  const names = champions.map((champion) => champion.displayName).join(", ");
  const one = champions.length === 1;
  return {
    kind: "championLeft",
    summary:
      `${names} left the community's team ${days} ${days === 1 ? "day" : "days"} ago but ` +
      `${one ? "is still its only champion" : "are still its only champions"}, kept so someone ` +
      `can manage the community. Ask ${one ? "them" : "one of them"} to name a new champion.`,
    figures: { champions: champions.length, daysSinceLeft: days },
  };
}

/**
 * Protected time (2-4 hours a month is typical) is agreed but hardly used: members spent under a
 * quarter of it in community sessions over the last 30 days.
 */
export function protectedTimeUnusedSignal(props: {
  /** Agreed hours per member per month, or null when the community has none agreed. */
  protectedHoursPerMonth: number | null;
  memberCount: number;
  /** Sum over sessions of the last 30 days of attendance x session length, in hours. */
  attendedHoursLast30Days: number;
}): HealthSignal | null {
  if (!props.protectedHoursPerMonth || props.memberCount === 0) return null;
  const available = props.protectedHoursPerMonth * props.memberCount;
  const share = props.attendedHoursLast30Days / available;
  if (share >= healthThresholds.protectedTimeUsedShare) return null;
  const hours = Math.round(props.attendedHoursLast30Days * 10) / 10;
  return {
    kind: "protectedTimeUnused",
    summary:
      `Members used ${hours} of ${available} protected hours in the last 30 days (${percent(share)}%: ` +
      `${props.protectedHoursPerMonth} h a month for each of ${props.memberCount}). Ask what stops them taking it.`,
    figures: {
      usedHours: hours,
      availableHours: available,
      usedPercent: percent(share),
    },
  };
}

/** Everything the health check reads about one community. Leave a source out when it is not stored. */
export interface CommunityHealthInput {
  members: readonly MemberRoles[];
  canvasReviewedAt: string | null;
  sessions?: readonly HeldSession[];
  rituals?: readonly RitualCadence[];
  protectedTime?: { hoursPerMonth: number | null; attendedHoursLast30Days: number };
}

/** Every signal that fires for one community, in a stable order. */
export function communityHealthSignals(input: CommunityHealthInput, now: Date): HealthSignal[] {
  const memberCount = input.members.length;
  const sessions = input.sessions ?? [];
  return [
    input.sessions ? fewFacilitatorsSignal({ sessions, memberCount, now }) : null,
    ...fallingAttendanceSignals({ sessions, now }),
    ...lapsedRitualSignals({ rituals: input.rituals ?? [], now }),
    canvasNotReviewedSignal({ reviewedAt: input.canvasReviewedAt, now }),
    singleRoleHolderSignal({ members: input.members }),
    championLeftSignal({ members: input.members, now }),
    input.protectedTime
      ? protectedTimeUnusedSignal({
          protectedHoursPerMonth: input.protectedTime.hoursPerMonth,
          memberCount,
          attendedHoursLast30Days: input.protectedTime.attendedHoursLast30Days,
        })
      : null,
  ].filter((signal): signal is HealthSignal => signal !== null);
}
