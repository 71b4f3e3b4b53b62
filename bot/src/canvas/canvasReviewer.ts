import type { CanvasReviewResponse } from "@practice-hub/shared";
import { toIso } from "@practice-hub/shared";
import type { Viewer } from "../policies";
import { presentCanvasReview } from "./presenter";
import { etagWrite, type Store } from "../store";
import { communityNotFound } from "../policies/communityAccess";

/**
 * Records that a champion reviewed the canvas now. The canvas row is updated with its ETag;
 * two reviews at once are both fine, so a lost race is retried once instead of failing.
 * The caller must already be authorized.
 */
export async function canvasReviewer(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  now: Date;
}): Promise<CanvasReviewResponse> {
  const { store, viewer, communityId } = props;
  const { tenantId } = viewer.actor;
  const reviewedBy = { id: viewer.actor.userId, displayName: viewer.actor.displayName };
  return etagWrite({
    read: async () => {
      const canvas = await store.canvas.readCanvas({ tenantId, communityId });
      if (!canvas) throw communityNotFound();
      return canvas;
    },
    write: async (canvas) => {
      const reviewed = await store.canvas.markReviewed({
        tenantId,
        communityId,
        reviewedAt: toIso(props.now),
        reviewedBy,
        expectedEtag: canvas.etag,
      });
      return presentCanvasReview(reviewed);
    },
    attempts: 2,
  });
}
