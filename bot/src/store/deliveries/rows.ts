/**
 * How delivery records (with their card in chunks) and unreachable conversations are laid out in Table Storage: RowKeys, row shapes and the mapping between
 * rows and entities. Only ./repository.ts uses it; nothing outside the store sees a row.
 */
import { createHash } from "node:crypto";
import type { TableEntityResult } from "@azure/data-tables";
import type { Delivery, DeliveryState, StoredDelivery } from "./types";

const deliveryPrefix = "delivery|";
export const unreachablePrefix = "unreachable|";
/** Table Storage caps a string property at 64 KiB (32 K UTF-16 characters); cards can be 80 KB. */
const chunkLength = 30_000;
export interface DeliveryRow {
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

export type UnreachableRow = {
  partitionKey: string;
  rowKey: string;
  reason: string;
  since: string;
};

/** Keys may hold characters Table Storage forbids in a RowKey ("/", "#", "?"): hash them. */
export function deliveryRowKey(key: string): string {
  return deliveryPrefix + createHash("sha256").update(key).digest("base64url");
}

export function toRow(delivery: Delivery, now: Date): DeliveryRow {
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

export function fromRow(row: TableEntityResult<DeliveryRow>): StoredDelivery {
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
