import { apiPathTemplates as paths, type HealthSignalsResponse } from "@practice-hub/shared";
import { type Router } from "express";
import { digestComposer } from "../digest/digestComposer";
import { zoneQuery } from "../digest/schema";
import type { ApiDeps } from "../http/deps";
import { areaRouter } from "../http/route";

/**
 * GET /api/health-signals: the warning signs of each community the viewer leads (every one of
 * the tenant for a head of profession), read the way the leads' digest reads them.
 */
export function healthSignalsRouter(
  deps: Pick<ApiDeps, "store" | "now" | "authenticated" | "config">,
): Router {
  const { store, now, config } = deps;
  const { router, route } = areaRouter(deps);
  route(
    {
      method: "get",
      path: paths.healthSignals,
      query: zoneQuery,
    },
    async ({ res, viewer, query }) => {
      const composed = await digestComposer({
        store,
        config,
        tenantId: viewer.actor.tenantId,
        recipient: { id: viewer.actor.userId, displayName: viewer.actor.displayName },
        audience: "lead",
        timeZone: query.timeZone ?? "UTC",
        now: now(),
      });
      const body: HealthSignalsResponse = {
        communities: composed.inputs.map((input) => ({
          communityId: input.communityId,
          name: input.name,
          signals: [...input.signals],
        })),
      };
      res.json(body);
    },
  );
  return router;
}
