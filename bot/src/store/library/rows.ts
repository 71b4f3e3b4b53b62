/**
 * How library resources, URL guards and handbook entries with their history are laid out in Table Storage: RowKeys, row shapes and the mapping between
 * rows and entities. Only ./repository.ts uses it; nothing outside the store sees a row.
 */
import { createHash } from "node:crypto";
import {
  librarySectionSchema,
  normalizeResourceUrl,
  resourceStatusSchema,
} from "@practice-hub/shared";
import type { ResourceEntity, HandbookEntryEntity } from "./types";

export const resourceKey = (id: string) => `resource|${id}`;
export const handbookKey = (id: string) => `handbook|${id}`;
/** Guard rows make "one resource per page" a storage constraint, not a hope. */
export const urlKey = (url: string) =>
  `url|${createHash("sha256").update(normalizeResourceUrl(url)).digest("hex").slice(0, 40)}`;
// History rows sort after every current row ("version|" > "url|" > "resource|" > "handbook|"),
// so listing the library never reads history, however long it grows.
const maxVersion = 9_999_999_999;
export const historyKey = (id: string, version: number) =>
  `version|${id}|${String(maxVersion - version).padStart(10, "0")}`;

export interface ResourceRow {
  partitionKey: string;
  rowKey: string;
  etag: string;
  section: string;
  title: string;
  url: string;
  why: string;
  /** Comma-separated: Table Storage has no array type, and tags cannot contain commas. */
  tags: string;
  status: string;
  suggestedById: string;
  suggestedByName: string;
  suggestedAt: string;
  decidedById?: string;
  decidedByName?: string;
  decidedAt?: string;
  rejectionReason?: string;
}

/** A handbook entry as stored: the entity's text fields, its author flattened, keys beside. */
export type HandbookRow = Pick<
  HandbookEntryEntity,
  "etag" | "title" | "body" | "version" | "archived" | "createdAt" | "updatedAt"
> & {
  partitionKey: string;
  rowKey: string;
  updatedById: string;
  updatedByName: string;
  lastResurfacedAt?: string;
};

export type AnyRow = Partial<ResourceRow> & Partial<HandbookRow> & { rowKey: string; etag: string };

export function resourceFromRow(row: ResourceRow): ResourceEntity {
  return {
    id: row.rowKey.slice("resource|".length),
    section: librarySectionSchema.catch("tools").parse(row.section),
    title: row.title,
    url: row.url,
    why: row.why,
    tags: row.tags ? row.tags.split(",") : [],
    status: resourceStatusSchema.catch("suggested").parse(row.status),
    suggestedBy: { id: row.suggestedById, displayName: row.suggestedByName },
    suggestedAt: row.suggestedAt,
    decidedBy:
      row.decidedById !== undefined
        ? { id: row.decidedById, displayName: row.decidedByName ?? "" }
        : null,
    decidedAt: row.decidedAt ?? null,
    rejectionReason: row.rejectionReason ?? null,
    etag: row.etag,
  };
}

export function resourceRow(partitionKey: string, resource: Omit<ResourceEntity, "etag">) {
  return {
    partitionKey,
    rowKey: resourceKey(resource.id),
    section: resource.section,
    title: resource.title,
    url: resource.url,
    why: resource.why,
    tags: resource.tags.join(","),
    status: resource.status,
    suggestedById: resource.suggestedBy.id,
    suggestedByName: resource.suggestedBy.displayName,
    suggestedAt: resource.suggestedAt,
    ...(resource.decidedBy
      ? { decidedById: resource.decidedBy.id, decidedByName: resource.decidedBy.displayName }
      : {}),
    ...(resource.decidedAt ? { decidedAt: resource.decidedAt } : {}),
    ...(resource.rejectionReason ? { rejectionReason: resource.rejectionReason } : {}),
  };
}

export function handbookFromRow(row: HandbookRow): HandbookEntryEntity {
  return {
    id: row.rowKey.slice("handbook|".length),
    title: row.title,
    body: row.body,
    version: row.version,
    archived: row.archived,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: { id: row.updatedById, displayName: row.updatedByName },
    lastResurfacedAt: row.lastResurfacedAt ?? null,
    etag: row.etag,
  };
}
