import pino from "pino";
import type { Config } from "./config";

/** The structured logger used everywhere in the service. */
export type Logger = pino.Logger;

/** A pino logger at the configured level; request handlers use children carrying `reqId`. */
export function createLogger(config: Pick<Config, "LOG_LEVEL">): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: "practice-hub" },
    // Bearer tokens must never reach the logs.
    redact: ["req.headers.authorization", "headers.authorization"],
  });
}
