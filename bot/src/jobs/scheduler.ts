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
  /** Takes or renews the lease only. */
  lead(): Promise<boolean>;
  /** True while the lease is ours, with a margin for clock drift and slow storage. */
  isLeader(): boolean;
  /** Gives the lease up (a clean stop). */
  resign(): Promise<void>;
}

/** Creates the scheduler. */
export function createScheduler(props: SchedulerProps): Scheduler {
  const { leases, logger } = props;
  /** Leading ends a third of a lease before the stored expiry, so two never overlap. */
  let leaderUntil = 0;

  async function lead(): Promise<boolean> {
    const now = props.now();
    const held = await leases.acquire({
      holder: props.holder,
      now,
      expiresAt: new Date(now.getTime() + props.leaseMs),
    });
    const wasLeader = leaderUntil > now.getTime();
    leaderUntil = held ? now.getTime() + (props.leaseMs * 2) / 3 : 0;
    if (held !== wasLeader) logger.info({ holder: props.holder, leader: held }, "scheduler lease");
    return held;
  }

  async function enqueueOne({ onQueued, ...delivery }: DueDelivery): Promise<void> {
    const result = await props.enqueue(delivery);
    if (result.status === "queued") await onQueued?.();
  }

  async function enqueueAll(deliveries: DueDelivery[]): Promise<void> {
    for (let start = 0; start < deliveries.length; start += enqueueParallelism) {
      await Promise.all(deliveries.slice(start, start + enqueueParallelism).map(enqueueOne));
    }
  }

  async function runSource(source: DueWorkSource, now: Date): Promise<void> {
    let since = await leases.lastTick(source.name);
    if (since === null) {
      // A new source starts one tick back; stored first, so a failed first window is repeated.
      since = new Date(now.getTime() - props.firstWindowMs);
      await leases.saveLastTick(source.name, since);
    }
    if (since.getTime() >= now.getTime()) return;
    const due = await source.due({ now, since });
    await enqueueAll(due);
    // Only once everything is queued: a crash before this repeats the window, and keys dedupe it.
    await leases.saveLastTick(source.name, now);
  }

  return {
    lead,
    isLeader() {
      return leaderUntil > props.now().getTime();
    },
    async tick() {
      if (!(await lead())) return;
      const now = props.now();
      for (const source of props.sources) {
        try {
          await runSource(source, now);
        } catch (error) {
          // One failing source must not hold up the others; its window is retried next tick.
          logger.error({ err: error, source: source.name }, "due work source failed");
        }
      }
    },
    async resign() {
      leaderUntil = 0;
      await leases.release({ holder: props.holder, now: props.now() });
    },
  };
}
