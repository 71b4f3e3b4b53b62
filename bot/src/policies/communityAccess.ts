import { notFound } from "../errors";
import type { Store } from "../store";
import {
  authorize,
  can,
  communityRolesOf,
  type PolicyAction,
  type PolicyResource,
  type Viewer,
} from "./";

/** A resource that belongs to one community: canvas, calendar, retros, library, people, digest. */
export type CommunityResource = Extract<PolicyResource, { communityId: string }>;

/**
 * Authorizes an action on something a community holds, telling "no such community" (404) from
 * "not allowed" (403). A member's roles already prove the community exists, so storage is asked
 * only when the policy refuses someone without a role there: that keeps the common path within
 * the round-trip budget and never reveals another tenant's communities (they are simply not
 * found). Routes, card actions and the calendar feed all ask this one function.
 */
export async function communityAccessChecker(props: {
  store: Store;
  viewer: Viewer;
  resource: CommunityResource;
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

/** The 404 for a community the caller's tenant does not have. */
export function communityNotFound() {
  return notFound("No community with that id in your organisation. Check the link.");
}
