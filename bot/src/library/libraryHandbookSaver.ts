import { randomUUID } from "node:crypto";
import type { HandbookEntry, SaveHandbookEntryRequest } from "@practice-hub/shared";
import { toIso } from "@practice-hub/shared";
import { notFound, staleVersion } from "../errors";
import type { Viewer } from "../policies";
import { presentHandbookEntry } from "./presenter";
import { etagWrite, type HandbookEntryEntity, type Store } from "../store";

/**
 * Creates a handbook entry (no `entryId`) or saves a new version of one, with the canvas's ETag
 * rules: the save names the version it edited, writes the entry and its history row in one
 * transaction, and a stale ETag answers 412 with the entry as it is now so the editor can merge.
 * The caller must already be authorized.
 */
export async function libraryHandbookSaver(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  entryId?: string;
  ifMatch?: string;
  entry: Required<SaveHandbookEntryRequest>;
  now: Date;
}): Promise<HandbookEntry> {
  const { store, viewer, communityId } = props;
  const { tenantId } = viewer.actor;
  const by = { id: viewer.actor.userId, displayName: viewer.actor.displayName };
  const at = toIso(props.now);
  if (props.entryId === undefined) {
    const created = await store.library.saveHandbookEntry({
      tenantId,
      communityId,
      entry: {
        id: randomUUID(),
        ...props.entry,
        version: 1,
        createdAt: at,
        updatedAt: at,
        updatedBy: by,
        lastResurfacedAt: null,
      },
      expectedEtag: null,
    });
    return presentHandbookEntry(created);
  }
  const entryId = props.entryId;
  const stale = (entry: HandbookEntryEntity) =>
    staleVersion(
      "Someone saved this entry after you opened it. Compare with the current text, then save again.",
      { current: presentHandbookEntry(entry) },
    );
  return etagWrite({
    read: async () => {
      const current = await store.library.findHandbookEntry({ tenantId, communityId, id: entryId });
      if (!current) throw notFound("No handbook entry with that id. Reload the page.");
      return current;
    },
    ifMatch: { etag: props.ifMatch ?? "", of: (current) => current.etag, stale },
    write: async (current) => {
      const saved = await store.library.saveHandbookEntry({
        tenantId,
        communityId,
        entry: {
          ...current,
          ...props.entry,
          version: current.version + 1,
          updatedAt: at,
          updatedBy: by,
        },
        expectedEtag: current.etag,
      });
      return presentHandbookEntry(saved);
    },
    lost: async () => {
      const latest = await store.library.findHandbookEntry({ tenantId, communityId, id: entryId });
      if (!latest) throw notFound("The entry was removed. Reload the page.");
      throw stale(latest);
    },
  });
}
