import { notFound } from "../errors";
import { authorize, can, communityRolesOf, type PolicyAction, type Viewer } from "./";
import type { Store } from "../store";

/**
 * Authorizes an action on a community's canvas, telling "no such community" (404) from "not
 * allowed" (403). A member's roles already prove the community exists, so storage is asked only
 * when the policy refuses someone without a role there: that keeps the common path within the
 * round-trip budget and never reveals another tenant's communities (they are simply not found).
 */
export async function communityAccessChecker(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  action: PolicyAction;
}): Promise<void> {
  const { store, viewer, communityId, action } = props;
  const resource = { kind: "canvas", communityId } as const;
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

/** The 404 for a community the caller's tenant does not have. */
export function communityNotFound() {
  return notFound("No community with that id in your organisation. Check the link.");
}
