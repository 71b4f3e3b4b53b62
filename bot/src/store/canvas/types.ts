import type { CanvasSectionId, PersonRef } from "@practice-hub/shared";

/** The canvas row of a community: exists from the community's creation, holds review state. */
export interface CanvasEntity {
  reviewedAt: string | null;
  reviewedBy: PersonRef | null;
  etag: string;
}

/** The current text of one section. */
export interface CanvasSectionEntity {
  sectionId: CanvasSectionId;
  content: string;
  version: number;
  updatedAt: string;
  updatedBy: PersonRef;
  etag: string;
}

/** One saved version of a section. */
export interface CanvasVersionEntity {
  sectionId: CanvasSectionId;
  version: number;
  content: string;
  updatedAt: string;
  updatedBy: PersonRef;
}

/** A page of history; `lastKey` is the RowKey to continue after, null on the last page. */
export interface CanvasVersionPage {
  canvas: CanvasEntity | null;
  versions: CanvasVersionEntity[];
  lastKey: string | null;
}

/** What a save writes: the section row and its history row, in one transaction. */
export interface CanvasSectionWrite {
  tenantId: string;
  communityId: string;
  sectionId: CanvasSectionId;
  content: string;
  version: number;
  updatedAt: string;
  updatedBy: PersonRef;
  /** The ETag read before the save, or null to insert a section nobody has written yet. */
  expectedEtag: string | null;
}

/** Canvas storage: one partition per community, so a save and its history share a transaction. */
export interface CanvasRepository {
  /** The canvas row and every current section: one partition query. */
  read(props: {
    tenantId: string;
    communityId: string;
  }): Promise<{ canvas: CanvasEntity | null; sections: CanvasSectionEntity[] }>;
  /** One point read of the canvas row. */
  readCanvas(props: { tenantId: string; communityId: string }): Promise<CanvasEntity | null>;
  /** One point read of a section's current text. */
  readSection(props: {
    tenantId: string;
    communityId: string;
    sectionId: CanvasSectionId;
  }): Promise<CanvasSectionEntity | null>;
  /** Creates the canvas row; throws a 409 RestError when it exists. */
  createCanvas(props: {
    tenantId: string;
    communityId: string;
    reviewedAt?: string;
    reviewedBy?: PersonRef;
  }): Promise<void>;
  /**
   * Removes every row of the community's canvas (a creation that never finished is undone by
   * the sweeper); nothing to remove is fine. Reads the partition's keys and deletes them in
   * transactions of 100, so it is for jobs, never for a request.
   */
  removeCanvas(props: { tenantId: string; communityId: string }): Promise<void>;
  /**
   * Writes the section and its history row in one transaction, conditional on the ETag (or on
   * the section not existing). Throws ConcurrencyError when someone saved first.
   */
  saveSection(write: CanvasSectionWrite): Promise<CanvasSectionEntity>;
  /** Records a review, conditional on the canvas row's ETag; ConcurrencyError on a race. */
  markReviewed(props: {
    tenantId: string;
    communityId: string;
    reviewedAt: string;
    reviewedBy: PersonRef;
    expectedEtag: string;
  }): Promise<CanvasEntity>;
  /**
   * Saved versions newest first, after `afterKey` when given, with the canvas row in the same
   * query so callers learn whether the community exists without another round trip.
   */
  listVersions(props: {
    tenantId: string;
    communityId: string;
    sectionId: CanvasSectionId;
    limit: number;
    afterKey?: string;
  }): Promise<CanvasVersionPage>;
}
