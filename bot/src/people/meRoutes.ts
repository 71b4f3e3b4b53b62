import express, { type Router } from "express";
import { actorOf } from "../auth";
import { viewerLoader } from "../policies/viewerLoader";
import { presentMe } from "./mePresenter";
import type { ApiDeps } from "../http/deps";

/** GET /api/me: who the caller is and which roles they hold (one storage query). */
export function meRouter({
  store,
  authenticated,
}: Pick<ApiDeps, "store" | "authenticated">): Router {
  const router = express.Router();
  router.get("/me", authenticated, async (_req, res) => {
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    res.json(presentMe(viewer));
  });
  return router;
}
