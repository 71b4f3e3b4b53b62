import { apiPathTemplates, routePattern, type PublicConfig } from "@practice-hub/shared";
import express, { type Router } from "express";
import type { ApiDeps } from "./deps";

/** GET /api/public-config: what the tab needs before it has a token. */
export function publicConfigRouter({ config }: Pick<ApiDeps, "config">): Router {
  const router = express.Router();
  router.get(routePattern(apiPathTemplates.publicConfig), (_req, res) => {
    const body: PublicConfig = { authMode: config.AUTH_MODE };
    res.json(body);
  });
  return router;
}
