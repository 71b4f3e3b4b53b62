import { apiPathTemplates as paths } from "@practice-hub/shared";
import { type Router } from "express";
import type { ApiDeps } from "../http/deps";
import { areaRouter } from "../http/route";
import { presentMe } from "./mePresenter";

/** GET /api/me: who the caller is and which roles they hold (one storage query). */
export function meRouter(deps: Pick<ApiDeps, "store" | "authenticated">): Router {
  const { router, route } = areaRouter(deps);
  route({ method: "get", path: paths.me }, ({ res, viewer }) => {
    res.json(presentMe(viewer));
  });
  return router;
}
