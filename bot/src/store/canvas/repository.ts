import type { TableClient, TransactionAction } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { conditionalWrite, readOrNull, requireEtag } from "../rows";
import { communityPartitionKey, odataString, prefixUpperBound } from "../tables";
import type {
  CanvasEntity,
  CanvasSectionEntity,
  CanvasVersionEntity,
  CanvasRepository,
} from "./types";
import {
  canvasRowKey,
  sectionKey,
  historyPrefix,
  historyKey,
  type CanvasRow,
  type SectionRow,
  type AnyRow,
  canvasFromRow,
  versionFromRow,
  sectionIdOf,
} from "./rows";

/** The Table Storage implementation of CanvasRepository. */
export function createCanvasRepository(table: TableClient): CanvasRepository {
  return {
    async read({ tenantId, communityId }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      // RowKeys sort "canvas" < "section|..." < "version|...": this range is the canvas row and
      // the seven sections, whatever the length of the history.
      const rows = table.listEntities<AnyRow>({
        queryOptions: {
          filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${canvasRowKey} and RowKey lt ${prefixUpperBound("section")}`,
        },
      });
      let canvas: CanvasEntity | null = null;
      const sections: CanvasSectionEntity[] = [];
      for await (const row of rows) {
        if (row.rowKey === canvasRowKey) {
          canvas = canvasFromRow(row);
          continue;
        }
        const sectionId = row.rowKey.startsWith("section|") ? sectionIdOf(row.rowKey) : undefined;
        if (sectionId) {
          sections.push({ ...versionFromRow(row as SectionRow, sectionId), etag: row.etag });
        }
      }
      return { canvas, sections };
    },

    async readCanvas({ tenantId, communityId }) {
      const row = await readOrNull<CanvasRow>(
        table,
        communityPartitionKey(tenantId, communityId),
        canvasRowKey,
      );
      return row ? canvasFromRow(row) : null;
    },

    async readSection({ tenantId, communityId, sectionId }) {
      const row = await readOrNull<SectionRow>(
        table,
        communityPartitionKey(tenantId, communityId),
        sectionKey(sectionId),
      );
      return row ? { ...versionFromRow(row, sectionId), etag: row.etag } : null;
    },

    async createCanvas({ tenantId, communityId, reviewedAt, reviewedBy }) {
      await table.createEntity({
        partitionKey: communityPartitionKey(tenantId, communityId),
        rowKey: canvasRowKey,
        ...(reviewedAt !== undefined && reviewedBy !== undefined
          ? { reviewedAt, reviewedById: reviewedBy.id, reviewedByName: reviewedBy.displayName }
          : {}),
      });
    },

    async removeCanvas({ tenantId, communityId }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      const rows = table.listEntities({
        queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ["RowKey"] },
      });
      const keys: string[] = [];
      for await (const row of rows) if (row.rowKey) keys.push(row.rowKey);
      // A transaction holds at most 100 actions, all in one partition.
      for (let start = 0; start < keys.length; start += 100) {
        await table.submitTransaction(
          keys
            .slice(start, start + 100)
            .map((rowKey): TransactionAction => ["delete", { partitionKey, rowKey }]),
        );
      }
    },

    async saveSection(write) {
      const partitionKey = communityPartitionKey(write.tenantId, write.communityId);
      const fields = {
        content: write.content,
        version: write.version,
        updatedAt: write.updatedAt,
        updatedById: write.updatedBy.id,
        updatedByName: write.updatedBy.displayName,
      };
      const section = { partitionKey, rowKey: sectionKey(write.sectionId), ...fields };
      const history = {
        partitionKey,
        rowKey: historyKey(write.sectionId, write.version),
        ...fields,
      };
      const sectionAction: TransactionAction =
        write.expectedEtag === null
          ? ["create", section]
          : ["update", section, "Replace", { etag: write.expectedEtag }];
      const response = await conditionalWrite("The section changed since it was read.", () =>
        table.submitTransaction([sectionAction, ["create", history]]),
      );
      // Sub-responses come in request order; their rowKey is URL-encoded and absent on updates,
      // so the section's ETag is read by position.
      const etag = requireEtag(response.subResponses[0]?.etag, "a transaction");
      return { ...versionFromRow(section, write.sectionId), etag };
    },

    async markReviewed({ tenantId, communityId, reviewedAt, reviewedBy, expectedEtag }) {
      const entity = {
        partitionKey: communityPartitionKey(tenantId, communityId),
        rowKey: canvasRowKey,
        reviewedAt,
        reviewedById: reviewedBy.id,
        reviewedByName: reviewedBy.displayName,
      };
      const response = await conditionalWrite("The canvas changed since it was read.", () =>
        table.updateEntity(entity, "Merge", { etag: expectedEtag }),
      );
      return { reviewedAt, reviewedBy, etag: requireEtag(response.etag, "an update") };
    },

    async listVersions({ tenantId, communityId, sectionId, limit, afterKey }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      const lower = afterKey
        ? `RowKey gt ${odataString(afterKey)}`
        : `RowKey ge ${odataString(historyPrefix(sectionId))}`;
      const upper = `RowKey lt ${odataString(prefixUpperBound(historyPrefix(sectionId)))}`;
      // The canvas row rides along in the same query (an OR inside one partition), so a page of
      // history also tells whether the community exists: one round trip, not two.
      const filter = `PartitionKey eq ${odataString(partitionKey)} and (RowKey eq ${odataString(canvasRowKey)} or (${lower} and ${upper}))`;
      const rows = table.listEntities<AnyRow>({ queryOptions: { filter } });
      let canvas: CanvasEntity | null = null;
      const versions: CanvasVersionEntity[] = [];
      const keys: string[] = [];
      let more = false;
      // One more than asked tells whether another page exists; the canvas row is the other extra.
      pages: for await (const page of rows.byPage({ maxPageSize: limit + 2 })) {
        for (const row of page) {
          if (row.rowKey === canvasRowKey) {
            canvas = canvasFromRow(row);
            continue;
          }
          if (versions.length === limit) {
            more = true;
            break pages;
          }
          versions.push(versionFromRow(row as SectionRow, sectionId));
          keys.push(row.rowKey);
        }
      }
      return { canvas, versions, lastKey: more ? (keys[keys.length - 1] ?? null) : null };
    },
  };
}
