import type { LibrarySection, PersonRef, ResourceStatus } from "@practice-hub/shared";

/** A library resource as stored. */
export interface ResourceEntity {
  id: string;
  section: LibrarySection;
  title: string;
  url: string;
  why: string;
  tags: string[];
  status: ResourceStatus;
  suggestedBy: PersonRef;
  suggestedAt: string;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  etag: string;
}

/** A handbook entry's current text. */
export interface HandbookEntryEntity {
  id: string;
  title: string;
  body: string;
  version: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  updatedBy: PersonRef;
  lastResurfacedAt: string | null;
  etag: string;
}

/** What a suggestion came to: stored, or the resource that already has this URL. */
export type SuggestOutcome =
  | { outcome: "suggested"; resource: ResourceEntity }
  | { outcome: "duplicate"; existing: ResourceEntity };

/** The library of one community: resources and handbook entries, in the community's partition. */
export interface LibraryRepository {
  /** Every resource and current handbook entry: one partition range query. */
  list(props: {
    tenantId: string;
    communityId: string;
  }): Promise<{ resources: ResourceEntity[]; handbook: HandbookEntryEntity[] }>;
  /**
   * One page of the library as `reader` may see it, handbook entries first, then resources (each
   * in id order): one partition range query. Curators see everything; others see approved
   * resources, their own suggestions and handbook entries that are not archived, filtered on the
   * server so a page is full of what they may see.
   */
  listPage(props: {
    tenantId: string;
    communityId: string;
    reader: { userId: string; curator: boolean };
    limit: number;
    cursor?: string | undefined;
  }): Promise<{
    resources: ResourceEntity[];
    handbook: HandbookEntryEntity[];
    nextCursor: string | null;
  }>;
  /**
   * Stores a suggestion and a guard row keyed by its normalised URL in one transaction, so two
   * people suggesting the same page at once cannot both succeed; the loser learns which
   * resource has it.
   */
  suggest(props: {
    tenantId: string;
    communityId: string;
    resource: Omit<
      ResourceEntity,
      "id" | "etag" | "status" | "decidedBy" | "decidedAt" | "rejectionReason"
    >;
  }): Promise<SuggestOutcome>;
  /** One point read; null when missing. */
  findResource(props: {
    tenantId: string;
    communityId: string;
    id: string;
  }): Promise<ResourceEntity | null>;
  /** Replaces the resource conditional on its ETag; ConcurrencyError when someone was first. */
  updateResource(props: {
    tenantId: string;
    communityId: string;
    resource: Omit<ResourceEntity, "etag">;
    expectedEtag: string;
  }): Promise<ResourceEntity>;
  /** One point read of a handbook entry. */
  findHandbookEntry(props: {
    tenantId: string;
    communityId: string;
    id: string;
  }): Promise<HandbookEntryEntity | null>;
  /**
   * Writes a handbook entry and its history row in one transaction: an insert when
   * `expectedEtag` is null, else conditional on the ETag (ConcurrencyError on a race).
   */
  saveHandbookEntry(props: {
    tenantId: string;
    communityId: string;
    entry: Omit<HandbookEntryEntity, "etag">;
    expectedEtag: string | null;
  }): Promise<HandbookEntryEntity>;
  /** Records that a digest resurfaced the entry (conditional on its ETag). */
  markResurfaced(props: {
    tenantId: string;
    communityId: string;
    id: string;
    at: string;
    expectedEtag: string;
  }): Promise<void>;
}
