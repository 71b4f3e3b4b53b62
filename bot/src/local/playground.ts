import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** The Playground's config file: mock tenant, people, team and channels (see the file). */
export const playgroundConfigFileName = ".m365agentsplayground.yml";

/** A running Microsoft 365 Agents Playground. */
export interface Playground {
  /** Its web UI, e.g. http://localhost:56150. */
  url: string;
  /** Stops the Playground and every process it started. */
  stop(): Promise<void>;
}

/** Options for startPlayground. */
export interface PlaygroundOptions {
  /** The bot endpoint the Playground posts activities to, e.g. http://localhost:3978/api/messages. */
  botEndpoint: string;
  /** The UI port. The Playground moves to a random port when it is taken; `url` says where. */
  port: number;
  /** Folder holding .m365agentsplayground.yml and node_modules; found from this file when absent. */
  rootDir?: string;
  /** How long to wait for the UI to answer, in milliseconds. */
  startTimeoutMs?: number;
}

/** The repository root: the nearest folder above this file that holds the Playground config. */
function findRootDir(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 6; depth += 1) {
    if (existsSync(path.join(dir, playgroundConfigFileName))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`${playgroundConfigFileName} not found above ${__dirname}.`);
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      resolve();
      return;
    }
    const pid = child.pid;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        // A negative pid signals the whole process group: the CLI and anything it spawned.
        process.kill(-pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    signalGroup("SIGTERM");
  });
}

async function waitUntilAnswering(url: string, deadline: number, child: ChildProcess) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("the Agents Playground exited while starting");
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the Agents Playground did not answer at ${url} in time`);
}

/**
 * Starts the Agents Playground from node_modules (as Teams and the Bot Connector for the bot),
 * in its own process group, from the folder holding .m365agentsplayground.yml, without opening a
 * browser and without telemetry; resolves once its UI answers.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const rootDir = options.rootDir ?? findRootDir();
  const bin = path.join(rootDir, "node_modules", ".bin", "agentsplayground");
  const args = [
    "-e",
    options.botEndpoint,
    "-c",
    "msteams",
    "--disable-telemetry",
    "-p",
    String(options.port),
  ];
  const child = spawn(bin, args, {
    cwd: rootDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: "none",
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(rootDir, playgroundConfigFileName),
      // Otherwise it writes devTools/m365agentsplayground.log into the repository.
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(
        os.tmpdir(),
        `practice-hub-playground-${process.pid}-${options.port}.log`,
      ),
    },
  });
  // Output is kept only until the Playground is up, for the error message if it fails.
  let output = "";
  let started = false;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the Agents Playground did not start:\n${output}`)),
        options.startTimeoutMs ?? 60_000,
      );
      child.stdout?.on("data", (chunk: Buffer) => {
        if (started) return;
        output += chunk.toString();
        // It prints the port it really bound, which differs when the asked-for one is taken.
        const listening = /Listening on (\d+)/.exec(output);
        if (listening?.[1]) {
          started = true;
          clearTimeout(timer);
          resolve(Number(listening[1]));
        }
      });
      child.stderr?.on("data", (chunk: Buffer) => {
        if (!started) output += chunk.toString();
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the Agents Playground exited with ${code}:\n${output}`));
      });
    });
    const url = `http://localhost:${port}`;
    await waitUntilAnswering(url, Date.now() + (options.startTimeoutMs ?? 60_000), child);
    return { url, stop: () => stopGroup(child) };
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
}
