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
  create(props: { delivery: Delivery; now: Date }): Promise<StoredDelivery | null>;
  find(props: { tenantId: string; key: string }): Promise<StoredDelivery | null>;
  /**
   * Claims a pending record for one send, conditional on the version read. Resolves the claimed
   * record, or null when another worker changed it first.
   */
  claim(props: {
    record: StoredDelivery;
    by: string;
    until: Date;
    now: Date;
  }): Promise<StoredDelivery | null>;
  /** Terminal: Teams accepted the message. A refusal listed earlier for the conversation is cleared. */
  markSent(props: { record: StoredDelivery; activityId?: string; now: Date }): Promise<void>;
  /** Teams asked to retry: stores the attempts so far and keeps others off the key until `until`. */
  deferRetry(props: {
    record: StoredDelivery;
    until: Date;
    attempts: number;
    now: Date;
  }): Promise<void>;
  /** Terminal: 403 MessageWritesBlocked; the conversation is listed as unreachable too. */
  markUnreachable(props: { record: StoredDelivery; reason: string; now: Date }): Promise<void>;
  /** Terminal: refused for good, or out of attempts. */
  markFailed(props: { record: StoredDelivery; reason: string; now: Date }): Promise<void>;
  /**
   * A person asked to try a failed or unreachable delivery again: the record is pending once
   * more, with `delivery`'s card, no attempts, no claim and a fresh budget, conditional on the
   * version read. False when it changed since (someone queued it again first). A sent record is
   * refused: a successful delivery is never sent twice.
   */
  requeue(props: { record: StoredDelivery; delivery: Delivery; now: Date }): Promise<boolean>;
  /** The tenant's unreachable conversations: one partition range query. */
  listUnreachable(props: { tenantId: string }): Promise<UnreachableConversation[]>;
}
