import { createHash } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import type {
  ConversationKind,
  ConversationReferenceStore,
  StoredConversationReference,
} from "../teams/conversationReferences";
import { readOrNull } from "./rows";
import { isConflict } from "./storageErrors";

interface ConversationReferenceRow {
  partitionKey: string;
  rowKey: string;
  conversationId: string;
  kind: ConversationKind;
  teamId?: string;
  channelId?: string;
  aadObjectId?: string;
  serviceUrl: string;
  reference: string;
  updatedAt: string;
}

/** Conditional writes that lose a race are retried this many times before giving up. */
const maxAttempts = 4;

/**
 * Teams conversation ids contain characters Table Storage forbids in keys ("/", "#", "?") and can
 * be long; a hash gives a short, safe, stable RowKey, and the id itself is kept as a property.
 */
export function conversationRowKey(conversationId: string): string {
  return createHash("sha256").update(conversationId).digest("base64url");
}

function toRow(record: StoredConversationReference): ConversationReferenceRow {
  return {
    partitionKey: record.tenantId,
    rowKey: conversationRowKey(record.conversationId),
    conversationId: record.conversationId,
    kind: record.kind,
    // Absent properties stay absent: Table Storage has no null columns.
    ...(record.teamId ? { teamId: record.teamId } : {}),
    ...(record.channelId ? { channelId: record.channelId } : {}),
    ...(record.aadObjectId ? { aadObjectId: record.aadObjectId } : {}),
    serviceUrl: record.serviceUrl,
    reference: record.reference,
    updatedAt: record.updatedAt,
  };
}

function fromRow(row: ConversationReferenceRow): StoredConversationReference {
  return {
    tenantId: row.partitionKey,
    conversationId: row.conversationId,
    kind: row.kind,
    ...(row.teamId ? { teamId: row.teamId } : {}),
    ...(row.channelId ? { channelId: row.channelId } : {}),
    ...(row.aadObjectId ? { aadObjectId: row.aadObjectId } : {}),
    serviceUrl: row.serviceUrl,
    reference: row.reference,
    updatedAt: row.updatedAt,
  };
}

/**
 * The Table Storage implementation of ConversationReferenceStore over the
 * "conversationReferences" table: PartitionKey = tenant id, RowKey = hash of the conversation id.
 */
export function createConversationReferenceRepository(
  table: TableClient,
): ConversationReferenceStore {
  async function readStored(
    partitionKey: string,
    rowKey: string,
  ): Promise<{ etag: string; updatedAt: string } | null> {
    const entity = await readOrNull<ConversationReferenceRow>(table, partitionKey, rowKey, {
      queryOptions: { select: ["updatedAt"] },
    });
    return entity && { etag: entity.etag, updatedAt: entity.updatedAt };
  }

  return {
    async save(record) {
      const row = toRow(record);
      for (let attempt = 1; ; attempt++) {
        const stored = await readStored(row.partitionKey, row.rowKey);
        // Events can arrive out of order; an older event must not undo a newer one.
        if (stored && stored.updatedAt > row.updatedAt) return;
        try {
          if (stored === null) await table.createEntity(row);
          // Replace, conditional on the version just read: never the SDK's default "*".
          else await table.updateEntity(row, "Replace", { etag: stored.etag });
          return;
        } catch (error) {
          // Another instance wrote the same conversation between our read and write (two
          // events for one install arrive together); read again and write the newer record.
          if (!isConflict(error) || attempt >= maxAttempts) throw error;
        }
      }
    },
    async find({ tenantId, conversationId }) {
      const row = await readOrNull<ConversationReferenceRow>(
        table,
        tenantId,
        conversationRowKey(conversationId),
      );
      return row ? fromRow(row) : null;
    },
    async listForTenant({ tenantId }) {
      const rows = table.listEntities<ConversationReferenceRow>({
        queryOptions: { filter: odata`PartitionKey eq ${tenantId}` },
      });
      const records: StoredConversationReference[] = [];
      for await (const row of rows) records.push(fromRow(row));
      return records;
    },
  };
}
