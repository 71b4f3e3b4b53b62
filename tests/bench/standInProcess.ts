import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { StandInStats } from "../support/connectorStandIn";

/** The connector stand-in running in a child process. */
export interface StandInProcess {
  serviceUrl: string;
  stats(): Promise<StandInStats>;
  stop(): Promise<void>;
}

/** The compiled entry point: `npm run bench` builds before it runs. */
const mainScript = path.resolve(__dirname, "../dist/bench/standInMain.js");

/** Starts tests/bench/standInMain.ts (compiled) and waits for its serviceUrl. */
export async function startStandInProcess(options: {
  appRatePerSecond: number;
  failureRate: number;
  seed: number;
}): Promise<StandInProcess> {
  if (!existsSync(mainScript)) {
    throw new Error(`${mainScript} is missing: run npm run build (npm run bench does).`);
  }
  const child: ChildProcess = spawn(process.execPath, [mainScript], {
    env: { ...process.env, STAND_IN_OPTIONS: JSON.stringify(options) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const serviceUrl = await new Promise<string>((resolve, reject) => {
    if (!child.stdout) {
      reject(new Error("the stand-in has no stdout"));
      return;
    }
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => resolve((JSON.parse(line) as { serviceUrl: string }).serviceUrl));
    child.once("exit", (code) => reject(new Error(`the stand-in exited with ${code}`)));
  });
  return {
    serviceUrl,
    async stats() {
      const response = await fetch(new URL("stand-in/stats", serviceUrl));
      return (await response.json()) as StandInStats;
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    },
  };
}
