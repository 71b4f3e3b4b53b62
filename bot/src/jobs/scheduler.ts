import type { Logger } from "../logger";
import type { LeaseRepository } from "../store";
import type { Delivery, DueDelivery, DueWorkSource, EnqueueResult } from "./types";

/** Deliveries written to storage at once while a source's window is enqueued. */
const enqueueParallelism = 16;

/** What the scheduler needs. */
export interface SchedulerProps {
  leases: LeaseRepository;
  sources: DueWorkSource[];
  enqueue: (delivery: Delivery) => Promise<EnqueueResult>;
  logger: Logger;
  holder: string;
  leaseMs: number;
  /** The window of a source's very first tick. */
  firstWindowMs: number;
  now: () => Date;
}

/** One leader at a time; the leader turns due work into queued deliveries. */
export interface Scheduler {
  /** Takes or renews the lease and, when leader, enqueues every source's due work. */
  tick(): Promise<void>;
  /** Takes or renews the lease only; calls made while one is running share its answer. */
  lead(): Promise<boolean>;
  /** True while the lease is ours, with a margin for clock drift and slow storage. */
  isLeader(): boolean;
  /** Gives the lease up (a clean stop). */
  resign(): Promise<void>;
}

/** Thrown at a checkpoint of a window whose leader lost the lease: the new leader repeats it. */
class LeadershipLost extends Error {
  override readonly name = "LeadershipLost";
}

/** Creates the scheduler. */
export function createScheduler(props: SchedulerProps): Scheduler {
  const { leases, logger } = props;
  /** Leading ends a third of a lease before the stored expiry, so two never overlap. */
  let leaderUntil = 0;
  /**
   * Counts the times this instance became leader. A window is enqueued within one term: once the
   * lease lapsed, even briefly, another instance may have run the same window meanwhile.
   */
  let term = 0;
  let leading: Promise<boolean> | null = null;

  function isLeader(): boolean {
    return leaderUntil > props.now().getTime();
  }

  async function acquire(): Promise<boolean> {
    const now = props.now();
    const held = await leases.acquire({
      holder: props.holder,
      now,
      expiresAt: new Date(now.getTime() + props.leaseMs),
    });
    const wasLeader = leaderUntil > now.getTime();
    if (held && !wasLeader) term += 1;
    leaderUntil = held ? now.getTime() + (props.leaseMs * 2) / 3 : 0;
    if (held !== wasLeader) logger.info({ holder: props.holder, leader: held }, "scheduler lease");
    return held;
  }

  function lead(): Promise<boolean> {
    // One write at a time: two renewals racing on the lease's ETag would make the loser read as a
    // lost lease, though this instance still holds it.
    leading ??= acquire().finally(() => {
      leading = null;
    });
    return leading;
  }

  /**
   * A checkpoint inside a window: renews the lease when a third of it is left, then throws
   * LeadershipLost unless this instance has led without a break since the window began.
   */
  async function keepLeading(windowTerm: number): Promise<void> {
    if (isLeader() && leaderUntil - props.now().getTime() < props.leaseMs / 3) {
      // A failed renewal is not yet a lost lease: the margin before the stored expiry covers it.
      await lead().catch((error: unknown) =>
        logger.warn({ err: error }, "could not renew the scheduler lease"),
      );
    }
    if (term !== windowTerm || !isLeader()) throw new LeadershipLost();
  }

  async function enqueueOne({ onQueued, ...delivery }: DueDelivery): Promise<void> {
    const result = await props.enqueue(delivery);
    if (result.status === "queued") await onQueued?.();
  }

  async function enqueueAll(deliveries: DueDelivery[], windowTerm: number): Promise<void> {
    for (let start = 0; start < deliveries.length; start += enqueueParallelism) {
      // A batch started just before the lease lapsed ends inside the margin left before it expires.
      await keepLeading(windowTerm);
      await Promise.all(deliveries.slice(start, start + enqueueParallelism).map(enqueueOne));
    }
  }

  async function runSource(source: DueWorkSource, now: Date, windowTerm: number): Promise<void> {
    let since = await leases.lastTick({ source: source.name });
    if (since === null) {
      // A new source starts one tick back; stored first, so a failed first window is repeated.
      since = new Date(now.getTime() - props.firstWindowMs);
      await keepLeading(windowTerm);
      await leases.saveLastTick({ source: source.name, at: since });
    }
    if (since.getTime() >= now.getTime()) return;
    const due = await source.due({ now, since });
    await enqueueAll(due, windowTerm);
    // Only once everything is queued: a crash before this repeats the window, and keys dedupe it.
    // A former leader must not write either: it would move the new leader's progress back.
    await keepLeading(windowTerm);
    await leases.saveLastTick({ source: source.name, at: now });
  }

  return {
    lead,
    isLeader,
    async tick() {
      if (!(await lead())) return;
      const windowTerm = term;
      const now = props.now();
      for (const source of props.sources) {
        try {
          await keepLeading(windowTerm);
          await runSource(source, now, windowTerm);
        } catch (error) {
          if (error instanceof LeadershipLost) {
            logger.warn(
              { holder: props.holder, source: source.name },
              "lost the scheduler lease during a tick; the new leader repeats the window",
            );
            return;
          }
          // One failing source must not hold up the others; its window is retried next tick.
          logger.error({ err: error, source: source.name }, "due work source failed");
        }
      }
    },
    async resign() {
      // A renewal still in flight would take the lease back after it was given up.
      await leading?.catch(() => undefined);
      leaderUntil = 0;
      await leases.release({ holder: props.holder, now: props.now() });
    },
  };
}
