import type { TableClient, TransactionAction } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { readOrNull } from "../rows";
import { isConflict, isNotFound } from "../storageErrors";
import { prefixUpperBound } from "../tables";
import type {
  DeliveryState,
  UnreachableConversation,
  StoredDelivery,
  DeliveryRecordRepository,
} from "./types";
import {
  unreachablePrefix,
  type DeliveryRow,
  type UnreachableRow,
  deliveryRowKey,
  toRow,
  fromRow,
} from "./rows";

/** The Table Storage implementation of DeliveryRecordRepository. */
export function createDeliveryRecordRepository(table: TableClient): DeliveryRecordRepository {
  function keysOf(record: StoredDelivery) {
    return { partitionKey: record.tenantId, rowKey: deliveryRowKey(record.key) };
  }

  async function find({
    tenantId,
    key,
  }: {
    tenantId: string;
    key: string;
  }): Promise<StoredDelivery | null> {
    const row = await readOrNull<DeliveryRow>(table, tenantId, deliveryRowKey(key));
    return row ? fromRow(row) : null;
  }

  /**
   * Outcomes need no ETag: only the claim holder sends, and a sent record is final whoever
   * writes it. Failed and unreachable ones leave that state only through `requeue`, on a person's
   * request, never by a worker.
   */
  async function finish(
    record: StoredDelivery,
    fields: { state: DeliveryState; activityId?: string; reason?: string; now: Date },
  ): Promise<void> {
    const { now, ...rest } = fields;
    await table.updateEntity(
      { ...keysOf(record), ...rest, claimedUntil: now.toISOString(), updatedAt: now.toISOString() },
      "Merge",
    );
  }

  /**
   * A send to a conversation listed as unreachable went through (the person unblocked the bot,
   * or the chat came back): champions should no longer see it. Only a refusal older than this
   * send is removed, and only the version read, so a newer refusal written meanwhile stays.
   */
  async function clearUnreachable(record: StoredDelivery, now: Date): Promise<void> {
    const rowKey = unreachablePrefix + record.conversationKey;
    try {
      const row = await table.getEntity<UnreachableRow>(record.tenantId, rowKey);
      if (row.since > now.toISOString()) return;
      await table.deleteEntity(record.tenantId, rowKey, { etag: row.etag });
    } catch (error) {
      if (!isNotFound(error) && !isConflict(error)) throw error;
    }
  }

  return {
    async create({ delivery, now }) {
      try {
        await table.createEntity(toRow(delivery, now));
        return null;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
      const stored = await find({ tenantId: delivery.tenantId, key: delivery.key });
      if (!stored) throw new Error(`delivery ${delivery.key} vanished while being created`);
      return stored;
    },
    find,
    async claim({ record, by, until, now }) {
      const fields = {
        // Pins the creation instant of a row written before it was stored (a no-op otherwise).
        createdAt: record.createdAt,
        claimedBy: by,
        claimedUntil: until.toISOString(),
        updatedAt: now.toISOString(),
      };
      try {
        const response = await table.updateEntity({ ...keysOf(record), ...fields }, "Merge", {
          etag: record.etag,
        });
        return { ...record, ...fields, etag: response.etag ?? record.etag };
      } catch (error) {
        if (isConflict(error)) return null;
        throw error;
      }
    },
    async markSent({ record, activityId, now }) {
      await finish(record, { state: "sent", ...(activityId ? { activityId } : {}), now });
      await clearUnreachable(record, now);
    },
    async deferRetry({ record, until, attempts, now }) {
      try {
        await table.updateEntity(
          {
            ...keysOf(record),
            attempts,
            claimedUntil: until.toISOString(),
            updatedAt: now.toISOString(),
          },
          "Merge",
          { etag: record.etag },
        );
      } catch (error) {
        // Our claim ran out and another worker took the key: its own outcome counts.
        if (!isConflict(error)) throw error;
      }
    },
    async markUnreachable({ record, reason, now }) {
      const unreachable: UnreachableRow = {
        partitionKey: record.tenantId,
        rowKey: unreachablePrefix + record.conversationKey,
        reason,
        since: now.toISOString(),
      };
      // One transaction: the record and the champions' list never disagree.
      const actions: TransactionAction[] = [
        [
          "update",
          {
            ...keysOf(record),
            state: "unreachable",
            reason,
            claimedUntil: now.toISOString(),
            updatedAt: now.toISOString(),
          },
          "Merge",
        ],
        ["upsert", unreachable, "Replace"],
      ];
      await table.submitTransaction(actions);
    },
    markFailed({ record, reason, now }) {
      return finish(record, { state: "failed", reason, now });
    },
    async requeue({ record, delivery, now }) {
      if (record.state !== "failed" && record.state !== "unreachable") {
        throw new Error(
          `delivery ${record.key} is ${record.state}: only an undelivered one is queued again`,
        );
      }
      if (delivery.key !== record.key || delivery.tenantId !== record.tenantId) {
        throw new Error(`delivery ${delivery.key} is not the record ${record.key}`);
      }
      try {
        // Replace, not merge: the old reason, claim and leftover card chunks go with it.
        await table.updateEntity(toRow(delivery, now), "Replace", { etag: record.etag });
        return true;
      } catch (error) {
        if (isConflict(error)) return false;
        throw error;
      }
    },
    async listUnreachable({ tenantId }) {
      const rows = table.listEntities<UnreachableRow>({
        queryOptions: {
          filter: odata`PartitionKey eq ${tenantId} and RowKey gt ${unreachablePrefix} and RowKey lt ${prefixUpperBound("unreachable")}`,
        },
      });
      const list: UnreachableConversation[] = [];
      for await (const row of rows) {
        list.push({
          tenantId: row.partitionKey,
          conversationKey: row.rowKey.slice(unreachablePrefix.length),
          reason: row.reason,
          since: row.since,
        });
      }
      return list;
    },
  };
}
