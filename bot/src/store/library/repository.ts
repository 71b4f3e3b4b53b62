import { randomUUID } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { readPage } from "../paging";
import { conditionalWrite, readOrNull, requireEtag } from "../rows";
import { ConcurrencyError, isConflict } from "../storageErrors";
import { communityPartitionKey, odataString, prefixUpperBound } from "../tables";
import type { ResourceEntity, HandbookEntryEntity, LibraryRepository } from "./types";
import {
  resourceKey,
  handbookKey,
  urlKey,
  historyKey,
  type ResourceRow,
  type HandbookRow,
  type AnyRow,
  resourceFromRow,
  resourceRow,
  handbookFromRow,
} from "./rows";

/** The Table Storage implementation of LibraryRepository. */
export function createLibraryRepository(table: TableClient): LibraryRepository {
  return {
    async list({ tenantId, communityId }) {
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

    async findResource({ tenantId, communityId, id }) {
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

    async findHandbookEntry({ tenantId, communityId, id }) {
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
