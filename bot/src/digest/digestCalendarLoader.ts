import {
  addDays,
  defaultProtectedHours,
  maxMoveDays,
  type DigestOccurrence,
  type DigestRetroAction,
  type HeldSession,
  type RitualCadence,
} from "@practice-hub/shared";
import { presentCalendar } from "../rituals/presenter";
import type { Store } from "../store";

/** What the digest and the health signals read from the ritual calendar and the retros. */
export interface DigestCalendarData {
  upcoming: DigestOccurrence[];
  sessions: HeldSession[];
  rituals: RitualCadence[];
  retroActions: DigestRetroAction[];
  /**
   * Protected time against what members spent in sessions over the last 30 days; absent when the
   * community runs no rituals (nothing to spend the time on, so nothing to warn about).
   */
  protectedTime?: { hoursPerMonth: number; attendedHoursLast30Days: number };
}

const dayMs = 86_400_000;
/** Past sessions looked at: a quarter, as the health signals judge. */
const lookBackDays = 90;
const lookAheadDays = 14;
/** The protected-time signal looks at one month of sessions. */
const protectedTimeDays = 30;

/**
 * Reads one community's ritual calendar (one partition query) and retro actions (one more) and
 * turns them into the digest's upcoming sessions with their facilitators, and the held sessions
 * and ritual rhythms the health signals judge. The calendar is expanded by the calendar's own
 * presenter, so the digest names the same facilitator the Calendar page shows.
 */
export async function digestCalendarLoader(props: {
  store: Store;
  tenantId: string;
  communityId: string;
  recipientId: string;
  now: Date;
}): Promise<DigestCalendarData> {
  const { store, tenantId, communityId, now } = props;
  const from = new Date(now.getTime() - lookBackDays * dayMs);
  const to = new Date(now.getTime() + lookAheadDays * dayMs);
  const [calendar, retros] = await Promise.all([
    store.rituals.readCalendar({
      tenantId,
      communityId,
      // Occurrence rows are keyed by planned date; a session may have moved up to maxMoveDays.
      fromDate: addDays(from.toISOString().slice(0, 10), -maxMoveDays - 1),
      toDate: addDays(to.toISOString().slice(0, 10), maxMoveDays + 2),
    }),
    store.retros.list({ tenantId, communityId, limit: 1 }),
  ]);
  const { occurrences } = presentCalendar({
    rituals: calendar.rituals,
    rows: calendar.occurrences,
    from,
    to,
    now,
    viewerId: props.recipientId,
    allowedActions: ["read"],
  });
  const held = occurrences.filter((o) => o.status !== "cancelled");
  const upcoming = held
    .filter((o) => Date.parse(o.start) >= now.getTime())
    .map((o) => ({
      ritualName: o.ritualName,
      startsAt: o.start,
      timeZone: o.timeZone,
      facilitators: o.facilitator ? [o.facilitator.person.displayName] : [],
    }));
  const past = held.filter((o) => Date.parse(o.start) < now.getTime());
  // A past session counts as held only when someone recorded who came: a planned session nobody
  // ticked off may never have happened, and a ritual that stopped in practice must still lapse.
  const attended = past.filter((o) => o.attendance !== null);
  const sessions = past.map((o) => ({
    ritualId: o.ritualId,
    ritualName: o.ritualName,
    startsAt: o.start,
    facilitators: o.facilitator ? [o.facilitator.person.displayName] : [],
    attendance: o.attendance ? o.attendance.count : null,
  }));
  const rituals: RitualCadence[] = calendar.rituals.flatMap((ritual) => {
    const planned = occurrences
      .filter((o) => o.ritualId === ritual.ritualId)
      .map((o) => Date.parse(o.start))
      .sort((a, b) => a - b);
    const first = planned[0];
    const last = planned[planned.length - 1];
    // A rhythm needs two planned sessions in the window; one-off rituals never lapse.
    if (planned.length < 2 || first === undefined || last === undefined) return [];
    const cadenceDays = Math.max(1, Math.round((last - first) / dayMs / (planned.length - 1)));
    const lastHeld = attended
      .filter((o) => o.ritualId === ritual.ritualId)
      .map((o) => o.start)
      .sort()
      .pop();
    return [
      {
        id: ritual.ritualId,
        name: ritual.fields.name,
        cadenceDays,
        createdAt: ritual.createdAt,
        lastHeldAt: lastHeld ?? null,
      },
    ];
  });
  const retroActions = retros.actions.map((action) => ({
    text: action.text,
    owner: action.owner.displayName,
    // A calendar date stays one: the composer compares it with the reader's own date.
    dueDate: action.dueDate ? action.dueDate.slice(0, 10) : null,
    done: action.status === "done",
  }));
  // Protected time is not stored per community yet: the lower end of the usual 2-4 hours a
  // month is the most a community can be assumed to have agreed.
  const monthAgo = now.getTime() - protectedTimeDays * dayMs;
  const attendedHoursLast30Days = attended
    .filter((o) => Date.parse(o.start) >= monthAgo)
    .reduce(
      (sum, o) =>
        sum + ((o.attendance?.count ?? 0) * (Date.parse(o.end) - Date.parse(o.start))) / 3_600_000,
      0,
    );
  return {
    upcoming,
    sessions,
    rituals,
    retroActions,
    ...(calendar.rituals.length > 0
      ? {
          protectedTime: {
            hoursPerMonth: defaultProtectedHours.min,
            attendedHoursLast30Days,
          },
        }
      : {}),
  };
}
