import { apiPathTemplates as paths, type CanvasHistoryResponse } from "@practice-hub/shared";
import { type Router } from "express";
import { badRequest } from "../errors";
import type { ApiDeps } from "../http/deps";
import { areaRouter } from "../http/route";
import { authorize } from "../policies";
import { allowedActions } from "../policies/allowedActions";
import { communityNotFound } from "../policies/communityAccess";
import { isHistoryKeyOf } from "../store";
import { canvasReviewer } from "./canvasReviewer";
import { canvasSectionUpdater } from "./canvasSectionUpdater";
import { presentCanvas, presentCanvasVersion } from "./presenter";
import {
  canvasHistoryQuerySchema,
  decodeHistoryCursor,
  encodeHistoryCursor,
  sectionParamsSchema,
  updateCanvasSectionRequestSchema,
} from "./schema";

/** The community canvas: read, save a section, history, review. */
export function canvasRouter(deps: Pick<ApiDeps, "store" | "now" | "authenticated">): Router {
  const { store, now } = deps;
  const { router, route } = areaRouter(deps);

  // The canvas read proves the community exists, so the policy is asked after it (one call).
  route({ method: "get", path: paths.canvas }, async ({ res, viewer, communityId }) => {
    const { canvas, sections } = await store.canvas.read({
      tenantId: viewer.actor.tenantId,
      communityId,
    });
    if (!canvas) throw communityNotFound();
    authorize(viewer, "read", { kind: "canvas", communityId });
    res.json(
      presentCanvas({
        communityId,
        canvas,
        sections,
        allowedActions: allowedActions(viewer, "canvas", communityId),
      }),
    );
  });

  route(
    {
      method: "put",
      path: paths.canvasSection,
      params: { schema: sectionParamsSchema, what: "The section id" },
      ifMatch:
        "Send the section's etag in an If-Match header so that nobody's edit is overwritten.",
      body: { schema: updateCanvasSectionRequestSchema, what: "The section" },
      authorize: { kind: "canvas", action: "update" },
    },
    async ({ res, viewer, communityId, params, body, ifMatch }) => {
      const section = await canvasSectionUpdater({
        store,
        viewer,
        communityId,
        sectionId: params.sectionId,
        content: body.content,
        ifMatch,
        now: now(),
      });
      res.setHeader("ETag", section.etag);
      res.json(section);
    },
  );

  route(
    {
      method: "get",
      path: paths.canvasHistory,
      query: { schema: canvasHistoryQuerySchema, what: "The history query" },
    },
    async ({ res, viewer, communityId, query }) => {
      const afterKey = query.cursor === undefined ? undefined : decodeHistoryCursor(query.cursor);
      if (afterKey !== undefined && !isHistoryKeyOf(afterKey, query.section)) {
        throw badRequest("The cursor does not belong to this section's history. Start again.");
      }
      const page = await store.canvas.listVersions({
        tenantId: viewer.actor.tenantId,
        communityId,
        sectionId: query.section,
        limit: query.limit,
        ...(afterKey !== undefined ? { afterKey } : {}),
      });
      if (!page.canvas) throw communityNotFound();
      authorize(viewer, "read", { kind: "canvas", communityId });
      const body: CanvasHistoryResponse = {
        versions: page.versions.map(presentCanvasVersion),
        nextCursor: page.lastKey === null ? null : encodeHistoryCursor(page.lastKey),
      };
      res.json(body);
    },
  );

  route(
    { method: "post", path: paths.canvasReview, authorize: { kind: "canvas", action: "review" } },
    async ({ res, viewer, communityId }) => {
      res.json(await canvasReviewer({ store, viewer, communityId, now: now() }));
    },
  );

  return router;
}
