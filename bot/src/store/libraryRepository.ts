import { createHash, randomUUID } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import {
  librarySectionSchema,
  normalizeResourceUrl,
  resourceStatusSchema,
  type LibrarySection,
  type PersonRef,
  type ResourceStatus,
} from "@practice-hub/shared";
import { readPage } from "./paging";
import { conditionalWrite, readOrNull, requireEtag } from "./rows";
import { ConcurrencyError, isConflict } from "./storageErrors";
import { communityPartitionKey, odataString, prefixUpperBound } from "./tables";

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
  list(
    tenantId: string,
    communityId: string,
  ): Promise<{ resources: ResourceEntity[]; handbook: HandbookEntryEntity[] }>;
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
  findResource(tenantId: string, communityId: string, id: string): Promise<ResourceEntity | null>;
  /** Replaces the resource conditional on its ETag; ConcurrencyError when someone was first. */
  updateResource(props: {
    tenantId: string;
    communityId: string;
    resource: Omit<ResourceEntity, "etag">;
    expectedEtag: string;
  }): Promise<ResourceEntity>;
  /** One point read of a handbook entry. */
  findHandbookEntry(
    tenantId: string,
    communityId: string,
    id: string,
  ): Promise<HandbookEntryEntity | null>;
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

const resourceKey = (id: string) => `resource|${id}`;
const handbookKey = (id: string) => `handbook|${id}`;
/** Guard rows make "one resource per page" a storage constraint, not a hope. */
const urlKey = (url: string) =>
  `url|${createHash("sha256").update(normalizeResourceUrl(url)).digest("hex").slice(0, 40)}`;
// History rows sort after every current row ("version|" > "url|" > "resource|" > "handbook|"),
// so listing the library never reads history, however long it grows.
const maxVersion = 9_999_999_999;
const historyKey = (id: string, version: number) =>
  `version|${id}|${String(maxVersion - version).padStart(10, "0")}`;

