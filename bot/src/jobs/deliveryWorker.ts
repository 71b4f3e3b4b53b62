import { setMaxListeners } from "node:events";
import type { Logger } from "../logger";
import type { WorkQueue, QueuedMessage } from "../queue";
import type { DeliveryRecordRepository, StoredDelivery, ConversationKeyLookup } from "../store";
import type { StoredConversationReference } from "../teams/conversationReferences";
import { SimulatedCrash, type FaultHook } from "./faults";
import { decodePointer } from "./queueMessage";
import type { Permit, RateLimiter, SendTarget } from "./rateLimiter";
import { deliveryBudgetMs, maxSendAttempts, retryDelayMs } from "./retryPolicy";
import { sleep } from "./sleep";
import type { ProactiveSender, SendOutcome } from "./types";

/** A conversation wait longer than this frees the worker: the message is hidden instead. */
const deferConversationAfterMs = 1_000;
/**
 * A message received this often without an outcome, once its delivery's budget is spent, is given
 * up (storage trouble, poison). Throttling alone also brings a message back often: the budget
 * keeps that from ending in a lost send.
 */
const maxReceipts = 20;
const budgetHours = deliveryBudgetMs / 3_600_000;
/** Retries waited out in process, within this share of the claim; longer ones go back to the queue. */
const inProcessShare = 0.5;

/** What the worker needs; the scheduler decides whether this instance may send at all. */
export interface DeliveryWorkerProps {
  queue: WorkQueue;
  deliveries: DeliveryRecordRepository;
  conversationByKey: ConversationKeyLookup;
  sender: ProactiveSender;
  limiter: RateLimiter;
  logger: Logger;
  /** This instance's name in claims. */
  workerId: string;
  visibilitySeconds: number;
  concurrency: number;
  /** True while this instance holds the scheduler lease: only the leader sends. */
  mayWork: () => boolean;
  now: () => Date;
  /** Milliseconds on a monotonic clock. */
  clock: () => number;
  faults?: FaultHook;
}

/** The queue consumer: receives pointers, claims the record, sends within the limits, records. */
export interface DeliveryWorker {
  start(): void;
  /**
   * Stops receiving and waits for the deliveries in flight; one waiting for the limiter or for a
   * retry stops waiting and goes back to the queue.
   */
  stop(): Promise<void>;
  /** Works until the queue is empty (hidden messages included) and nothing is in flight. */
  drain(): Promise<void>;
}

/** How long ago the delivery's record was first written. */
function ageMs(record: StoredDelivery, now: Date): number {
  return now.getTime() - Date.parse(record.createdAt);
}

