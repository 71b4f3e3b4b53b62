import { createHash } from "node:crypto";
import type { TableClient, TableEntityResult, TransactionAction } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { readOrNull } from "./rows";
import { isConflict, isNotFound } from "./storageErrors";
import { prefixUpperBound } from "./tables";

/*
 * What the delivery backbone (bot/src/jobs, DESIGN.md "Proactive messages and jobs") hands the
 * store and reads back; the jobs' contract re-exports these types.
 */

/** One message for one conversation, identified by an idempotency key. */
export interface Delivery {
  /**
   * The idempotency key: one per (job, recipient, period), e.g.
   * "reminder:<tenant>:<occurrence>:<offset>" or "digest:<tenant>:<recipient>:<isoWeek>".
   * A key that was delivered once is never delivered again.
   */
  key: string;
  tenantId: string;
  /**
   * The conversation, as the store names it for deliveries (`store.conversationKeyOf`): opaque
   * outside the store.
   */
  conversationKey: string;
  /** The Adaptive Card JSON sent as the message's only attachment. */
  card: object;
  /** The notification text Teams shows in the activity feed and previews. */
  summary: string;
}

/** Where a delivery key stands; champions see the unreachable ones. */
export type DeliveryState = "pending" | "sent" | "unreachable" | "failed";

/** The idempotency record of one delivery key. */
export interface DeliveryRecord {
  key: string;
  tenantId: string;
  conversationKey: string;
  state: DeliveryState;
  /** The activity id Teams gave the message, when sent: reminders update their card with it. */
  activityId?: string;
  /** Why the delivery is unreachable or failed. */
  reason?: string;
  /** ISO instant of the last change. */
  updatedAt: string;
}

/** A conversation Teams refused with 403 MessageWritesBlocked. */
export interface UnreachableConversation {
  tenantId: string;
  conversationKey: string;
  reason: string;
  /** ISO instant of the refusal. */
  since: string;
}

const deliveryPrefix = "delivery|";
const unreachablePrefix = "unreachable|";
/** Table Storage caps a string property at 64 KiB (32 K UTF-16 characters); cards can be 80 KB. */
const chunkLength = 30_000;

/** A delivery's idempotency record as stored, with the delivery itself and its claim. */
export interface StoredDelivery extends DeliveryRecord {
  delivery: Delivery;
  /** Send attempts that Teams asked to retry so far; a 429 with Retry-After is not one. */
  attempts: number;
  /** ISO instant the record was first written: the budget of a throttled delivery runs from it. */
  createdAt: string;
  /** The worker sending it now, until `claimedUntil` (ISO); absent when unclaimed. */
  claimedBy?: string;
  claimedUntil?: string;
  etag: string;
}

/**
 * The idempotency records of proactive deliveries, in the "deliveries" table: one row per key in
 * the tenant's partition. The row is written before the queue message, carries the card (queue
 * messages are too small for an 80 KB card) and ends in a state: sent, unreachable or failed.
 * Sent is final; failed and unreachable stay so until a person asks to try again (`requeue`).
 * A key is sent only by the worker holding its claim.
 */
export interface DeliveryRecordRepository {
  /** Inserts a pending record; resolves null when created, else the record already stored. */
  create(delivery: Delivery, now: Date): Promise<StoredDelivery | null>;
  find(tenantId: string, key: string): Promise<StoredDelivery | null>;
  /**
   * Claims a pending record for one send, conditional on the version read. Resolves the claimed
   * record, or null when another worker changed it first.
   */
  claim(
    record: StoredDelivery,
    claim: { by: string; until: Date; now: Date },
  ): Promise<StoredDelivery | null>;
  /** Terminal: Teams accepted the message. A refusal listed earlier for the conversation is cleared. */
  markSent(record: StoredDelivery, props: { activityId?: string; now: Date }): Promise<void>;
  /** Teams asked to retry: stores the attempts so far and keeps others off the key until `until`. */
  deferRetry(
    record: StoredDelivery,
    props: { until: Date; attempts: number; now: Date },
  ): Promise<void>;
  /** Terminal: 403 MessageWritesBlocked; the conversation is listed as unreachable too. */
  markUnreachable(record: StoredDelivery, props: { reason: string; now: Date }): Promise<void>;
  /** Terminal: refused for good, or out of attempts. */
  markFailed(record: StoredDelivery, props: { reason: string; now: Date }): Promise<void>;
  /**
   * A person asked to try a failed or unreachable delivery again: the record is pending once
   * more, with `delivery`'s card, no attempts, no claim and a fresh budget, conditional on the
   * version read. False when it changed since (someone queued it again first). A sent record is
   * refused: a successful delivery is never sent twice.
   */
  requeue(record: StoredDelivery, delivery: Delivery, now: Date): Promise<boolean>;
  /** The tenant's unreachable conversations: one partition range query. */
  listUnreachable(tenantId: string): Promise<UnreachableConversation[]>;
}

