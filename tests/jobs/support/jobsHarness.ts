import { randomUUID } from "node:crypto";
import { loadConfig, type Config } from "../../../bot/src/config";
import {
  createJobs,
  type Delivery,
  type DueWorkSource,
  type Jobs,
  type JobsTestOptions,
  type ProactiveSender,
} from "../../../bot/src/jobs";
import { startAzurite, type Azurite } from "../../../bot/src/local/azurite";
import { createLogger, type Logger } from "../../../bot/src/logger";
import { createWorkQueue } from "../../../bot/src/queue";
import { createStore, type Store } from "../../../bot/src/store";
import { conversationRowKey } from "../../../bot/src/store/conversationReferenceRepository";
import { createProactiveSender } from "../../../bot/src/teams/proactiveSender";
import {
  startConnectorStandIn,
  type ConnectorStandIn,
  type ConnectorStandInOptions,
} from "../../support/connectorStandIn";

export const testTenantId = "00000000-0000-4000-8000-0000000000aa";

/** A conversation the bot can message, stored like the bot stores it on install. */
export interface TestConversation {
  conversationId: string;
  conversationKey: string;
}

/** Azurite + store + connector stand-in, shared by one test file. */
export interface JobsHarness {
  store: Store;
  standIn: ConnectorStandIn;
  config: Config;
  logger: Logger;
  connectionString: string;
  /** Stores a conversation reference pointing at the stand-in. */
  conversation(kind?: "personal" | "channel"): Promise<TestConversation>;
  /**
   * A backbone instance on its own queue (pass `queueName` to share one between instances);
   * stopped by `stop()` unless the test stopped it.
   */
  jobs(
    options?: JobsTestOptions & {
      queueName?: string;
      sources?: DueWorkSource[];
      sender?: ProactiveSender;
      config?: Partial<Config>;
      /** Storage seen by this instance only (a failing lease, say); the shared store by default. */
      store?: Store;
      /** The instance's clock (a testClock's `now`); the real one by default. */
      now?: () => Date;
    },
  ): Jobs;
  /** Stops every backbone instance started so far (afterEach: a failed test leaves none running). */
  stopJobs(): Promise<void>;
  stop(): Promise<void>;
}

let sequence = 0;

/** A delivery with a unique key and card for a conversation. */
export function deliveryFactory(
  conversation: TestConversation,
  overrides: Partial<Delivery> = {},
): Delivery {
  sequence += 1;
  const key = `test:${testTenantId}:${conversation.conversationKey}:${sequence}:${randomUUID()}`;
  return {
    key,
    tenantId: testTenantId,
    conversationKey: conversation.conversationKey,
    card: {
      type: "AdaptiveCard",
      version: "1.5",
      body: [{ type: "TextBlock", text: `Message ${key}` }],
    },
    summary: `Test message ${sequence}`,
    ...overrides,
  };
}

/** A fresh queue name: tests never share queued work unless they mean to. */
export function queueNameFactory(): string {
  sequence += 1;
  return `test-deliveries-${sequence}-${randomUUID().slice(0, 8)}`;
}

/** Starts Azurite, creates the tables and starts the connector stand-in. */
export async function startJobsHarness(
  options: {
    standIn?: ConnectorStandInOptions;
    config?: Record<string, string>;
    /** Conversations point here instead of the in-process stand-in (the benchmark's own process). */
    serviceUrl?: string;
  } = {},
): Promise<JobsHarness> {
  const azurite: Azurite = await startAzurite();
  const standIn = await startConnectorStandIn(options.standIn);
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    // Crashed work comes back fast in tests; production waits a minute.
    JOBS_VISIBILITY_SECONDS: "2",
    JOBS_LEASE_SECONDS: "6",
    JOBS_TICK_SECONDS: "1",
    ...options.config,
  });
  const logger = createLogger(config);
  const store = createStore(azurite.connectionString);
  await store.ensureTables();
  const running: Jobs[] = [];
  const serviceUrl = options.serviceUrl ?? standIn.serviceUrl;

  return {
    store,
    standIn,
    config,
    logger,
    connectionString: azurite.connectionString,
    async conversation(kind = "personal") {
      sequence += 1;
      const conversationId =
        kind === "personal"
          ? `a:personal-${sequence}-${randomUUID()}`
          : `19:channel-${sequence}-${randomUUID()}@thread.tacv2`;
      await store.conversationReferences.save({
        tenantId: testTenantId,
        conversationId,
        kind,
        serviceUrl,
        reference: JSON.stringify({
          channelId: "msteams",
          serviceUrl,
          bot: { id: "28:practice-hub-bot", name: "Practice Hub" },
          conversation: { id: conversationId, conversationType: kind, tenantId: testTenantId },
        }),
        updatedAt: new Date().toISOString(),
      });
      return { conversationId, conversationKey: conversationRowKey(conversationId) };
    },
    jobs(jobOptions = {}) {
      const jobConfig: Config = {
        ...config,
        JOBS_QUEUE_NAME: jobOptions.queueName ?? queueNameFactory(),
        ...jobOptions.config,
      };
      const jobs = createJobs({
        config: jobConfig,
        store: jobOptions.store ?? store,
        logger,
        sender: jobOptions.sender ?? createProactiveSender({ config: jobConfig, logger }),
        sources: jobOptions.sources ?? [],
        now: jobOptions.now ?? (() => new Date()),
        ...(jobOptions.timers ? { timers: jobOptions.timers } : {}),
        ...(jobOptions.instanceId ? { instanceId: jobOptions.instanceId } : {}),
        ...(jobOptions.faults ? { faults: jobOptions.faults } : {}),
        ...(jobOptions.queue ? { queue: jobOptions.queue } : {}),
      });
      running.push(jobs);
      return jobs;
    },
    async stopJobs() {
      await Promise.allSettled(running.splice(0).map((jobs) => jobs.stop()));
    },
    async stop() {
      await Promise.allSettled(running.splice(0).map((jobs) => jobs.stop()));
      await standIn.stop();
      await azurite.stop();
    },
  };
}

/** The queue of a backbone, to look at what is left in it. */
export function queueOf(harness: JobsHarness, name: string) {
  return createWorkQueue({ connectionString: harness.connectionString, name });
}
