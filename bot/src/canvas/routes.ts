import type { CanvasHistoryResponse } from "@practice-hub/shared";
import express, { type Router } from "express";
import { actorOf } from "../auth";
import { canvasReviewer } from "./canvasReviewer";
import { canvasSectionUpdater } from "./canvasSectionUpdater";
import { communityAccessChecker, communityNotFound } from "../policies/communityAccessChecker";
import { viewerLoader } from "../policies/viewerLoader";
import { badRequest } from "../errors";
import { parseWith, requiredIfMatch } from "../http/validate";
import { allowedCanvasActions, authorize } from "../policies";
import { presentCanvas, presentCanvasVersion } from "./presenter";
import { isHistoryKeyOf } from "../store";
import { communityIdParam } from "../http/communityIdParam";
import type { ApiDeps } from "../http/deps";
import {
  canvasHistoryQuerySchema,
  decodeHistoryCursor,
  encodeHistoryCursor,
  sectionParamsSchema,
  updateCanvasSectionRequestSchema,
} from "./schema";

/** The community canvas: read, save a section, history, review. */
export function canvasRouter({
  store,
  now,
  authenticated,
}: Pick<ApiDeps, "store" | "now" | "authenticated">): Router {
  const router = express.Router();
  const base = "/communities/:communityId/canvas";

  router.get(base, authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    const { canvas, sections } = await store.canvas.read({
      tenantId: viewer.actor.tenantId,
      communityId,
    });
    if (!canvas) throw communityNotFound();
    authorize(viewer, "read", { kind: "canvas", communityId });
    const allowedActions = allowedCanvasActions(viewer, communityId);
    res.json(presentCanvas({ communityId, canvas, sections, allowedActions }));
  });

  router.put(`${base}/sections/:sectionId`, authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const { sectionId } = parseWith(sectionParamsSchema, req.params, "The section id");
    const ifMatch = requiredIfMatch(
      req,
      "Send the section's etag in an If-Match header so that nobody's edit is overwritten.",
    );
    const { content } = parseWith(updateCanvasSectionRequestSchema, req.body, "The section");
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityAccessChecker({ store, viewer, communityId, action: "update" });
    const section = await canvasSectionUpdater({
      store,
      viewer,
      communityId,
      sectionId,
      content,
      ifMatch,
      now: now(),
    });
    res.setHeader("ETag", section.etag);
    res.json(section);
  });

  router.get(`${base}/history`, authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const query = parseWith(canvasHistoryQuerySchema, req.query, "The history query");
    const afterKey = query.cursor === undefined ? undefined : decodeHistoryCursor(query.cursor);
    if (afterKey !== undefined && !isHistoryKeyOf(afterKey, query.section)) {
      throw badRequest("The cursor does not belong to this section's history. Start again.");
    }
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
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
  });

  router.post(`${base}/review`, authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityAccessChecker({ store, viewer, communityId, action: "review" });
    res.json(await canvasReviewer({ store, viewer, communityId, now: now() }));
  });

  return router;
}
