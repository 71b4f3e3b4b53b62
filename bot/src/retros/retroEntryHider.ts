import { retroActivityClosedMessage, isRetroActivityOpen, toIso } from "@practice-hub/shared";
import { conflict, notFound } from "../errors";
import type { Viewer } from "../policies";
import { etagWrite, type Store } from "../store";
import { retroReader } from "./retroReader";

/**
 * Hides an entry from everyone but moderators and facilitators, recording who hid it, when and
 * why. The caller must be allowed to moderate.
 */
export async function retroEntryHider(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  retroId: string;
  entryId: string;
  reason: string;
  now: Date;
}): Promise<void> {
  const { store, viewer, communityId, retroId, entryId } = props;
  const tenantId = viewer.actor.tenantId;
  return etagWrite({
    read: async () => {
      const { retro, entries } = await retroReader({
        store,
        tenantId,
        communityId,
        retroId,
        userId: null,
        withActions: false,
      });
      if (!isRetroActivityOpen("hideEntry", retro.phase)) {
        throw conflict(retroActivityClosedMessage("hideEntry", retro.phase));
      }
      const entry = entries.find((candidate) => candidate.entryId === entryId);
      if (!entry) throw notFound("No entry with that id in this retro.");
      return entry;
    },
    write: async (entry) => {
      if (entry.hidden) return;
      await store.retros.hideEntry({
        tenantId,
        communityId,
        retroId,
        entryId,
        hidden: {
          reason: props.reason,
          by: { id: viewer.actor.userId, displayName: viewer.actor.displayName },
          at: toIso(props.now),
        },
        expectedEtag: entry.etag,
      });
    },
    lost: () => {
      throw conflict("The entry changed just now. Reload and try again.");
    },
  });
}