/** Creates the worker. bot/src/jobs/README.md gives the exactly-once argument. */
export function createDeliveryWorker(props: DeliveryWorkerProps): DeliveryWorker {
  const { queue, deliveries, limiter, logger } = props;
  const inFlight = new Set<Promise<void>>();
  let running = false;
  /** Aborted by stop(): every wait of the loop and of the deliveries in flight ends at once. */
  let stopping = new AbortController();
  let loop: Promise<void> | null = null;
  const references = new Map<string, { reference: StoredConversationReference; at: number }>();

  async function referenceFor(record: StoredDelivery): Promise<StoredConversationReference | null> {
    const cacheKey = `${record.tenantId}|${record.conversationKey}`;
    const cached = references.get(cacheKey);
    if (cached && props.clock() - cached.at < 60_000) return cached.reference;
    const reference = await props.conversationByKey({
      tenantId: record.tenantId,
      conversationKey: record.conversationKey,
    });
    if (reference) {
      if (references.size > 10_000) references.clear();
      references.set(cacheKey, { reference, at: props.clock() });
    }
    return reference;
  }

  /** Waits for room in the app's limit; null when the conversation's own limit is far off. */
  async function acquire(target: SendTarget): Promise<Permit | { deferMs: number }> {
    for (;;) {
      // Stopping: the message goes straight back to the queue for whoever leads next.
      if (stopping.signal.aborted) return { deferMs: 0 };
      const acquisition = limiter.tryAcquire(target);
      if ("permit" in acquisition) return acquisition.permit;
      if (acquisition.scope === "conversation" && acquisition.waitMs > deferConversationAfterMs) {
        return { deferMs: acquisition.waitMs };
      }
      await sleep(acquisition.waitMs, stopping.signal);
    }
  }

  async function sendOnce(
    record: StoredDelivery,
    reference: StoredConversationReference,
  ): Promise<SendOutcome> {
    try {
      return await props.sender.send({
        reference,
        card: record.delivery.card,
        summary: record.delivery.summary,
      });
    } catch (error) {
      return { kind: "retry", reason: `sender threw: ${String(error)}` };
    }
  }

  async function handle(message: QueuedMessage): Promise<void> {
    const pointer = decodePointer(message.text);
    if (!pointer) {
      logger.warn({ messageId: message.id }, "dropping a queue message that names no delivery");
      await queue.remove(message);
      return;
    }
    let record = await deliveries.find({ tenantId: pointer.tenantId, key: pointer.key });
    if (!record || record.state !== "pending") {
      // Done already (a duplicate message, or a crash after the record was written).
      await queue.remove(message);
      return;
    }
    const now = props.now();
    if (record.claimedUntil && record.claimedUntil > now.toISOString()) {
      // Another worker is on it, or Teams asked us to wait: come back when that is over.
      await queue.hide(message, (Date.parse(record.claimedUntil) - now.getTime()) / 1_000 + 1);
      return;
    }
    if (message.dequeueCount > maxReceipts && ageMs(record, now) >= deliveryBudgetMs) {
      await deliveries.markFailed({
        record,
        reason: `given up: received ${message.dequeueCount} times without an outcome, and not delivered within ${budgetHours} hours of being queued`,
        now,
      });
      await queue.remove(message);
      return;
    }
    const reference = await referenceFor(record);
    if (!reference) {
      await deliveries.markFailed({ record, reason: "no stored conversation", now });
      await queue.remove(message);
      return;
    }

    const claimMs = props.visibilitySeconds * 1_000;
    // The longest one send may take: an attempt must end before the claim does, or another worker
    // could take the key back and send it a second time while ours is still in flight.
    const sendTimeoutMs = props.sender.timeoutMs ?? 0;
    let claimStarted = 0;
    let claimed = false;
    let attempts = record.attempts;
    for (;;) {
      const acquired = await acquire(record);
      if ("deferMs" in acquired) {
        await queue.hide(message, acquired.deferMs / 1_000);
        return;
      }
      try {
        if (!props.mayWork()) {
          // Leadership moved on while we waited: the new leader gets the message back.
          acquired.cancel();
          return;
        }
        if (!claimed) {
          // Read before the claim is written: its end is counted from here.
          const claimAt = props.clock();
          const mine = await deliveries.claim({
            record,
            by: props.workerId,
            until: new Date(props.now().getTime() + claimMs),
            now: props.now(),
          });
          if (!mine) {
            acquired.cancel();
            return;
          }
          record = mine;
          claimed = true;
          claimStarted = claimAt;
        } else if (props.clock() - claimStarted + sendTimeoutMs >= claimMs) {
          // Waiting for the limiter used up the claim: no time left for a send to finish inside
          // it. Come back once it has ended and take a fresh one; nothing was sent.
          acquired.cancel();
          const leftMs = Math.max(0, claimMs - (props.clock() - claimStarted));
          await queue.hide(message, leftMs / 1_000 + 1);
          return;
        }
        props.faults?.("beforeSend", record.key);
        const outcome = await sendOnce(record, reference);
        const at = props.now();
        if (outcome.kind === "sent") {
          acquired.complete();
          props.faults?.("afterSend", record.key);
          await deliveries.markSent({
            record,
            ...(outcome.activityId ? { activityId: outcome.activityId } : {}),
            now: at,
          });
          props.faults?.("afterRecord", record.key);
          await queue.remove(message);
          return;
        }
        if (outcome.kind === "unreachable") {
          acquired.complete();
          logger.info({ key: record.key, reason: outcome.reason }, "recipient unreachable");
          await deliveries.markUnreachable({ record, reason: outcome.reason, now: at });
          await queue.remove(message);
          return;
        }
        if (outcome.kind === "failed") {
          acquired.complete();
          logger.warn({ key: record.key, reason: outcome.reason }, "delivery refused");
          await deliveries.markFailed({ record, reason: outcome.reason, now: at });
          await queue.remove(message);
          return;
        }
        // Throttled and unavailable answers were not counted as sends by Teams: free the slot.
        if (outcome.status === 429 || (outcome.status ?? 0) >= 500) acquired.cancel();
        else acquired.complete();
        const retryAfterMs = outcome.status === 429 ? outcome.retryAfterMs : undefined;
        if (retryAfterMs !== undefined) {
          // Teams said "later", not "no": no attempt is used up, and the whole conversation waits,
          // so its other deliveries do not run into the same 429 meanwhile.
          limiter.pause(record, props.clock() + retryAfterMs);
          if (ageMs(record, at) >= deliveryBudgetMs) {
            await deliveries.markFailed({
              record,
              reason: `gave up: Teams still throttled it (429) ${budgetHours} hours after it was queued`,
              now: at,
            });
            await queue.remove(message);
            return;
          }
        } else {
          attempts += 1;
          if (attempts >= maxSendAttempts) {
            await deliveries.markFailed({ record, reason: `gave up: ${outcome.reason}`, now: at });
            await queue.remove(message);
            return;
          }
        }
        const delay = retryDelayMs({
          attempt: Math.max(1, attempts),
          ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
        });
        logger.debug({ key: record.key, reason: outcome.reason, delay }, "delivery retried");
        const elapsed = props.clock() - claimStarted;
        if (
          elapsed + delay < claimMs * inProcessShare &&
          elapsed + delay + sendTimeoutMs < claimMs
        ) {
          await sleep(delay, stopping.signal);
          if (!stopping.signal.aborted) continue;
          // Stopped during the wait: the rest of it is spent in the queue, as a longer one is.
        }
        const retryAt = at.getTime() + delay;
        await deliveries.deferRetry({ record, until: new Date(retryAt), attempts, now: at });
        await queue.hide(message, Math.max(0, retryAt - props.now().getTime()) / 1_000);
        return;
      } finally {
        // A permit left open by an error would hold its slot forever and stall the limiter;
        // counting it as used is the safe side (an unused slot only costs one window).
        acquired.complete();
      }
    }
  }

  function track(message: QueuedMessage): void {
    const work = handle(message)
      .catch((error: unknown) => {
        // The message comes back after its visibility timeout; the record decides what then.
        if (error instanceof SimulatedCrash)
          logger.warn({ point: error.message }, "simulated crash");
        else logger.error({ err: error, messageId: message.id }, "delivery attempt failed");
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  }

  /** Receives one batch if there is room; resolves how many messages it started. */
  async function receiveBatch(): Promise<number> {
    const room = props.concurrency - inFlight.size;
    if (room <= 0) {
      await Promise.race(inFlight);
      return 0;
    }
    const messages = await queue.receive({ max: room, visibilitySeconds: props.visibilitySeconds });
    for (const message of messages) track(message);
    return messages.length;
  }

  async function run(signal: AbortSignal): Promise<void> {
    let idleMs = 50;
    while (running) {
      if (!props.mayWork()) {
        await sleep(250, signal);
        continue;
      }
      try {
        const started = await receiveBatch();
        idleMs = started > 0 ? 50 : Math.min(1_000, idleMs * 2);
        if (started === 0 && inFlight.size < props.concurrency) await sleep(idleMs, signal);
      } catch (error) {
        logger.error({ err: error }, "could not read the delivery queue");
        await sleep(1_000, signal);
      }
    }
  }

  function begin(): void {
    running = true;
    stopping = new AbortController();
    // The loop and every delivery in flight may wait on it at once: that many listeners is expected.
    setMaxListeners(props.concurrency + 1, stopping.signal);
    loop = run(stopping.signal);
  }

  async function end(): Promise<void> {
    running = false;
    stopping.abort();
    await loop;
    loop = null;
    await Promise.all([...inFlight]);
  }

  return {
    start() {
      if (!running) begin();
    },
    stop: end,
    async drain() {
      if (!props.mayWork()) throw new Error("only the scheduler leader works the queue");
      const startedHere = !running;
      if (startedHere) begin();
      try {
        for (;;) {
          if (inFlight.size === 0 && (await queue.approximateCount()) === 0) return;
          await sleep(100);
        }
      } finally {
        if (startedHere) await end();
      }
    },
  };
}
