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
        { method: req.method, ...whereOf(req, path), status: res.statusCode, durationMs },
        "request finished",
      );
    });
    next();
  };
}

/**
 * What a request log line says about where the request went: the matched route's pattern
 * (`/feeds/:tenantId/:communityId/:token/calendar.ics`, relative to the router that declares
 * it) rather than the path, because paths can carry secrets such as the calendar feed's token.
 * Requests no route matched (static files, 404s, a parameter that did not decode) log their
 * path with every token-like run (20 or more URL-safe characters) cut out.
 */
function whereOf(req: Request, path: string): { route: string } | { path: string } {
  const route: unknown = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof route === "string") return { route };
  // The tab's catch-all is a regular expression: every client-side route of the tab.
  if (route instanceof RegExp) return { route: "(tab)" };
  return { path: path.replace(/[A-Za-z0-9_-]{20,}/g, "…") };
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
