import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ConfigError, loadConfig } from "../config";
import { createService, type Service } from "../server";
import { startAzurite, type Azurite } from "./azurite";
import { createLocalLogger, runningBanner } from "./localLogs";
import { startPlayground, type Playground } from "./playground";
import { seedDemoData } from "./seed";
import { stopInOrder } from "./stopSteps";

/**
 * `npm start`: the whole app on one machine with embedded defaults. Azurite keeps its data under
 * .data/ at the repository root, so a second start finds the canvas as it was left.
 */

const repoRoot = path.resolve(__dirname, "../../..");
const dataDir = path.join(repoRoot, ".data", "azurite");
const formatFile = path.join(repoRoot, ".data", "format");
const logFile = path.join(repoRoot, ".data", "logs", "service.log");

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
  // Silent when everything stops cleanly; otherwise one line per part that did not.
  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    process.stdin.pause();
    // The service before Azurite (which a Ctrl-C does not reach): its lease is given up, so the
    // next start leads at once instead of waiting for the lease to run out.
    const failures = await stopInOrder([
      { name: "the Agents Playground", stop: () => running.playground?.stop() },
      { name: "the service", stop: () => running.service?.close() },
      { name: "Azurite", stop: () => running.azurite?.stop() },
    ]);
    for (const failure of failures) console.error(failure);
    process.exit(failures.length > 0 ? 1 : exitCode);
  };
  process.once("SIGINT", () => void stopAll(0));
  process.once("SIGTERM", () => void stopAll(0));
  // Azurite has process groups of its own: never leave it behind, whatever ends this process.
  process.once("exit", () => running.azurite?.kill());

  try {
    setAsideOlderData();
    running.azurite = await startAzurite({
      location: dataDir,
      tablePort,
      queuePort,
      ownProcessGroup: true,
    });
    const config = loadConfig({
      AUTH_MODE: "local",
      MicrosoftAppId: "",
      // Debugging in real Teams (npm run dev:teamsfx) runs with AUTH_MODE=entra, which needs a
      // secret; one made up per start suits a laptop as it does local mode.
      SUBMISSION_KEY_SECRET: randomBytes(32).toString("base64url"),
      ...process.env,
      PORT: String(servicePort),
      STORAGE_CONNECTION_STRING: running.azurite.connectionString,
    });
    const logger = createLocalLogger({
      file: logFile,
      level: config.LOG_LEVEL,
      terminal: process.stderr,
      displayPath: path.relative(process.cwd(), logFile) || logFile,
    });
    running.service = await createService(config, { logger });
    // Idempotent: the first start seeds the demo tenant, later starts leave edits alone.
    await seedDemoData({ store: running.service.store, now: new Date() });
    await running.service.listen(servicePort, config.HOST);

    // The service binds 127.0.0.1 by default; "localhost" may resolve to ::1 first.
    const serviceHost = config.HOST === "127.0.0.1" ? "127.0.0.1" : "localhost";
    // With a bot app id (real Teams through a tunnel), the Playground's unsigned activities
    // would be refused: Teams itself is the client then.
    if (config.MicrosoftAppId === "") {
      running.playground = await startPlayground({
        botEndpoint: `http://${serviceHost}:${servicePort}/api/messages`,
        port: playgroundPort,
      });
    }

    const banner = runningBanner({
      serviceUrl: `http://localhost:${servicePort}`,
      playgroundUrl: running.playground?.url ?? null,
      azurite: {
        tablePort: running.azurite.tablePort,
        queuePort: running.azurite.queuePort,
        dataDir: path.relative(repoRoot, dataDir),
      },
      logFile: path.relative(repoRoot, logFile),
    });
    console.log(banner);
    // Enter shows the addresses again, wherever the terminal has scrolled to.
    if (process.stdin.isTTY) {
      process.stdin.setEncoding("utf8");
      process.stdin.on("data", (typed: string) => {
        if (typed.includes("\n") || typed.includes("\r")) console.log(banner);
      });
    }
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
