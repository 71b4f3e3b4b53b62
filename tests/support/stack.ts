import { loadConfig, type Config } from "../../bot/src/config";
import { startAzurite, type Azurite } from "../../bot/src/local/azurite";
import {
  demoIdentities,
  demoTenantId,
  type DemoIdentity,
} from "../../bot/src/local/demoIdentities";
import { seedDemoData } from "../../bot/src/local/seed";
import { createService, type Service } from "../../bot/src/server";
import { startFakeEntra, type FakeEntra } from "./fakeEntra";

/** One of the seeded demo people. */
export type DemoPerson = DemoIdentity["id"];

/** Options of startStack. */
export interface StackOptions {
  /** local (default): demo tokens from /api/dev/token. entra: a fake Entra with test keys. */
  authMode?: "local" | "entra";
  /** Entra settings; a fake Entra is started when no metadata URL is given. */
  entra?: { metadataUrl?: string; clientId?: string; appIdUri?: string };
  /** Seed the demo tenant (default true). */
  seed?: boolean;
  /** Keep Azurite's data in this folder so a later stack can start on it; in memory when absent. */
  persistenceDir?: string;
  /** Overrides applied after the environment is parsed. */
  extraConfig?: Partial<Config>;
  /** The service's clock (also the seeding time). */
  now?: () => Date;
  /** Called once per HTTP request the service sends to storage (round-trip budgets). */
  onStorageRoundTrip?: () => void;
}

/** A running Azurite + service for one test file. */
export interface Stack {
  baseUrl: string;
  storageConnectionString: string;
  config: Config;
  /** A bearer token for a demo person (local: from /api/dev/token; entra: signed by the fake). */
  token(user: DemoPerson): Promise<string>;
  /** The fake Entra of an entra-mode stack, for tests that sign their own tokens. */
  fakeEntra: FakeEntra | null;
  /** Stops Azurite (the service keeps running): health and storage-failure tests use it. */
  stopStorage(): Promise<void>;
  /** Closes the service and starts a new one on the same port and storage. */
  restartService(): Promise<void>;
  /** Stops the service, Azurite and the fake Entra. */
  stop(): Promise<void>;
}

function identityOf(user: DemoPerson): DemoIdentity {
  const identity = demoIdentities.find((candidate) => candidate.id === user);
  if (!identity) throw new Error(`unknown demo person ${user}`);
  return identity;
}

/**
 * Starts Azurite (in memory, or under `persistenceDir`) on free ports, creates the tables,
 * seeds the demo data, and starts the service in-process on a free port of 127.0.0.1.
 * Call `stop()` in afterAll.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const authMode = options.authMode ?? "local";
  const azurite: Azurite = await startAzurite(
    options.persistenceDir ? { location: options.persistenceDir } : {},
  );
  let fakeEntra: FakeEntra | null = null;
  let service: Service | undefined;
  try {
    if (authMode === "entra" && !options.entra?.metadataUrl) {
      fakeEntra = await startFakeEntra(options.entra?.clientId);
    }
    const clientId = options.entra?.clientId ?? fakeEntra?.clientId;
    const env: Record<string, string | undefined> = {
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      AUTH_MODE: authMode,
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      ENTRA_CLIENT_ID: clientId,
      ENTRA_APP_ID_URI: options.entra?.appIdUri,
      ENTRA_OPENID_METADATA_URL: options.entra?.metadataUrl ?? fakeEntra?.metadataUrl,
      // Entra mode needs a bot app id; local mode runs the bot without Bot Framework auth.
      MicrosoftAppId: authMode === "entra" ? "00000000-0000-4000-8000-00000000b075" : "",
      MicrosoftAppPassword: authMode === "entra" ? "not-a-real-secret" : "",
      MicrosoftAppTenantId: authMode === "entra" ? demoTenantId : "",
      // Local mode makes one up; entra mode, like production, needs it set.
      SUBMISSION_KEY_SECRET:
        authMode === "entra" ? "a-test-secret-that-keys-retro-entry-ids" : undefined,
      // Suites send many requests fast (crowds of 50, fuzzing) as a few demo people from one
      // address: the API's rate limits are raised out of their way. tests/api/rateLimits.test.ts
      // runs with real limits through `extraConfig`.
      RATE_LIMIT_PER_PERSON: "1000000",
      RATE_LIMIT_PER_TENANT: "1000000",
      RATE_LIMIT_PER_ADDRESS: "1000000",
    };
    const config: Config = { ...loadConfig(env), ...options.extraConfig };
    const now = options.now ?? (() => new Date());

    const serviceOptions = { now, onStorageRoundTrip: options.onStorageRoundTrip };
    service = await createService(config, serviceOptions);
    if (options.seed ?? true) await seedDemoData({ store: service.store, now: now() });
    let { port } = await service.listen(0, "127.0.0.1");
    const baseUrl = `http://127.0.0.1:${port}`;
    let running: Service | undefined = service;

    const stack: Stack = {
      baseUrl,
      storageConnectionString: azurite.connectionString,
      config,
      fakeEntra,
      async token(user) {
        const identity = identityOf(user);
        if (fakeEntra) {
          return fakeEntra.sign({
            tid: identity.tenantId,
            oid: identity.id,
            name: identity.displayName,
          });
        }
        const response = await fetch(`${baseUrl}/api/dev/token`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ user }),
        });
        if (!response.ok) throw new Error(`/api/dev/token answered ${response.status}`);
        const body = (await response.json()) as { token: string };
        return body.token;
      },
      stopStorage: () => azurite.stop(),
      async restartService() {
        await running?.close();
        running = await createService(config, serviceOptions);
        ({ port } = await running.listen(port, "127.0.0.1"));
      },
      async stop() {
        await running?.close();
        running = undefined;
        await azurite.stop();
        await fakeEntra?.close();
      },
    };
    return stack;
  } catch (error) {
    await service?.close();
    await azurite.stop();
    await fakeEntra?.close();
    throw error;
  }
}