interface DeliveryRow {
  partitionKey: string;
  rowKey: string;
  key: string;
  conversationKey: string;
  summary: string;
  cardChunks: number;
  state: DeliveryState;
  attempts: number;
  claimedBy?: string;
  claimedUntil?: string;
  activityId?: string;
  reason?: string;
  /** Absent on rows written before it existed; the first claim stores it. */
  createdAt?: string;
  updatedAt: string;
  [chunk: `card${number}`]: string;
}

type UnreachableRow = {
  partitionKey: string;
  rowKey: string;
  reason: string;
  since: string;
};

/** Keys may hold characters Table Storage forbids in a RowKey ("/", "#", "?"): hash them. */
export function deliveryRowKey(key: string): string {
  return deliveryPrefix + createHash("sha256").update(key).digest("base64url");
}

function toRow(delivery: Delivery, now: Date): DeliveryRow {
  const card = JSON.stringify(delivery.card);
  const row: DeliveryRow = {
    partitionKey: delivery.tenantId,
    rowKey: deliveryRowKey(delivery.key),
    key: delivery.key,
    conversationKey: delivery.conversationKey,
    summary: delivery.summary,
    cardChunks: Math.max(1, Math.ceil(card.length / chunkLength)),
    state: "pending",
    attempts: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  for (let index = 0; index < row.cardChunks; index += 1) {
    row[`card${index}`] = card.slice(index * chunkLength, (index + 1) * chunkLength);
  }
  return row;
}

function fromRow(row: TableEntityResult<DeliveryRow>): StoredDelivery {
  let card = "";
  for (let index = 0; index < row.cardChunks; index += 1) card += row[`card${index}`] ?? "";
  return {
    key: row.key,
    tenantId: row.partitionKey,
    conversationKey: row.conversationKey,
    state: row.state,
    ...(row.activityId ? { activityId: row.activityId } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    updatedAt: row.updatedAt,
    delivery: {
      key: row.key,
      tenantId: row.partitionKey,
      conversationKey: row.conversationKey,
      summary: row.summary,
      card: JSON.parse(card) as object,
    },
    attempts: row.attempts,
    createdAt: row.createdAt ?? row.updatedAt,
    ...(row.claimedBy ? { claimedBy: row.claimedBy } : {}),
    ...(row.claimedUntil ? { claimedUntil: row.claimedUntil } : {}),
    etag: row.etag,
  };
}

/** The Table Storage implementation of DeliveryRecordRepository. */
export function createDeliveryRecordRepository(table: TableClient): DeliveryRecordRepository {
  function keysOf(record: StoredDelivery) {
    return { partitionKey: record.tenantId, rowKey: deliveryRowKey(record.key) };
  }

  async function find(tenantId: string, key: string): Promise<StoredDelivery | null> {
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
    async create(delivery, now) {
      try {
        await table.createEntity(toRow(delivery, now));
        return null;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
      const stored = await find(delivery.tenantId, delivery.key);
      if (!stored) throw new Error(`delivery ${delivery.key} vanished while being created`);
      return stored;
    },
    find,
    async claim(record, { by, until, now }) {
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
    async markSent(record, { activityId, now }) {
      await finish(record, { state: "sent", ...(activityId ? { activityId } : {}), now });
      await clearUnreachable(record, now);
    },
    async deferRetry(record, { until, attempts, now }) {
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
    async markUnreachable(record, { reason, now }) {
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
    markFailed(record, { reason, now }) {
      return finish(record, { state: "failed", reason, now });
    },
    async requeue(record, delivery, now) {
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
    async listUnreachable(tenantId) {
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
