import { toIso } from "@practice-hub/shared";
import { ConcurrencyError, type Store } from "../store";
import type { ComposedDigest } from "./digestComposer";

/**
 * Remembers what a digest put in front of its recipient: its picks (never sent to them again)
 * and its resurfaced handbook entries (left alone for a quarter). Called once the delivery is
 * queued; an entry someone edited meanwhile simply stays eligible.
 */
export async function digestSentRecorder(props: {
  store: Store;
  tenantId: string;
  recipientId: string;
  composed: ComposedDigest;
  now: Date;
}): Promise<void> {
  const { store, tenantId, composed } = props;
  await store.digests.recordSentPicks(tenantId, props.recipientId, composed.pickIds);
  for (const entry of composed.resurfaced) {
    try {
      await store.library.markResurfaced({
        tenantId,
        communityId: entry.communityId,
        id: entry.entryId,
        at: toIso(props.now),
        expectedEtag: entry.etag,
      });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
}
