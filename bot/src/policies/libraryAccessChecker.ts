import {
  authorize,
  can,
  communityRolesOf,
  type PolicyAction,
  type PolicyResource,
  type Viewer,
} from "./";
import type { Store } from "../store";
import { communityNotFound } from "./communityAccessChecker";

/**
 * Authorizes an action on a community's library, people or digest the way the canvas does: a
 * member's roles prove the community exists, so storage is asked only when the policy refuses
 * someone without a role there, to tell "no such community" (404) from "not allowed" (403).
 */
export async function communityResourceAccessChecker(props: {
  store: Store;
  viewer: Viewer;
  resource: Extract<PolicyResource, { communityId: string }>;
  action: PolicyAction;
}): Promise<void> {
  const { store, viewer, resource, action } = props;
  if (can(viewer, action, resource)) return;
  if (communityRolesOf(viewer, resource.communityId).length === 0) {
    const community = await store.communities.find({
      tenantId: viewer.actor.tenantId,
      communityId: resource.communityId,
    });
    if (!community) throw communityNotFound();
  }
  authorize(viewer, action, resource);
}
