import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../logger";

/** A caller-supplied request id is kept only when it is short and harmless in logs. */
const safeRequestId = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Gives every request an id (the caller's `x-request-id` when safe, else a new UUID), echoes it
 * on the response, and a child logger carrying it so that every log line of the request has it.
 * Logs one line per finished request.
 */
export function requestContext(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.get("x-request-id");
    const requestId = incoming && safeRequestId.test(incoming) ? incoming : randomUUID();
    const log = logger.child({ reqId: requestId });
    res.locals["requestId"] = requestId;
    res.locals["logger"] = log;
    res.setHeader("x-request-id", requestId);
    const started = process.hrtime.bigint();
    // Read now: routers rewrite req.path relative to where they are mounted.
    const path = req.path;
    res.on("finish", () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        { method: req.method, path, status: res.statusCode, durationMs },
        "request finished",
      );
    });
    next();
  };
}

/** The request id set by requestContext. */
export function requestIdOf(res: Response): string {
  const id: unknown = res.locals["requestId"];
  return typeof id === "string" ? id : "unknown";
}

/** The request's child logger set by requestContext, or the fallback. */
export function loggerOf(res: Response, fallback: Logger): Logger {
  const log: unknown = res.locals["logger"];
  return log ? (log as Logger) : fallback;
}
