/**
 * Benchmark (issue 17 §4): how long the service takes to start, as `node bot/dist/server.js`
 * does in production: from spawning Node to the "listening" log line, against an Azurite that is
 * already running (tables created on each start, as the service does). Also the time `require`
 * of the server module takes alone (what is imported before it is needed). Median of 5.
 * Target: under 1 s.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { startAzurite, type Azurite } from "../../bot/src/local/azurite";
import { median, printTable } from "./figures";

const root = path.resolve(__dirname, "../..");
/** BENCH_SERVER_SCRIPT measures another build of the service (an older commit's, say) the same way. */
const serverScript = process.env.BENCH_SERVER_SCRIPT ?? path.join(root, "bot", "dist", "server.js");
const runs = 5;

/** Spawns the built service and resolves with the milliseconds until it says it is listening. */
function timeOneStart(connectionString: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [serverScript], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      AUTH_MODE: "local",
      STORAGE_CONNECTION_STRING: connectionString,
      JOBS_ENABLED: "false",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const early = (code: number | null) =>
      reject(new Error(`the service exited with ${code} before listening`));
    child.once("exit", early);
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      if (!line.includes("Practice Hub is listening")) return;
      const elapsed = performance.now() - started;
      child.off("exit", early);
      child.once("exit", () => resolve(elapsed));
      child.kill("SIGTERM");
    });
  });
}

/**
 * Milliseconds `require` of the server module takes in a fresh Node (nothing started): wall
 * clock, and CPU time, which other work on a shared machine disturbs less.
 */
function timeImport(): { wallMs: number; cpuMs: number } {
  const script = [
    "const t = performance.now(); const c = process.cpuUsage();",
    `require(${JSON.stringify(serverScript)});`,
    "const used = process.cpuUsage(c);",
    "console.log(JSON.stringify({ wallMs: performance.now() - t, cpuMs: (used.user + used.system) / 1000 }));",
  ].join(" ");
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  return JSON.parse(result.stdout.trim()) as { wallMs: number; cpuMs: number };
}

describe("service start", () => {
  let azurite: Azurite;

  beforeAll(async () => {
    if (!existsSync(serverScript))
      throw new Error(`${serverScript} is missing: run npm run build.`);
    azurite = await startAzurite();
  });

  afterAll(async () => {
    await azurite?.stop();
  });

  it("starts in under a second", async () => {
    // The first start creates the tables; later ones find them, as a restart does.
    const first = await timeOneStart(azurite.connectionString);
    const starts: number[] = [];
    const imports: { wallMs: number; cpuMs: number }[] = [];
    for (let run = 0; run < runs; run += 1) {
      starts.push(await timeOneStart(azurite.connectionString));
      imports.push(timeImport());
    }
    printTable(`Service start (median of ${runs}; target under 1,000 ms)`, [
      { figure: "spawn to listening, tables new (ms)", value: Math.round(first) },
      { figure: "spawn to listening, tables exist (ms)", value: Math.round(median(starts)) },
      {
        figure: "require of the server module, wall (ms)",
        value: Math.round(median(imports.map((run) => run.wallMs))),
      },
      {
        figure: "require of the server module, CPU (ms)",
        value: Math.round(median(imports.map((run) => run.cpuMs))),
      },
    ]);
    expect(median(starts)).toBeLessThan(1_000);
  });
});
