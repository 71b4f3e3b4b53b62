import type { HandbookEntry, LibraryResource } from "@practice-hub/shared";
import type { HandbookEntryEntity, ResourceEntity } from "../store";

/** A stored resource as the tab sees it. */
export function presentResource(entity: ResourceEntity): LibraryResource {
  return {
    id: entity.id,
    section: entity.section,
    title: entity.title,
    url: entity.url,
    why: entity.why,
    tags: entity.tags,
    status: entity.status,
    suggestedBy: entity.suggestedBy,
    suggestedAt: entity.suggestedAt,
    decidedBy: entity.decidedBy,
    decidedAt: entity.decidedAt,
    rejectionReason: entity.rejectionReason,
    etag: entity.etag,
  };
}

/** A stored handbook entry as the tab sees it. */
export function presentHandbookEntry(entity: HandbookEntryEntity): HandbookEntry {
  return {
    id: entity.id,
    title: entity.title,
    body: entity.body,
    version: entity.version,
    archived: entity.archived,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    updatedBy: entity.updatedBy,
    lastResurfacedAt: entity.lastResurfacedAt,
    etag: entity.etag,
  };
}
