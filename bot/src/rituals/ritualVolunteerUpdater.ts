import type { LocalDate, Ritual, Volunteer } from "@practice-hub/shared";
import { ritualLimits } from "@practice-hub/shared";
import { badRequest } from "../errors";
import type { Viewer } from "../policies";
import { presentRitual } from "./presenter";
import { etagWrite, type Store } from "../store";
import { ritualNotFound } from "./ritualErrors";

/**
 * What the caller asks of a ritual's rotation. `join` without `awayDates` keeps the stored ones
 * (pressing "Volunteer" twice must not wipe them); `markAway` only touches someone already
 * volunteering, so "I can't make it" never signs anyone up.
 */
export type VolunteerUpdate =
  | { kind: "join"; awayDates?: LocalDate[] }
  | { kind: "leave" }
  | { kind: "markAway"; date: LocalDate };

/** The volunteers after the update, or null when nothing changes. */
function updatedVolunteers(
  volunteers: Volunteer[],
  viewer: Viewer,
  update: VolunteerUpdate,
): Volunteer[] | null {
  const { userId, displayName } = viewer.actor;
  const existing = volunteers.find((v) => v.id === userId);
  switch (update.kind) {
    case "leave":
      return existing ? volunteers.filter((v) => v.id !== userId) : null;
    case "markAway":
      if (!existing || existing.awayDates.includes(update.date)) return null;
      return volunteers.map((v) =>
        v.id === userId ? { ...v, awayDates: [...v.awayDates, update.date].sort() } : v,
      );
    case "join":
      // Keep a returning volunteer's place in the sign-up order (the rotation's tie-breaker).
      if (existing) {
        return update.awayDates === undefined
          ? null
          : volunteers.map((v) =>
              v.id === userId ? { ...v, awayDates: update.awayDates ?? [] } : v,
            );
      }
      return [...volunteers, { id: userId, displayName, awayDates: update.awayDates ?? [] }];
  }
}

/**
 * Adds the caller to a ritual's volunteers, updates their away days, or removes them. It only
 * touches the caller's own entry, so a lost race is retried on fresh data instead of asking for
 * an ETag.
 */
export async function ritualVolunteerUpdater(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  ritualId: string;
  update: VolunteerUpdate;
}): Promise<Ritual> {
  const { store, viewer, communityId, ritualId } = props;
  const { tenantId } = viewer.actor;
  return etagWrite({
    read: async () => {
      const current = await store.rituals.readRitual({ tenantId, communityId, ritualId });
      if (!current) throw ritualNotFound();
      return current;
    },
    write: async (current) => {
      const volunteers = updatedVolunteers(current.volunteers, viewer, props.update);
      if (volunteers === null) return presentRitual(current);
      if (volunteers.length > ritualLimits.volunteers) {
        throw badRequest(`A ritual can have at most ${ritualLimits.volunteers} volunteers.`);
      }
      const mine = volunteers.find((v) => v.id === viewer.actor.userId);
      if (mine && mine.awayDates.length > ritualLimits.awayDates) {
        throw badRequest(
          `You can list at most ${ritualLimits.awayDates} away days. Remove some that have passed.`,
        );
      }
      const { etag, ...rest } = current;
      return presentRitual(
        await store.rituals.replaceRitual({
          tenantId,
          communityId,
          ritual: { ...rest, volunteers },
          expectedEtag: etag,
        }),
      );
    },
    attempts: 3,
  });
}
