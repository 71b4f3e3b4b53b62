import {
  dateWindowAround,
  datesHiddenBySchedule,
  datesReadForScheduleChange,
  isInDateWindow,
  outsideDateWindowMessage,
  type Ritual,
  type RitualFields,
} from "@practice-hub/shared";
import { fieldRefused } from "../errors";
import type { Viewer } from "../policies";
import { presentRitual } from "./presenter";
import { etagWrite, type RitualEntity, type Store } from "../store";
import { ritualNotFound, scheduleHidesOccurrences, staleRitual } from "./ritualErrors";

/**
 * Replaces a ritual's fields if the caller edited the current version (412 with the current
 * ritual otherwise), or deletes it when `fields` is null. Volunteers and rotation state stay.
 * A new schedule that would hide a past session or one changed by hand is refused with 409 (see
 * `datesHiddenBySchedule`). That needs one more query, over the community's occurrence rows
 * between the series' start and end (`datesReadForScheduleChange`), made only when the schedule
 * changes: four round trips then (a rare champion action), three otherwise. A start date outside
 * the date window is refused unless it is the one the series already has.
 * The caller must already be authorized.
 */
export async function ritualUpdater(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  ritualId: string;
  fields: RitualFields | null;
  ifMatch: string;
  now: Date;
}): Promise<Ritual | null> {
  const { store, communityId, ritualId } = props;
  const { tenantId } = props.viewer.actor;
  const read = async () => {
    const ritual = await store.rituals.readRitual({ tenantId, communityId, ritualId });
    if (!ritual) throw ritualNotFound();
    return ritual;
  };
  return etagWrite({
    read,
    ifMatch: { etag: props.ifMatch, of: (current) => current.etag, stale: staleRitual },
    write: async (current) => {
      await checkScheduleChange(props, current);
      if (props.fields === null) {
        await store.rituals.deleteRitual({
          tenantId,
          communityId,
          ritualId,
          expectedEtag: current.etag,
        });
        return null;
      }
      const { etag, ...rest } = current;
      const saved = await store.rituals.replaceRitual({
        tenantId,
        communityId,
        ritual: { ...rest, fields: props.fields, sequence: rest.sequence + 1 },
        expectedEtag: etag,
      });
      return presentRitual(saved);
    },
    lost: async () => {
      throw staleRitual(await read());
    },
  });
}

/** Refuses a start date outside the window, and a schedule that would hide kept sessions. */
async function checkScheduleChange(
  props: Parameters<typeof ritualUpdater>[0],
  current: RitualEntity,
): Promise<void> {
  const { store, communityId, ritualId } = props;
  const { tenantId } = props.viewer.actor;
  // A series that began before the date window keeps its start date through an edit; a new
  // start date must lie in the window like any date the API accepts.
  const startDate = props.fields?.schedule.startDate;
  const window = dateWindowAround(props.now);
  if (
    startDate !== undefined &&
    startDate !== current.fields.schedule.startDate &&
    !isInDateWindow(startDate, window)
  ) {
    throw fieldRefused("The ritual", "schedule.startDate", outsideDateWindowMessage(window));
  }
  // Both schedules are zod output of the same schema, so equal schedules serialise alike.
  if (
    props.fields !== null &&
    JSON.stringify(props.fields.schedule) !== JSON.stringify(current.fields.schedule)
  ) {
    const hidden = datesHiddenBySchedule({
      before: current.fields.schedule,
      after: props.fields.schedule,
      occurrences: await store.rituals.listOccurrenceSummaries({
        tenantId,
        communityId,
        ritualId,
        ...datesReadForScheduleChange(current.fields.schedule),
      }),
      now: props.now,
    });
    if (hidden.length > 0) throw scheduleHidesOccurrences(hidden);
  }
}
