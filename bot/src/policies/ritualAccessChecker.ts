import { ritualActions, type RitualAction } from "@practice-hub/shared";
import { authorize, can, communityRolesOf, type PolicyAction, type Viewer } from "./";
import type { Store } from "../store";
import { communityNotFound } from "./communityAccessChecker";

/**
 * Authorizes an action on a community's calendar, telling "no such community" (404) from "not
 * allowed" (403) the way the canvas does: storage is asked only when someone without a role
 * there is refused, so members stay within the round-trip budget.
 */
export async function ritualAccessChecker(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  action: PolicyAction;
}): Promise<void> {
  const { store, viewer, communityId, action } = props;
  const resource = { kind: "ritual", communityId } as const;
  if (can(viewer, action, resource)) return;
  if (communityRolesOf(viewer, communityId).length === 0) {
    const community = await store.communities.find({
      tenantId: viewer.actor.tenantId,
      communityId,
    });
    if (!community) throw communityNotFound();
  }
  authorize(viewer, action, resource);
}

/** The calendar actions the viewer may take, for the tab to hide the rest (never trusted). */
export function allowedRitualActions(viewer: Viewer, communityId: string): RitualAction[] {
  return ritualActions.filter((action) => can(viewer, action, { kind: "ritual", communityId }));
}
