import { maxMoveDays, type LocalDate, type Occurrence } from "@practice-hub/shared";
import type { Viewer } from "../policies";
import { calendarRowRange } from "./calendar";
import { presentCalendar } from "./presenter";
import type { Store } from "../store";
import { allowedActions } from "../policies/allowedActions";
import { occurrenceNotFound } from "./ritualErrors";

/**
 * One occurrence exactly as the calendar shows it, with the rotation's facilitator: one
 * partition query over the same row window as the occurrences route, so a card or a swap request
 * never names a different facilitator than the tab. The caller must already be authorized.
 */
export async function ritualOccurrenceReader(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  ritualId: string;
  originalDate: LocalDate;
  now: Date;
}): Promise<Occurrence> {
  const { store, viewer, communityId, ritualId, originalDate, now } = props;
  const around = (days: number) =>
    new Date(Date.parse(`${originalDate}T00:00:00Z`) + days * 86_400_000);
  // A session may have moved up to maxMoveDays from its planned date.
  const from = around(-maxMoveDays - 1);
  const to = around(maxMoveDays + 2);
  const { rituals, occurrences } = await store.rituals.readCalendar({
    tenantId: viewer.actor.tenantId,
    communityId,
    ...calendarRowRange({ from, to, now }),
  });
  const calendar = presentCalendar({
    rituals: rituals.filter((r) => r.ritualId === ritualId),
    rows: occurrences.filter((row) => row.ritualId === ritualId),
    from,
    to,
    now,
    viewerId: viewer.actor.userId,
    allowedActions: allowedActions(viewer, "ritual", communityId),
  });
  const found = calendar.occurrences.find((o) => o.originalDate === originalDate);
  if (!found) throw occurrenceNotFound();
  return found;
}
