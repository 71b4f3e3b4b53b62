import { existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import pino from "pino";
import type { Config } from "../config";
import type { Logger } from "../logger";

/**
 * The local stack's logs: every line the service logs (a short session makes over a thousand
 * request lines) goes to a file under .data/logs, and only errors reach the terminal, as one
 * readable line each, so the addresses `npm start` prints stay in sight.
 */

/** A log file past this size is moved to `<name>.1` at the next start (one old file is kept). */
const maxLogBytes = 10 * 1024 * 1024;

/** Where the terminal lines go: process.stderr in `npm start`, a collector in tests. */
export interface LineSink {
  write(line: string): unknown;
}

/** Options of createLocalLogger. */
export interface LocalLoggerOptions {
  /** The file every log line is appended to (its folder is created). */
  file: string;
  level: Config["LOG_LEVEL"];
  /** Receives one line per error; the path of the file is named so details are one step away. */
  terminal: LineSink;
  /** Written as the file is shown in the terminal lines, e.g. relative to the repository. */
  displayPath?: string;
}

/** What the terminal shows of one JSON log line: its level, message and error message. */
export function terminalLine(json: string, displayPath: string): string {
  let entry: { level?: number; msg?: string; err?: { message?: string } };
  try {
    entry = JSON.parse(json) as typeof entry;
  } catch {
    return json.endsWith("\n") ? json : `${json}\n`;
  }
  const level = pino.levels.labels[entry.level ?? 50] ?? "error";
  const cause = entry.err?.message ? `: ${entry.err.message}` : "";
  return `Practice Hub ${level}: ${entry.msg ?? "(no message)"}${cause} (details in ${displayPath})\n`;
}

/** Moves a log file that grew too big aside, so a long-lived checkout does not fill the disk. */
function rotateIfLarge(file: string): void {
  if (existsSync(file) && statSync(file).size > maxLogBytes) renameSync(file, `${file}.1`);
}

/**
 * A pino logger for the local stack: all lines at `level` and above to `file`, errors and fatal
 * lines also to the terminal as one line each. Same redaction as the service's own logger.
 */
export function createLocalLogger(options: LocalLoggerOptions): Logger {
  mkdirSync(path.dirname(options.file), { recursive: true });
  rotateIfLarge(options.file);
  const displayPath = options.displayPath ?? options.file;
  const terminal = {
    write: (json: string) => options.terminal.write(terminalLine(json, displayPath)),
  };
  return pino(
    {
      level: options.level,
      base: { service: "practice-hub" },
      redact: ["req.headers.authorization", "headers.authorization"],
    },
    pino.multistream([
      // Synchronous: a line logged just before Ctrl-C is in the file when the process exits.
      { level: options.level, stream: pino.destination({ dest: options.file, sync: true }) },
      { level: "error", stream: terminal },
    ]),
  );
}

/** The addresses of a running local stack, as `npm start` prints them last and on Enter. */
export function runningBanner(props: {
  serviceUrl: string;
  playgroundUrl: string | null;
  azurite: { tablePort: number; queuePort: number; dataDir: string };
  logFile: string;
}): string {
  return [
    "",
    "Practice Hub is running:",
    `  Tab and API        ${props.serviceUrl}  (try ?as=demo-champion)`,
    ...(props.playgroundUrl ? [`  Agents Playground  ${props.playgroundUrl}`] : []),
    `  Azurite            table ${props.azurite.tablePort}, queue ${props.azurite.queuePort}, data in ${props.azurite.dataDir}`,
    `  Logs               ${props.logFile}`,
    "Press Enter to see these addresses again, Ctrl-C to stop.",
    "",
  ].join("\n");
}
