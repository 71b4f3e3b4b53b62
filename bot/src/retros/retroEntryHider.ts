import { retroActivityClosedMessage, isRetroActivityOpen, toIso } from "@practice-hub/shared";
import { conflict, notFound } from "../errors";
import type { Viewer } from "../policies";
import { etagWrite, type RetroAggregate, type Store } from "../store";
import { retroForViewer } from "./retroReader";

/**
 * Hides an entry from everyone but moderators and facilitators, recording who hid it, when and
 * why; answers the retro as the caller sees it after the change (read once, before it). The
 * caller must be allowed to moderate.
 */
export async function retroEntryHider(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  retroId: string;
  entryId: string;
  reason: string;
  now: Date;
}): Promise<RetroAggregate> {
  const { store, viewer, communityId, retroId, entryId } = props;
  const tenantId = viewer.actor.tenantId;
  return etagWrite({
    read: async () => {
      const aggregate = await retroForViewer({ store, viewer, communityId, retroId });
      if (!isRetroActivityOpen("hideEntry", aggregate.retro.phase)) {
        throw conflict(retroActivityClosedMessage("hideEntry", aggregate.retro.phase));
      }
      const entry = aggregate.entries.find((candidate) => candidate.entryId === entryId);
      if (!entry) throw notFound("No entry with that id in this retro.");
      return { aggregate, entry };
    },
    write: async ({ aggregate, entry }) => {
      if (entry.hidden) return aggregate;
      const hidden = {
        reason: props.reason,
        by: { id: viewer.actor.userId, displayName: viewer.actor.displayName },
        at: toIso(props.now),
      };
      const etag = await store.retros.hideEntry({
        tenantId,
        communityId,
        retroId,
        entryId,
        hidden,
        expectedEtag: entry.etag,
      });
      const entries = aggregate.entries.map((candidate) =>
        candidate.entryId === entryId ? { ...candidate, hidden, etag } : candidate,
      );
      return { ...aggregate, entries };
    },
    lost: () => {
      throw conflict("The entry changed just now. Reload and try again.");
    },
  });
}
