import type {
  LibraryResource,
  ResourceDecisionRequest,
  ResourceStatus,
} from "@practice-hub/shared";
import { toIso } from "@practice-hub/shared";
import { badRequest, notFound, staleVersion } from "../errors";
import type { Viewer } from "../policies";
import { presentResource } from "./presenter";
import { etagWrite, type ResourceEntity, type Store } from "../store";

/** Which decisions each status allows: a resource moves forward, never back to "suggested". */
const allowed: Record<ResourceDecisionRequest["decision"], readonly ResourceStatus[]> = {
  approve: ["suggested", "rejected", "archived"],
  reject: ["suggested"],
  archive: ["approved"],
};

const outcome: Record<ResourceDecisionRequest["decision"], ResourceStatus> = {
  approve: "approved",
  reject: "rejected",
  archive: "archived",
};

/**
 * A curator approves, rejects (with a reason) or archives a resource, naming the version they
 * saw: a stale ETag answers 412 with the resource as it is now, so two curators never overwrite
 * each other's decision. The caller must already be authorized.
 */
export async function libraryResourceDecider(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  resourceId: string;
  decision: ResourceDecisionRequest;
  ifMatch: string;
  now: Date;
}): Promise<LibraryResource> {
  const { store, viewer, communityId, decision } = props;
  const { tenantId } = viewer.actor;
  const stale = (resource: ResourceEntity) =>
    staleVersion(
      "Another curator changed this resource after you opened it. Check its status, then decide again.",
      { current: presentResource(resource) },
    );
  return etagWrite({
    read: async () => {
      const current = await store.library.findResource({
        tenantId,
        communityId,
        id: props.resourceId,
      });
      if (!current) throw notFound("No resource with that id in this library. Reload the page.");
      return current;
    },
    ifMatch: { etag: props.ifMatch, of: (current) => current.etag, stale },
    write: async (current) => {
      if (!allowed[decision.decision].includes(current.status)) {
        throw badRequest(
          `A resource that is ${current.status} cannot be given the decision "${decision.decision}".`,
        );
      }
      const { etag: _etag, ...fields } = current;
      const saved = await store.library.updateResource({
        tenantId,
        communityId,
        resource: {
          ...fields,
          status: outcome[decision.decision],
          decidedBy: { id: viewer.actor.userId, displayName: viewer.actor.displayName },
          decidedAt: toIso(props.now),
          rejectionReason: decision.decision === "reject" ? (decision.reason ?? null) : null,
        },
        expectedEtag: current.etag,
      });
      return presentResource(saved);
    },
    lost: async () => {
      const now = await store.library.findResource({ tenantId, communityId, id: props.resourceId });
      if (!now) throw notFound("The resource was removed. Reload the page.");
      throw stale(now);
    },
  });
}
