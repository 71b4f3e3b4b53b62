import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ConfigError, loadConfig } from "../config";
import { createService, type Service } from "../server";
import { startAzurite, type Azurite } from "./azurite";
import { startPlayground, type Playground } from "./playground";
import { seedDemoData } from "./seed";

/**
 * `npm start`: the whole app on one machine with embedded defaults. Azurite keeps its data under
 * .data/ at the repository root, so a second start finds the canvas as it was left.
 */

const repoRoot = path.resolve(__dirname, "../../..");
const dataDir = path.join(repoRoot, ".data", "azurite");
const formatFile = path.join(repoRoot, ".data", "format");

/**
 * The shape of what the local stack stores. Raised whenever a change stores things in a way the
 * previous code's data cannot be read by (RSVPs and memberships moved to rows of their own in 2):
 * a start that finds older data sets it aside and seeds afresh, so `npm start` never shows a
 * half-read demo.
 */
const localDataFormat = 2;

/** Moves local data of an older format aside (never deletes it) and records the current one. */
function setAsideOlderData(): void {
  const found = existsSync(formatFile) ? Number(readFileSync(formatFile, "utf8").trim()) : 1;
  if (existsSync(dataDir) && found < localDataFormat) {
    const aside = `${dataDir}-format${found}-${Date.now()}`;
    renameSync(dataDir, aside);
    console.log(
      `The local data in .data/ was made by an older Practice Hub; it is kept in ${path.relative(repoRoot, aside)} and the demo is seeded afresh.`,
    );
  }
  mkdirSync(path.dirname(formatFile), { recursive: true });
  writeFileSync(formatFile, `${localDataFormat}\n`);
}

class PortBusyError extends Error {}

/** Fails with a message naming the port and the variable that moves it. */
async function assertPortFree(port: number, variable: string, what: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
  if (!free) {
    throw new PortBusyError(
      `Port ${port} (${what}) is already in use. Stop whatever is using it, or move ` +
        `Practice Hub with ${variable}=<another port> npm start.`,
    );
  }
}

function portFromEnv(variable: string, fallback: number | undefined): number | undefined {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ConfigError(`${variable} must be a port number from 1 to 65535, not "${raw}".`);
  }
  return port;
}

async function start(): Promise<void> {
  const servicePort = portFromEnv("PORT", 3978) as number;
  const playgroundPort = portFromEnv("PLAYGROUND_PORT", 56150) as number;
  const tablePort = portFromEnv("AZURITE_TABLE_PORT", undefined);
  const queuePort = portFromEnv("AZURITE_QUEUE_PORT", undefined);

  await assertPortFree(servicePort, "PORT", "the Practice Hub service");
  await assertPortFree(playgroundPort, "PLAYGROUND_PORT", "the Agents Playground");
  if (tablePort) await assertPortFree(tablePort, "AZURITE_TABLE_PORT", "Azurite Table Storage");
  if (queuePort) await assertPortFree(queuePort, "AZURITE_QUEUE_PORT", "Azurite Queue Storage");

  const running: { azurite?: Azurite; service?: Service; playground?: Playground } = {};
  let stopping = false;
  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping Practice Hub...");
    await running.playground?.stop().catch(() => undefined);
    await running.service?.close().catch(() => undefined);
    await running.azurite?.stop().catch(() => undefined);
    process.exit(exitCode);
  };
  process.once("SIGINT", () => void stopAll(0));
  process.once("SIGTERM", () => void stopAll(0));

  try {
    setAsideOlderData();
    running.azurite = await startAzurite({ location: dataDir, tablePort, queuePort });
    const config = loadConfig({
      AUTH_MODE: "local",
      MicrosoftAppId: "",
      ...process.env,
      PORT: String(servicePort),
      STORAGE_CONNECTION_STRING: running.azurite.connectionString,
    });
    running.service = await createService(config);
    // Idempotent: the first start seeds the demo tenant, later starts leave edits alone.
    await seedDemoData({ store: running.service.store, now: new Date() });
    await running.service.listen(servicePort, config.HOST);

    // The service binds 127.0.0.1 by default; "localhost" may resolve to ::1 first.
    const serviceHost = config.HOST === "127.0.0.1" ? "127.0.0.1" : "localhost";
    running.playground = await startPlayground({
      botEndpoint: `http://${serviceHost}:${servicePort}/api/messages`,
      port: playgroundPort,
    });

    console.log(
      [
        "",
        "Practice Hub is running:",
        `  Tab and API        http://localhost:${servicePort}  (try ?as=demo-champion)`,
        `  Agents Playground  ${running.playground.url}`,
        `  Azurite            table ${running.azurite.tablePort}, queue ${running.azurite.queuePort}, data in ${path.relative(repoRoot, dataDir)}`,
        "Press Ctrl-C to stop.",
        "",
      ].join("\n"),
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    await stopAll(1);
  }
}

start().catch((error: unknown) => {
  const known = error instanceof PortBusyError || error instanceof ConfigError;
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
