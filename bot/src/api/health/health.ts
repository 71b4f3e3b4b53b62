import express, { type Router } from "express";
import { storageUnavailable } from "../../errors";
import { loggerOf } from "../../http/requestContext";
import type { ApiDeps } from "../deps";

/** GET /healthz: 200 when storage answers one cheap call, 503 in the one error shape when not. */
export function healthRouter({ store, logger }: Pick<ApiDeps, "store" | "logger">): Router {
  const router = express.Router();
  router.get("/healthz", async (_req, res) => {
    try {
      await store.ping();
    } catch (error) {
      loggerOf(res, logger).warn({ err: error }, "health check: storage did not answer");
      throw storageUnavailable();
    }
    res.json({ status: "ok" });
  });
  return router;
}
