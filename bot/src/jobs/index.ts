/**
 * The proactive delivery backbone (DESIGN.md "Proactive messages and jobs"): one scheduler leader
 * elected with a lease in Table Storage turns due work into queued deliveries; the leader's queue
 * workers send them within Teams' limits, retry what Teams asks to retry, and keep an
 * idempotency record per key.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createWorkQueue, type WorkQueue } from "../queue";
import { storageAccessFor } from "../store/credential";
import { createDeliveryWorker } from "./deliveryWorker";
import type { FaultHook } from "./faults";
import { encodePointer } from "./queueMessage";
import { createRateLimiter, teamsConversationLimits, teamsTenantLimits } from "./rateLimiter";
import { createScheduler } from "./scheduler";
import type { Delivery, EnqueueOptions, EnqueueResult, Jobs, JobsProps } from "./types";

export type * from "./types";
export { SimulatedCrash, type FaultHook, type FaultPoint } from "./faults";

/**
 * The timers the backbone waits with between ticks and lease renewals. Node's by default, unref'd:
 * they alone never keep a process alive that is otherwise done (stop() clears them). Tests pass a
 * clock they move by hand, so a lease runs out without anyone waiting for it.
 */
export interface JobTimers {
  setTimeout(run: () => void, ms: number): unknown;
  setInterval(run: () => void, ms: number): unknown;
  clear(timer: unknown): void;
}

const nodeTimers: JobTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  setInterval: (run, ms) => setInterval(run, ms).unref(),
  clear: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

/** Options tests and the benchmark add to JobsProps. */
export interface JobsTestOptions {
  /** Timers other than Node's (tests: a clock moved by hand, read through JobsProps.now too). */
  timers?: JobTimers;
  /** This instance's name in the lease and in claims; random by default. */
  instanceId?: string;
  /** Simulated crash points (tests only). */
  faults?: FaultHook;
  /** A queue other than the one named by the config (tests). */
  queue?: WorkQueue;
}

/** Builds the backbone; nothing runs until `start()` (or `tick()`/`drain()` in tests). */
export function createJobs(props: JobsProps & JobsTestOptions): Jobs {
  const { config, store, now } = props;
  const logger = props.logger.child({ component: "jobs" });
  const instanceId = props.instanceId ?? randomUUID();
  const timers = props.timers ?? nodeTimers;
  const queue =
    props.queue ??
    createWorkQueue({
      access: props.storage ?? storageAccessFor(config),
      name: config.JOBS_QUEUE_NAME,
    });
  let queueReady: Promise<void> | null = null;
  // A failed creation is not kept: storage that was down at start would fail every later tick.
  const ensureQueue = () =>
    (queueReady ??= queue.ensure().catch((error: unknown) => {
      queueReady = null;
      throw error;
    }));

  async function enqueueDelivery(
    delivery: Delivery,
    options: EnqueueOptions = {},
  ): Promise<EnqueueResult> {
    await ensureQueue();
    const existing = await store.deliveries.create({ delivery, now: now() });
    if (existing && existing.state !== "pending") {
      if (!options.retryUndelivered || existing.state === "sent") {
        return { status: "alreadyDone", record: existing };
      }
      if (!(await store.deliveries.requeue({ record: existing, delivery, now: now() }))) {
        // Someone queued it again first (or a worker moved it on): what it is now decides.
        const current = await store.deliveries.find({
          tenantId: delivery.tenantId,
          key: delivery.key,
        });
        if (current && current.state !== "pending") {
          return { status: "alreadyDone", record: current };
        }
      }
    }
    // A pending record may have lost its message in a crash: another pointer is harmless.
    await queue.send(encodePointer({ tenantId: delivery.tenantId, key: delivery.key }));
    return { status: "queued" };
  }

  const scheduler = createScheduler({
    leases: store.leases,
    sources: props.sources,
    enqueue: enqueueDelivery,
    logger,
    holder: instanceId,
    leaseMs: config.JOBS_LEASE_SECONDS * 1_000,
    firstWindowMs: config.JOBS_TICK_SECONDS * 1_000,
    now,
  });
  const worker = createDeliveryWorker({
    queue,
    deliveries: store.deliveries,
    conversationByKey: store.conversationByKey,
    sender: props.sender,
    limiter: createRateLimiter({
      perTenant: teamsTenantLimits(config.JOBS_APP_RATE_PER_SECOND),
      perConversation: teamsConversationLimits,
      clock: () => performance.now(),
    }),
    logger,
    workerId: instanceId,
    visibilitySeconds: config.JOBS_VISIBILITY_SECONDS,
    concurrency: config.JOBS_CONCURRENCY,
    mayWork: () => scheduler.isLeader(),
    now,
    clock: () => performance.now(),
    ...(props.faults ? { faults: props.faults } : {}),
  });

  let timer: unknown;
  let ticking: Promise<void> = Promise.resolve();
  let started = false;
  let stopRenewing: (() => void) | undefined;

  /**
   * Renews the lease on its own timer, a third of a lease apart, so neither a tick longer than the
   * lease nor a wait between ticks lets it lapse while this instance works. Returns the function
   * that stops it.
   */
  function keepLeaseRenewed(): () => void {
    const renewal = timers.setInterval(
      () => {
        scheduler
          .lead()
          .catch((error: unknown) => logger.error({ err: error }, "lease renewal failed"));
      },
      (config.JOBS_LEASE_SECONDS * 1_000) / 3,
    );
    return () => timers.clear(renewal);
  }

  /** Runs work that needs the lease; without start() nothing else renews it meanwhile. */
  async function whileRenewing(work: () => Promise<void>): Promise<void> {
    const stop = started ? undefined : keepLeaseRenewed();
    try {
      await work();
    } finally {
      stop?.();
    }
  }

  function scheduleTick(delayMs: number): void {
    timer = timers.setTimeout(() => {
      ticking = ensureQueue()
        .then(() => scheduler.tick())
        .catch((error: unknown) => logger.error({ err: error }, "scheduler tick failed"))
        .finally(() => {
          if (started) scheduleTick(config.JOBS_TICK_SECONDS * 1_000);
        });
    }, delayMs);
  }

  return {
    start() {
      if (started) return;
      started = true;
      stopRenewing = keepLeaseRenewed();
      scheduleTick(0);
      worker.start();
    },
    async stop() {
      started = false;
      timers.clear(timer);
      await ticking;
      // Renewed until the sends in flight are done: they stop at the first sign of a lost lease.
      await worker.stop();
      stopRenewing?.();
      stopRenewing = undefined;
      // A stop must not fail because storage is gone: the lease then simply runs out.
      await scheduler
        .resign()
        .catch((error: unknown) => logger.warn({ err: error }, "could not give the lease up"));
    },
    async tick() {
      await ensureQueue();
      await whileRenewing(() => scheduler.tick());
    },
    async drain() {
      await ensureQueue();
      if (!scheduler.isLeader()) await scheduler.lead();
      await whileRenewing(() => worker.drain());
    },
    enqueueDelivery,
    async findDelivery({ tenantId, key }) {
      const record = await store.deliveries.find({ tenantId, key });
      if (!record) return null;
      const {
        delivery: _delivery,
        attempts: _attempts,
        createdAt: _createdAt,
        etag: _etag,
        ...visible
      } = record;
      const { claimedBy: _by, claimedUntil: _until, ...rest } = visible;
      return rest;
    },
    listUnreachable(tenantId) {
      return store.deliveries.listUnreachable({ tenantId });
    },
  };
}
