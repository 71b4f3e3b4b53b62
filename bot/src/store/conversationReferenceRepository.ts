import { createHash } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import type {
  ConversationReferenceStore,
  StoredConversationReference,
} from "../teams/conversationReferences";
import { readOrNull } from "./rows";
import { isConflict } from "./storageErrors";

/** A record as stored: its tenant is the PartitionKey, its conversation's hash the RowKey. */
export type ConversationReferenceRow = Omit<StoredConversationReference, "tenantId"> & {
  partitionKey: string;
  rowKey: string;
};

/** Conditional writes that lose a race are retried this many times before giving up. */
const maxAttempts = 4;

/**
 * Teams conversation ids contain characters Table Storage forbids in keys ("/", "#", "?") and can
 * be long; a hash gives a short, safe, stable RowKey, and the id itself is kept as a property.
 */
export function conversationRowKey(conversationId: string): string {
  return createHash("sha256").update(conversationId).digest("base64url");
}

/** The fields of a record or a row, without their keys; absent ids stay absent (no null columns). */
function fieldsOf(
  from: Omit<StoredConversationReference, "tenantId">,
): Omit<StoredConversationReference, "tenantId"> {
  return {
    conversationId: from.conversationId,
    kind: from.kind,
    ...(from.teamId ? { teamId: from.teamId } : {}),
    ...(from.channelId ? { channelId: from.channelId } : {}),
    ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
    serviceUrl: from.serviceUrl,
    reference: from.reference,
    updatedAt: from.updatedAt,
  };
}

function toRow(record: StoredConversationReference): ConversationReferenceRow {
  return {
    partitionKey: record.tenantId,
    rowKey: conversationRowKey(record.conversationId),
    ...fieldsOf(record),
  };
}

/** A stored row as the record it holds (extra row properties, such as the etag, left out). */
export function conversationReferenceFromRow(
  row: ConversationReferenceRow,
): StoredConversationReference {
  return { tenantId: row.partitionKey, ...fieldsOf(row) };
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
      return row ? conversationReferenceFromRow(row) : null;
    },
    async listForTenant({ tenantId }) {
      const rows = table.listEntities<ConversationReferenceRow>({
        queryOptions: { filter: odata`PartitionKey eq ${tenantId}` },
      });
      const records: StoredConversationReference[] = [];
      for await (const row of rows) records.push(conversationReferenceFromRow(row));
      return records;
    },
  };
}
