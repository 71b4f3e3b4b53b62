import type { LocalDate } from "./zones";
import { daysFromTo } from "./zones";

/** A volunteer in the order they signed up (the tie-breaker between people who never served). */
export interface RotationVolunteer {
  personId: string;
  /** Local dates on which they cannot run a session. */
  awayDates: readonly LocalDate[];
}

/** Who ran which past session. */
export interface ServedRecord {
  personId: string;
  date: LocalDate;
}

/** The rotation's choice with what the tab needs to explain it. */
export interface RotationChoice {
  personId: string;
  /** Their most recent session before the date, or null when they have not run one yet. */
  lastServedDate: LocalDate | null;
}

/** The most recent date each person served, from any order of records. */
export function lastServedDates(history: readonly ServedRecord[]): Map<string, LocalDate> {
  const last = new Map<string, LocalDate>();
  for (const record of history) {
    const known = last.get(record.personId);
    if (known === undefined || record.date > known) last.set(record.personId, record.date);
  }
  return last;
}

/** A volunteer as `choose` sees them: whether they are away on a date. */
interface Candidate {
  personId: string;
  isAway: (date: LocalDate) => boolean;
}

function choose(
  candidates: readonly Candidate[],
  lastServed: ReadonlyMap<string, LocalDate>,
  date: LocalDate,
): RotationChoice | null {
  let best: RotationChoice | null = null;
  for (const candidate of candidates) {
    if (candidate.isAway(date)) continue;
    const served = lastServed.get(candidate.personId) ?? null;
    const choice = { personId: candidate.personId, lastServedDate: served };
    if (best === null) {
      best = choice;
    } else if (best.lastServedDate !== null && (served === null || served < best.lastServedDate)) {
      best = choice;
    }
  }
  return best;
}

/**
 * The fair choice for a session on `date`: among volunteers not away that day, whoever served
 * least recently, people who never served first, ties going to whoever volunteered first. Null
 * when nobody is available.
 */
export function nextFacilitator(
  volunteers: readonly RotationVolunteer[],
  lastServed: ReadonlyMap<string, LocalDate>,
  date: LocalDate,
): RotationChoice | null {
  const candidates = volunteers.map((v) => ({
    personId: v.personId,
    isAway: (day: LocalDate) => v.awayDates.includes(day),
  }));
  return choose(candidates, lastServed, date);
}

/** A session as the rotation sees it: its date on the ritual's clock, and who was named if anyone. */
export interface RotationSession {
  date: LocalDate;
  facilitatorId: string | null;
}

/**
 * Sessions in a row in which the rotation simply moves on: nobody is named, no volunteer is away,
 * each on a date of its own after every date the rotation knows. Each goes to whoever waited
 * longest, who then waits longest of all, so the run goes round the volunteers in a fixed order
 * and only its last sessions (one per volunteer) say where it leaves everyone.
 */
export interface PlainRun {
  count: number;
  /** The dates of the run's last `min(count, volunteers)` sessions, oldest first. */
  lastDates: LocalDate[];
}

/** Something the rotation steps over: one session, or a plain run of them. */
export type RotationStep = RotationSession | PlainRun;

/** Moves the rotation past a plain run without stepping through it: see `PlainRun`. */
function passRun(
  candidates: readonly Candidate[],
  served: Map<string, LocalDate>,
  run: PlainRun,
): void {
  if (candidates.length === 0) return;
  // The order `choose` would pick them in: never served first, then longest ago, then sign-up.
  const queue = candidates.map((candidate, index) => ({
    id: candidate.personId,
    last: served.get(candidate.personId),
    index,
  }));
  queue.sort((a, b) => {
    if (a.last === b.last) return a.index - b.index;
    if (a.last === undefined) return -1;
    if (b.last === undefined) return 1;
    return a.last < b.last ? -1 : 1;
  });
  const skipped = run.count - run.lastDates.length;
  run.lastDates.forEach((date, offset) => {
    const taker = queue[(skipped + offset) % queue.length];
    if (taker) served.set(taker.id, date);
  });
}

/**
 * Plans a run of upcoming sessions: each choice counts as served for the ones after it, so the
 * rotation moves on instead of naming the same person for every future date. Sessions with a
 * named facilitator (an exception or a swap) take that person and count for them too. Each
 * choice's `lastServedDate` comes from the recorded history only: "last facilitated 6 weeks ago"
 * must not count a planned session that has not happened. `earlier` are the sessions between
 * now and the first of `sessions`: they move the rotation on, but nobody asked who runs them.
 */
export function planRotation(
  volunteers: readonly RotationVolunteer[],
  history: readonly ServedRecord[],
  sessions: readonly RotationSession[],
  earlier: readonly RotationStep[] = [],
): (RotationChoice | null)[] {
  // Sets, since a plan asks about every volunteer's away days at every session.
  const candidates = volunteers.map((v) => {
    const away = new Set(v.awayDates);
    return { personId: v.personId, isAway: (day: LocalDate) => away.has(day) };
  });
  const recorded = lastServedDates(history);
  const plannedOrRecorded = new Map(recorded);
  const step = (session: RotationSession): RotationChoice | null => {
    const personId =
      session.facilitatorId ??
      choose(candidates, plannedOrRecorded, session.date)?.personId ??
      null;
    if (personId === null) return null;
    plannedOrRecorded.set(personId, session.date);
    return { personId, lastServedDate: recorded.get(personId) ?? null };
  };
  for (const earlierStep of earlier) {
    if ("count" in earlierStep) passRun(candidates, plannedOrRecorded, earlierStep);
    else step(earlierStep);
  }
  return sessions.map(step);
}

/**
 * Who is credited with a past session: the one named (recorded, else assigned), else the
 * rotation's pick for that date from the sessions served before it. The same answer decides who
 * may record the session and whose turn it counts as.
 */
export function facilitatorToCredit(props: {
  named: string | null;
  volunteers: readonly RotationVolunteer[];
  history: readonly ServedRecord[];
  date: LocalDate;
}): string | null {
  if (props.named !== null) return props.named;
  const before = props.history.filter((record) => record.date < props.date);
  return nextFacilitator(props.volunteers, lastServedDates(before), props.date)?.personId ?? null;
}

/** Whole weeks between a person's last session and the next one, for "last facilitated 6 weeks ago". */
export function weeksSince(lastServedDate: LocalDate, date: LocalDate): number {
  return Math.max(0, Math.floor(daysFromTo(lastServedDate, date) / 7));
}

/** Number of past sessions the concentration signal looks at (DOMAIN.md: the same ~3 people). */
export const concentrationWindow = 10;

/**
 * True when three or fewer people ran the community's last ten sessions: a warning sign that
 * facilitation rests on a few people. Fewer than ten sessions is too early to tell.
 */
export function facilitationIsConcentrated(history: readonly ServedRecord[]): boolean {
  const recent = [...history]
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    .slice(0, concentrationWindow);
  if (recent.length < concentrationWindow) return false;
  return new Set(recent.map((r) => r.personId)).size <= 3;
}
