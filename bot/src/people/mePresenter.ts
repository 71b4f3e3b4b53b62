import type { MeResponse } from "@practice-hub/shared";
import type { Viewer } from "../policies";

/** The caller as /api/me shows them. */
export function presentMe(viewer: Viewer): MeResponse {
  return {
    person: { id: viewer.actor.userId, displayName: viewer.actor.displayName },
    tenantId: viewer.actor.tenantId,
    tenantRoles: [...viewer.roles.tenantRoles],
    communities: viewer.roles.communities.map((entry) => ({
      communityId: entry.communityId,
      roles: [...entry.roles],
    })),
  };
}
