import type { Ritual } from "@practice-hub/shared";
import { ritualLimits } from "@practice-hub/shared";
import { badRequest } from "../errors";
import type { Viewer } from "../policies";
import { presentRitual } from "../presenters/rituals";
import { ConcurrencyError, type Store } from "../store";
import { ritualNotFound } from "./ritualErrors";

/**
 * Adds the caller to a ritual's volunteers (or updates their away days), or removes them when
 * `awayDates` is null. It only touches the caller's own entry, so a lost race is retried on
 * fresh data instead of asking for an ETag.
 */
export async function ritualVolunteerUpdater(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  ritualId: string;
  awayDates: string[] | null;
}): Promise<Ritual> {
  const { store, viewer, communityId, ritualId } = props;
  const { tenantId, userId, displayName } = viewer.actor;
  for (let attempt = 1; ; attempt += 1) {
    const current = await store.rituals.readRitual(tenantId, communityId, ritualId);
    if (!current) throw ritualNotFound();
    const others = current.volunteers.filter((v) => v.id !== userId);
    const existing = current.volunteers.find((v) => v.id === userId);
    // Keep a returning volunteer's place in the sign-up order (the rotation's tie-breaker).
    const volunteers =
      props.awayDates === null
        ? others
        : existing
          ? current.volunteers.map((v) =>
              v.id === userId ? { ...v, awayDates: props.awayDates ?? [] } : v,
            )
          : [...others, { id: userId, displayName, awayDates: props.awayDates }];
    if (volunteers.length > ritualLimits.volunteers) {
      throw badRequest(`A ritual can have at most ${ritualLimits.volunteers} volunteers.`);
    }
    const { etag, ...rest } = current;
    try {
      return presentRitual(
        await store.rituals.replaceRitual(tenantId, communityId, { ...rest, volunteers }, etag),
      );
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= 3) throw error;
    }
  }
}
