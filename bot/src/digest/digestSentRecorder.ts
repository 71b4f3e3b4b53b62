import { toIso } from "@practice-hub/shared";
import { etagWrite, type Store } from "../store";
import type { ComposedDigest } from "./digestComposer";

/**
 * Remembers what a digest put in front of its recipient: its picks, with the digest's ISO week
 * (later weeks never repeat them), and its resurfaced handbook entries (left alone for a
 * quarter). Called only once the delivery is queued, never while composing: a composition that
 * is not sent must not use up picks. Queued again in the same week (a champion's "try again"), it
 * records the same picks under the same week, which changes nothing. An entry someone edited
 * meanwhile simply stays eligible.
 * `stateKey` is the recipient's id, or `channelDigestStateKey(communityId)` for a channel.
 */
export async function digestSentRecorder(props: {
  store: Store;
  tenantId: string;
  stateKey: string;
  composed: ComposedDigest;
  now: Date;
}): Promise<void> {
  const { store, tenantId, composed } = props;
  await store.digests.recordSentPicks({
    tenantId,
    userId: props.stateKey,
    week: composed.week,
    pickIds: composed.pickIds,
  });
  for (const entry of composed.resurfaced) {
    // The entry was read when the digest was composed; an edit since then wins, quietly.
    await etagWrite({
      read: () => Promise.resolve(entry),
      write: () =>
        store.library.markResurfaced({
          tenantId,
          communityId: entry.communityId,
          id: entry.entryId,
          at: toIso(props.now),
          expectedEtag: entry.etag,
        }),
      lost: () => undefined,
    });
  }
}