interface ResourceRow {
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

interface HandbookRow {
  partitionKey: string;
  rowKey: string;
  etag: string;
  title: string;
  body: string;
  version: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  updatedById: string;
  updatedByName: string;
  lastResurfacedAt?: string;
}

type AnyRow = Partial<ResourceRow> & Partial<HandbookRow> & { rowKey: string; etag: string };

function resourceFromRow(row: ResourceRow): ResourceEntity {
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

function resourceRow(partitionKey: string, resource: Omit<ResourceEntity, "etag">) {
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

function handbookFromRow(row: HandbookRow): HandbookEntryEntity {
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

/** The Table Storage implementation of LibraryRepository. */
export function createLibraryRepository(table: TableClient): LibraryRepository {
  return {
    async list(tenantId, communityId) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      const rows = table.listEntities<AnyRow>({
        queryOptions: {
          filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${"handbook|"} and RowKey lt ${prefixUpperBound("resource")}`,
        },
      });
      const resources: ResourceEntity[] = [];
      const handbook: HandbookEntryEntity[] = [];
      for await (const row of rows) {
        if (row.rowKey.startsWith("resource|")) resources.push(resourceFromRow(row as ResourceRow));
        else if (row.rowKey.startsWith("handbook|"))
          handbook.push(handbookFromRow(row as HandbookRow));
      }
      return { resources, handbook };
    },

    async listPage({ tenantId, communityId, reader, limit, cursor }) {
      const visibleEntries = `RowKey lt 'handbook}' and archived eq false`;
      const visibleResources =
        `RowKey ge 'resource|' and (status eq 'approved' or ` +
        `suggestedById eq ${odataString(reader.userId)})`;
      const { rows, nextCursor } = await readPage<AnyRow>({
        table,
        partitionKey: communityPartitionKey(tenantId, communityId),
        range: { lower: "handbook|", upper: prefixUpperBound("resource") },
        limit,
        cursor,
        ...(reader.curator ? {} : { filter: `(${visibleEntries}) or (${visibleResources})` }),
        belongs: (rowKey) => rowKey.startsWith("handbook|") || rowKey.startsWith("resource|"),
      });
      const resources: ResourceEntity[] = [];
      const handbook: HandbookEntryEntity[] = [];
      for (const row of rows) {
        if (row.rowKey.startsWith("resource|")) resources.push(resourceFromRow(row as ResourceRow));
        else handbook.push(handbookFromRow(row as HandbookRow));
      }
      return { resources, handbook, nextCursor };
    },

    async suggest({ tenantId, communityId, resource }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      const id = randomUUID();
      const entity: Omit<ResourceEntity, "etag"> = {
        ...resource,
        id,
        status: "suggested",
        decidedBy: null,
        decidedAt: null,
        rejectionReason: null,
      };
      const guardKey = urlKey(resource.url);
      try {
        const response = await table.submitTransaction([
          ["create", resourceRow(partitionKey, entity)],
          ["create", { partitionKey, rowKey: guardKey, resourceId: id }],
        ]);
        const etag = requireEtag(response.subResponses[0]?.etag, "a transaction");
        return { outcome: "suggested", resource: { ...entity, etag } };
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
      const guard = await readOrNull<{ resourceId: string }>(table, partitionKey, guardKey);
      const existing = guard
        ? await readOrNull<ResourceRow>(table, partitionKey, resourceKey(guard.resourceId))
        : null;
      if (!existing) throw new ConcurrencyError("The URL guard points at no resource.");
      return { outcome: "duplicate", existing: resourceFromRow(existing) };
    },

    async findResource(tenantId, communityId, id) {
      const row = await readOrNull<ResourceRow>(
        table,
        communityPartitionKey(tenantId, communityId),
        resourceKey(id),
      );
      return row ? resourceFromRow(row) : null;
    },

    async updateResource({ tenantId, communityId, resource, expectedEtag }) {
      const row = resourceRow(communityPartitionKey(tenantId, communityId), resource);
      const response = await conditionalWrite("The resource changed since it was read.", () =>
        table.updateEntity(row, "Replace", { etag: expectedEtag }),
      );
      return { ...resource, etag: requireEtag(response.etag, "an update") };
    },

    async findHandbookEntry(tenantId, communityId, id) {
      const row = await readOrNull<HandbookRow>(
        table,
        communityPartitionKey(tenantId, communityId),
        handbookKey(id),
      );
      return row ? handbookFromRow(row) : null;
    },

    async saveHandbookEntry({ tenantId, communityId, entry, expectedEtag }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      const fields = {
        title: entry.title,
        body: entry.body,
        version: entry.version,
        archived: entry.archived,
        createdAt: entry.createdAt,
        updatedAt: entry.updatedAt,
        updatedById: entry.updatedBy.id,
        updatedByName: entry.updatedBy.displayName,
        ...(entry.lastResurfacedAt ? { lastResurfacedAt: entry.lastResurfacedAt } : {}),
      };
      const current = { partitionKey, rowKey: handbookKey(entry.id), ...fields };
      const history = { partitionKey, rowKey: historyKey(entry.id, entry.version), ...fields };
      const response = await conditionalWrite("The entry changed since it was read.", () =>
        table.submitTransaction([
          expectedEtag === null
            ? ["create", current]
            : ["update", current, "Replace", { etag: expectedEtag }],
          ["create", history],
        ]),
      );
      return { ...entry, etag: requireEtag(response.subResponses[0]?.etag, "a transaction") };
    },

    async markResurfaced({ tenantId, communityId, id, at, expectedEtag }) {
      const entity = {
        partitionKey: communityPartitionKey(tenantId, communityId),
        rowKey: handbookKey(id),
        lastResurfacedAt: at,
      };
      await conditionalWrite("The entry changed since it was read.", () =>
        table.updateEntity(entity, "Merge", { etag: expectedEtag }),
      );
    },
  };
}
