import type { TableClient, TransactionAction } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { canvasSectionIdSchema, type CanvasSectionId, type PersonRef } from "@practice-hub/shared";
import { conditionalWrite, readOrNull, requireEtag } from "./rows";
import { communityPartitionKey, odataString, prefixUpperBound } from "./tables";

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
  read(
    tenantId: string,
    communityId: string,
  ): Promise<{ canvas: CanvasEntity | null; sections: CanvasSectionEntity[] }>;
  /** One point read of the canvas row. */
  readCanvas(tenantId: string, communityId: string): Promise<CanvasEntity | null>;
  /** One point read of a section's current text. */
  readSection(
    tenantId: string,
    communityId: string,
    sectionId: CanvasSectionId,
  ): Promise<CanvasSectionEntity | null>;
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
  removeCanvas(tenantId: string, communityId: string): Promise<void>;
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

const canvasRowKey = "canvas";
const sectionKey = (sectionId: string) => `section|${sectionId}`;
// History rows use "version|", which sorts after "section|": the canvas row and the current
// sections stay one contiguous range that never grows with history.
const historyPrefix = (sectionId: string) => `version|${sectionId}`;
/** Versions count down from here so that RowKeys sort newest first. */
const maxVersion = 9_999_999_999;
const historyKey = (sectionId: string, version: number) =>
  `${historyPrefix(sectionId)}|${String(maxVersion - version).padStart(10, "0")}`;

/** True when `key` is a history RowKey of the section (used to validate cursors). */
export function isHistoryKeyOf(key: string, sectionId: CanvasSectionId): boolean {
  return new RegExp(`^version\\|${sectionId}\\|\\d{10}$`).test(key);
}

interface CanvasRow {
  partitionKey: string;
  rowKey: string;
  etag: string;
  reviewedAt?: string;
  reviewedById?: string;
  reviewedByName?: string;
}

interface SectionRow {
  partitionKey: string;
  rowKey: string;
  etag: string;
  content: string;
  version: number;
  updatedAt: string;
  updatedById: string;
  updatedByName: string;
}

type AnyRow = CanvasRow & Partial<SectionRow>;

function canvasFromRow(row: CanvasRow): CanvasEntity {
  const reviewedBy =
    row.reviewedById !== undefined
      ? { id: row.reviewedById, displayName: row.reviewedByName ?? "" }
      : null;
  return { reviewedAt: row.reviewedAt ?? null, reviewedBy, etag: row.etag };
}

function versionFromRow(row: Omit<SectionRow, "etag">, sectionId: CanvasSectionId) {
  return {
    sectionId,
    content: row.content,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedBy: { id: row.updatedById, displayName: row.updatedByName },
  };
}

function sectionIdOf(rowKey: string): CanvasSectionId | undefined {
  return canvasSectionIdSchema.safeParse(rowKey.split("|")[1]).data;
}

/** The Table Storage implementation of CanvasRepository. */
export function createCanvasRepository(table: TableClient): CanvasRepository {
  return {
    async read(tenantId, communityId) {
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

    async readCanvas(tenantId, communityId) {
      const row = await readOrNull<CanvasRow>(
        table,
        communityPartitionKey(tenantId, communityId),
        canvasRowKey,
      );
      return row ? canvasFromRow(row) : null;
    },

    async readSection(tenantId, communityId, sectionId) {
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

    async removeCanvas(tenantId, communityId) {
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
