import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/** Azurite's well-known development account (public, documented by Microsoft). */
const account = "devstoreaccount1";
const accountKey =
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/** A running Azurite (table + queue). */
export interface Azurite {
  tablePort: number;
  queuePort: number;
  /** A connection string for both services. */
  connectionString: string;
  /** Stops both processes and waits for them to exit. */
  stop(): Promise<void>;
  /** Asks both processes to stop without waiting: for a parent that is exiting right now. */
  kill(): void;
}

/** Options for startAzurite. */
export interface AzuriteOptions {
  /** Keep data under this folder (created if missing); in memory when absent. */
  location?: string;
  /** Fixed ports (the local stack); free ports are picked when absent. */
  tablePort?: number;
  queuePort?: number;
  /** Where the azurite bins are; defaults to the repository's node_modules/.bin. */
  binDir?: string;
  /**
   * Runs Azurite in process groups of its own, so a Ctrl-C in the terminal does not reach it and
   * the caller stops it last, after the service has given its lease up (the local stack).
   */
  ownProcessGroup?: boolean;
}

/** The connection string of an Azurite listening on 127.0.0.1. */
export function azuriteConnectionString(tablePort: number, queuePort: number): string {
  return [
    "DefaultEndpointsProtocol=http",
    `AccountName=${account}`,
    `AccountKey=${accountKey}`,
    `TableEndpoint=http://127.0.0.1:${tablePort}/${account}`,
    `QueueEndpoint=http://127.0.0.1:${queuePort}/${account}`,
  ].join(";");
}

function defaultBinDir(): string {
  // From bot/src/local or bot/dist/local, the repository root is three levels up.
  let dir = __dirname;
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = path.join(dir, "node_modules", ".bin");
    if (existsSync(path.join(candidate, "azurite-table"))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error("azurite is not installed: run npm install at the repository root.");
}

/**
 * A port that was free a moment ago. Azurite cannot report the port it bound when given 0, so
 * we ask the OS for one and pass it on; startAzurite retries if another process wins the race.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    // Azurite saves its database and exits on SIGINT; SIGTERM would drop unsaved writes.
    child.kill("SIGINT");
  });
}

/** Starts one Azurite service and resolves once it says it is listening. */
function startService(props: {
  bin: string;
  args: string[];
  cwd: string;
  detached: boolean;
}): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(props.bin, props.args, {
      cwd: props.cwd,
      stdio: ["ignore", "pipe", "pipe"],
      detached: props.detached,
    });
    let output = "";
    const timer = setTimeout(() => {
      void stopProcess(child);
      reject(new Error(`${path.basename(props.bin)} did not start in 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/successfully (started|listen)/i.test(output)) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${path.basename(props.bin)} exited with ${code}:\n${output}`));
    });
  });
}

async function startWithRetry(props: {
  bin: string;
  service: "table" | "queue";
  port: number | undefined;
  location: string | undefined;
  detached: boolean;
}): Promise<{ child: ChildProcess; port: number }> {
  const attempts = props.port === undefined ? 3 : 1;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const port = props.port ?? (await freePort());
    const args = [
      `--${props.service}Host`,
      "127.0.0.1",
      `--${props.service}Port`,
      String(port),
      "--silent",
      "--skipApiVersionCheck",
      "--loose",
      "--disableTelemetry",
      ...(props.location ? ["--location", props.location] : ["--inMemoryPersistence"]),
    ];
    try {
      // Azurite writes debug and lock files in its working directory: keep them with its data.
      const cwd = props.location ?? process.cwd();
      const child = await startService({ bin: props.bin, args, cwd, detached: props.detached });
      return { child, port };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * Starts azurite-table and azurite-queue from node_modules/.bin on free ports (or the given
 * ones), in memory or under `location`, and waits until both listen.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const binDir = options.binDir ?? defaultBinDir();
  if (options.location) mkdirSync(options.location, { recursive: true });
  const table = await startWithRetry({
    bin: path.join(binDir, "azurite-table"),
    service: "table",
    port: options.tablePort,
    location: options.location,
    detached: options.ownProcessGroup ?? false,
  });
  let queue: { child: ChildProcess; port: number };
  try {
    queue = await startWithRetry({
      bin: path.join(binDir, "azurite-queue"),
      service: "queue",
      port: options.queuePort,
      location: options.location,
      detached: options.ownProcessGroup ?? false,
    });
  } catch (error) {
    await stopProcess(table.child);
    throw error;
  }
  return {
    tablePort: table.port,
    queuePort: queue.port,
    connectionString: azuriteConnectionString(table.port, queue.port),
    async stop() {
      await Promise.all([stopProcess(table.child), stopProcess(queue.child)]);
    },
    kill() {
      for (const child of [table.child, queue.child]) {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
      }
    },
  };
}
