import type { CanvasSection, CanvasSectionId } from "@practice-hub/shared";
import { toIso } from "@practice-hub/shared";
import { staleVersion } from "../errors";
import type { Viewer } from "../policies";
import { presentCanvasSection, unsavedSectionEtag } from "./presenter";
import { etagWrite, type CanvasSectionEntity, type Store } from "../store";

/**
 * Saves a new version of one canvas section, if the caller edited the version that is current.
 * Reads the section once, then writes it and its history row in one transaction conditional on
 * the ETag; a stale ETag (or a lost race) answers 412 with the current section so the editor can
 * merge. The caller must already be authorized.
 */
export async function canvasSectionUpdater(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  sectionId: CanvasSectionId;
  content: string;
  ifMatch: string;
  now: Date;
}): Promise<CanvasSection> {
  const { store, viewer, communityId, sectionId } = props;
  const { tenantId } = viewer.actor;
  const read = () => store.canvas.readSection({ tenantId, communityId, sectionId });
  const stale = (section: CanvasSectionEntity | null) =>
    staleVersion(
      "Someone saved this section after you opened it. Compare with the current text, then save again.",
      { current: presentCanvasSection(sectionId, section) },
    );
  return etagWrite({
    read,
    ifMatch: { etag: props.ifMatch, of: (current) => current?.etag ?? unsavedSectionEtag, stale },
    write: async (current) => {
      const saved = await store.canvas.saveSection({
        tenantId,
        communityId,
        sectionId,
        content: props.content,
        version: (current?.version ?? 0) + 1,
        updatedAt: toIso(props.now),
        updatedBy: { id: viewer.actor.userId, displayName: viewer.actor.displayName },
        expectedEtag: current?.etag ?? null,
      });
      return presentCanvasSection(sectionId, saved);
    },
    lost: async () => {
      throw stale(await read());
    },
  });
}
