/**
 * The contract of the proactive delivery backbone (DESIGN.md "Proactive messages and jobs").
 * Ritual reminders, digests and owner cards produce Deliveries; the backbone queues them, sends
 * each at most at Teams' limits, retries what Teams asks to retry, and records every key so a
 * retry, a restart or a second instance never sends it twice.
 */
import type { StorageAccess } from "../store/credential";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { Delivery, DeliveryRecord, Store, UnreachableConversation } from "../store";
import type { StoredConversationReference } from "../teams/conversationReferences";

// The delivery and its record are stored by bot/src/store, which owns their types; the jobs'
// contract names them from there (and passes them on to its callers).
export type { Delivery, DeliveryRecord, DeliveryState, UnreachableConversation } from "../store";

/** A delivery a source found due, with what the source must remember once it is queued. */
export interface DueDelivery extends Delivery {
  /**
   * Runs after the scheduler queued the delivery, and not when its key was already done: what a
   * source records about a send (a digest's picks) belongs here, never in `due()`, so a window
   * that is computed again or a delivery that was never queued uses nothing up. It may run again
   * for the same key when a window is repeated, so it must be idempotent.
   */
  onQueued?: () => Promise<void>;
}

/** Something that knows which deliveries fall due in a window (reminders, digests). */
export interface DueWorkSource {
  /** Stable and unique: the scheduler persists its progress under this name. */
  name: string;
  /**
   * The deliveries due in (since, now]. The scheduler calls it on every tick of the leader with
   * the window since the source's last completed tick, so a restart neither skips nor repeats a
   * window; returning an item twice is harmless because keys are idempotent.
   */
  due(props: { now: Date; since: Date }): Promise<DueDelivery[]>;
}

/** What one send attempt came to, as the proactive sender reads Bot Connector's answer. */
export type SendOutcome =
  /** Teams accepted the message; the id lets a later card update replace it. */
  | { kind: "sent"; activityId?: string }
  /** 429, 412, 502, 503, 504 or no answer: try again, after `retryAfterMs` when Teams said so. */
  | { kind: "retry"; status?: number; retryAfterMs?: number; reason: string }
  /** 403 MessageWritesBlocked (the person blocked the bot, or the chat is gone): never retried. */
  | { kind: "unreachable"; status: number; reason: string }
  /** Any other refusal (400, 401, 404...): retrying would not help. */
  | { kind: "failed"; status?: number; reason: string };

/** Sends one card to one stored conversation (bot/src/teams/proactiveSender.ts). */
export interface ProactiveSender {
  /**
   * The longest one send may take before it is abandoned as unanswered. The worker starts an
   * attempt only when this much of its claim is left; absent means sends are not time-limited.
   */
  readonly timeoutMs?: number;
  send(props: {
    reference: StoredConversationReference;
    card: object;
    summary: string;
  }): Promise<SendOutcome>;
}

/** What `enqueueDelivery` did with a delivery. */
export type EnqueueResult =
  /** Queued (or already on its way): a worker will send it. */
  | { status: "queued" }
  /** This key was already sent (or is known unreachable or failed): nothing queued. */
  | { status: "alreadyDone"; record: DeliveryRecord };

/** How `enqueueDelivery` treats a key that was tried before. */
export interface EnqueueOptions {
  /**
   * A person asked to try again: a key that failed or was unreachable is queued again, with this
   * delivery's card and a fresh budget of attempts. A sent key never is. Scheduled work leaves it
   * off, so a repeated window never retries what Teams refused.
   */
  retryUndelivered?: boolean;
}

/** The dependencies of `createJobs`; the composition root (bot/src/server.ts) provides them. */
export interface JobsProps {
  config: Config;
  store: Store;
  /**
   * The storage account of the queue: the composition root passes the store's, so one managed
   * identity credential serves tables and queues. By default the one the config names (tests).
   */
  storage?: StorageAccess;
  logger: Logger;
  sender: ProactiveSender;
  sources: DueWorkSource[];
  /** The clock; tests fix or advance it. */
  now: () => Date;
}

/** The running backbone: scheduler (when leader), queue workers and the direct send path. */
export interface Jobs {
  /** Starts the scheduler loop and the queue workers. */
  start(): void;
  /** Stops both loops, lets in-flight sends finish, and gives up the lease. */
  stop(): Promise<void>;
  /** One scheduler tick: takes or renews the lease and, when leader, enqueues due work. */
  tick(): Promise<void>;
  /** Works the queue until it is empty and nothing is in flight (tests and the benchmark). */
  drain(): Promise<void>;
  /**
   * "Send now": the same queue, limiter and idempotency records as scheduled work. Resolves when
   * the delivery is queued (or known to be done already), not when it is sent.
   */
  enqueueDelivery(delivery: Delivery, options?: EnqueueOptions): Promise<EnqueueResult>;
  /** The idempotency record of a key; null when it was never queued. */
  findDelivery(props: { tenantId: string; key: string }): Promise<DeliveryRecord | null>;
  /** The tenant's conversations that refused messages (403 MessageWritesBlocked), for champions. */
  listUnreachable(tenantId: string): Promise<UnreachableConversation[]>;
}
