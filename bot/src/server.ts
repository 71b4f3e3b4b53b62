import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import type { Express } from "express";
import { createAuthenticator } from "./auth";
import { ConfigError, loadConfig, type Config } from "./config";
import { createHttpApp, type TeamsEndpoint } from "./http/app";
import { createJobs, type DueWorkSource, type Jobs } from "./jobs";
import { createCommunitySweepSource } from "./jobs/communitySweep";
import { createEventLoopMonitor, type EventLoopMonitor } from "./eventLoop";
import { createDigestSource } from "./jobs/digests";
import { createReminderSource } from "./jobs/reminders";
import { createLogger, type Logger } from "./logger";
import { createStore, storageAccessFor, type Store } from "./store";
import { createMembershipEventSink, createTeamsEndpoint } from "./teams";
import { createProactiveSender } from "./teams/proactiveSender";
import { ChatCommandRegistry, CardActionRegistry } from "./teams";
import { tabLink } from "./teams/tabLink";
import { registerRetroBot } from "./retros/cardActions";
import { registerRitualBot } from "./rituals/cardActions";
import { createRetroNotifier } from "./retros/retroNotifier";

/** The running service: the express app and its HTTP server's lifecycle. */
export interface Service {
  app: Express;
  /** Listens on `port` (0 asks the OS for a free one) and resolves with the bound port. */
  listen(port: number, host?: string): Promise<{ port: number }>;
  /** Stops accepting requests and closes open connections. */
  close(): Promise<void>;
  /** The store the service uses (tests and the local stack seed through it). */
  store: Store;
  logger: Logger;
  /** Proactive delivery: `enqueueDelivery` sends a card now; runs when JOBS_ENABLED. */
  jobs: Jobs;
  /** Warns when a request or job holds the event loop; /healthz shows its recent delays. */
  eventLoop: EventLoopMonitor;
}

/** Options the environment cannot express. */
export interface ServiceOptions {
  /** The clock; tests fix it. */
  now?: () => Date;
  /** Called once per HTTP request to storage: tests and benchmarks count round trips with it. */
  onStorageRoundTrip?: () => void;
  /** The logger; the local stack writes to a file. Default: JSON lines on stdout. */
  logger?: Logger;
}

function teamsEndpointFor(
  config: Config,
  store: Store,
  logger: Logger,
  registries: { cardActions?: CardActionRegistry; chatCommands?: ChatCommandRegistry } = {},
): TeamsEndpoint {
  return createTeamsEndpoint({
    config,
    conversationReferences: store.conversationReferences,
    logger: logger.child({ component: "teams" }),
    ...registries,
    membershipEvents: createMembershipEventSink({ store, logger, now: () => new Date() }),
  });
}

/** Where the built tab is: TAB_DIST_DIR, else tab/dist beside this package (from src or dist). */
function tabDistDirFor(config: Config): string {
  return config.TAB_DIST_DIR
    ? path.resolve(config.TAB_DIST_DIR)
    : path.resolve(__dirname, "../../tab/dist");
}

/**
 * The composition root: config -> logger -> store (tables created) -> auth -> HTTP app with the
 * API, the bot endpoint and the tab.
 */
export async function createService(
  config: Config,
  options: ServiceOptions = {},
): Promise<Service> {
  const logger = options.logger ?? createLogger(config);
  // One storage access (and so one managed identity credential) for the tables and the queue.
  const storage = storageAccessFor(config);
  const store = createStore(
    storage,
    options.onStorageRoundTrip ? { onRoundTrip: options.onStorageRoundTrip } : {},
  );
  await store.ensureTables();
  // Memberships stored before the community member index existed get their index rows.
  await store.memberships.migrateMemberIndex();
  // Votes stored a row each before tallies existed: they move to person rows and tallies.
  await store.retros.migrateVotes();
  const now = options.now ?? (() => new Date());
  const eventLoop = createEventLoopMonitor({ logger: logger.child({ component: "event-loop" }) });
  // Due work for the scheduler leader: each feature area adds its source here. Each runs tracked,
  // so a source that holds the event loop is named in the warning.
  const dueWorkSources: DueWorkSource[] = [
    createDigestSource({ store, config, logger: logger.child({ component: "digests" }) }),
    createReminderSource({
      store,
      tabUrl: tabLink(config),
      logger: logger.child({ component: "reminders" }),
    }),
    createCommunitySweepSource({ store, logger: logger.child({ component: "communities" }) }),
  ].map((source) => ({
    ...source,
    due: (window) => eventLoop.during(`job ${source.name}`, () => source.due(window)),
  }));
  const jobs = createJobs({
    config,
    store,
    storage,
    logger,
    sender: createProactiveSender({ config, logger: logger.child({ component: "proactive" }) }),
    sources: dueWorkSources,
    now,
  });
  const authenticator = createAuthenticator(config, logger);
  // Action.Execute verbs and typed chat commands: each feature area registers its own here.
  const cardActions = new CardActionRegistry();
  const chatCommands = new ChatCommandRegistry();
  const retroNotifier = createRetroNotifier({
    store,
    enqueueDelivery: (delivery) => jobs.enqueueDelivery(delivery),
    tabUrl: tabLink(config),
    logger: logger.child({ component: "retros" }),
  });
  registerRetroBot({
    cardActions,
    chatCommands,
    deps: {
      store,
      now,
      tabUrl: tabLink(config),
      notifier: retroNotifier,
      logger,
      submissionKeySecret: config.SUBMISSION_KEY_SECRET,
    },
  });
  registerRitualBot({ cardActions, deps: { store, now, tabUrl: tabLink(config) } });
  const app = createHttpApp({
    config,
    logger,
    store,
    authenticator,
    now: options.now ?? (() => new Date()),
    teamsEndpoint: teamsEndpointFor(config, store, logger, {
      cardActions,
      chatCommands,
    }),
    retroNotifier,
    jobs,
    eventLoop,
    tabDistDir: tabDistDirFor(config),
  });

  eventLoop.start();
  if (config.JOBS_ENABLED) jobs.start();
  let server: Server | undefined;
  return {
    app,
    store,
    logger,
    jobs,
    eventLoop,
    listen(port, host = config.HOST) {
      return new Promise((resolve, reject) => {
        const listening = app.listen(port, host, (error?: Error) => {
          if (error) {
            reject(error);
            return;
          }
          const address = listening.address();
          resolve({ port: typeof address === "object" && address ? address.port : port });
        });
        server = listening;
      });
    },
    async close() {
      eventLoop.stop();
      if (config.JOBS_ENABLED) await jobs.stop();
      await new Promise<void>((resolve, reject) => {
        if (!server) {
          resolve();
          return;
        }
        const closing = server;
        server = undefined;
        closing.close((error) => (error ? reject(error) : resolve()));
        closing.closeAllConnections();
      });
    },
  };
}

/** Runs the service from the environment until SIGINT or SIGTERM. */
export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const service = await createService(config);
  if (!existsSync(tabDistDirFor(config))) {
    service.logger.warn("the tab is not built: run npm run build to serve it at /");
  }
  const { port } = await service.listen(config.PORT, config.HOST);
  service.logger.info({ port, authMode: config.AUTH_MODE }, "Practice Hub is listening");
  const stop = () => {
    service.logger.info("stopping");
    void service.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Practice Hub failed to start: ${String(error)}\n`);
    process.exit(1);
  });
}
