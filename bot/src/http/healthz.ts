import { apiPathTemplates, routePattern } from "@practice-hub/shared";
import express, { type Router } from "express";
import type { EventLoopMonitor } from "../eventLoop";
import { storageUnavailable } from "../errors";
import { loggerOf } from "./requestContext";
import type { ApiDeps } from "./deps";

/**
 * GET /healthz: 200 when storage answers one cheap call, with the event loop's longest recent
 * delay (a request that holds the loop makes every other one wait, this one included); 503 in the
 * one error shape when storage does not answer.
 */
export function healthRouter({
  store,
  logger,
  eventLoop,
}: Pick<ApiDeps, "store" | "logger"> & { eventLoop?: Pick<EventLoopMonitor, "recent"> }): Router {
  const router = express.Router();
  router.get(routePattern(apiPathTemplates.health), async (_req, res) => {
    try {
      await store.ping();
    } catch (error) {
      loggerOf(res, logger).warn({ err: error }, "health check: storage did not answer");
      throw storageUnavailable();
    }
    res.json({ status: "ok", ...(eventLoop ? { eventLoop: eventLoop.recent() } : {}) });
  });
  return router;
}
