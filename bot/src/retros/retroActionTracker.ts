import { toIso, type RetroActionStatus } from "@practice-hub/shared";
import { conflict, notFound } from "../errors";
import { authorize, type Viewer } from "../policies";
import { etagWrite, type RetroActionEntity, type Store } from "../store";

/**
 * Sets an action's status ("done", "needHelp", or back to "open"). The owner, champions and
 * facilitators may; the write is conditional on the ETag that was read.
 */
export async function retroActionTracker(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  actionId: string;
  status: RetroActionStatus;
  now: Date;
}): Promise<RetroActionEntity> {
  const { store, viewer, communityId, actionId, status, now } = props;
  const tenantId = viewer.actor.tenantId;
  return etagWrite({
    read: async () => {
      const action = /^[A-Za-z0-9-]{1,80}$/.test(actionId)
        ? await store.retros.readAction({ tenantId, communityId, actionId })
        : null;
      if (!action) throw notFound("No action with that id in this community.");
      authorize(viewer, "track", { kind: "retroAction", communityId, ownerId: action.owner.id });
      return action;
    },
    write: async (action) => {
      if (action.status === status) return action;
      const updatedAt = toIso(now);
      const etag = await store.retros.updateActionStatus({
        tenantId,
        communityId,
        actionId,
        status,
        updatedAt,
        expectedEtag: action.etag,
      });
      return { ...action, status, updatedAt, etag };
    },
    lost: () => {
      throw conflict("The action changed just now. Reload it and try again.");
    },
  });
}
