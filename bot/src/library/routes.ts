import type { LibraryResponse } from "@practice-hub/shared";
import { libraryQuerySchema } from "@practice-hub/shared";
import express, { type Request, type Router } from "express";
import { actorOf } from "../auth";
import { allowedActions } from "../policies/allowedActions";
import { communityAccessChecker } from "../policies/communityAccess";
import { libraryHandbookSaver } from "./libraryHandbookSaver";
import { libraryResourceDecider } from "./libraryResourceDecider";
import { libraryResourceSuggester } from "./libraryResourceSuggester";
import { viewerLoader } from "../policies/viewerLoader";
import { notFound } from "../errors";
import { parseWith, requiredIfMatch } from "../http/validate";
import { can } from "../policies";
import { presentHandbookEntry, presentResource } from "./presenter";
import { communityIdParam } from "../http/communityIdParam";
import { pageOf } from "../http/paging";
import type { ApiDeps } from "../http/deps";
import {
  entryParamsSchema,
  resourceDecisionRequestSchema,
  resourceParamsSchema,
  saveHandbookEntryRequestSchema,
  suggestResourceRequestSchema,
} from "./schema";

function ifMatchOf(req: Request, what: string): string {
  return requiredIfMatch(req, `Send the ${what}'s etag in an If-Match header.`);
}

/** The curated library: list, suggest, curators' decisions, handbook entries. */
export function libraryRouter({
  store,
  now,
  authenticated,
}: Pick<ApiDeps, "store" | "now" | "authenticated">): Router {
  const router = express.Router();
  const base = "/communities/:communityId/library";

  router.get(base, authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const { cursor, limit } = parseWith(libraryQuerySchema, req.query, "The page");
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "library", communityId },
      action: "read",
    });
    // Suggestions waiting for a decision, rejected ones and archived handbook entries are for
    // curators (and suggestions for their authors too): the store leaves the rest out.
    const curator = can(viewer, "curate", { kind: "library", communityId });
    const page = await pageOf(() =>
      store.library.listPage({
        tenantId: viewer.actor.tenantId,
        communityId,
        reader: { userId: viewer.actor.userId, curator },
        limit,
        cursor,
      }),
    );
    const body: LibraryResponse = {
      communityId,
      resources: page.resources.map(presentResource),
      handbook: page.handbook.map(presentHandbookEntry),
      nextCursor: page.nextCursor,
      allowedActions: allowedActions(viewer, "library", communityId),
    };
    res.json(body);
  });

  router.post(`${base}/resources`, authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const suggestion = parseWith(suggestResourceRequestSchema, req.body, "The suggestion");
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "library", communityId },
      action: "suggest",
    });
    const result = await libraryResourceSuggester({
      store,
      viewer,
      communityId,
      suggestion,
      now: now(),
    });
    res.status(result.outcome === "suggested" ? 201 : 200).json(result);
  });

  router.post(`${base}/resources/:resourceId/decision`, authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const params = resourceParamsSchema.safeParse(req.params);
    if (!params.success) throw notFound("No resource with that id in this library.");
    const ifMatch = ifMatchOf(req, "resource");
    const decision = parseWith(resourceDecisionRequestSchema, req.body, "The decision");
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "library", communityId },
      action: "curate",
    });
    const resource = await libraryResourceDecider({
      store,
      viewer,
      communityId,
      resourceId: params.data.resourceId,
      decision,
      ifMatch,
      now: now(),
    });
    res.setHeader("ETag", resource.etag);
    res.json(resource);
  });

  router.post(`${base}/handbook`, authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const entry = parseWith(saveHandbookEntryRequestSchema, req.body, "The handbook entry");
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "library", communityId },
      action: "curate",
    });
    const saved = await libraryHandbookSaver({ store, viewer, communityId, entry, now: now() });
    res.setHeader("ETag", saved.etag);
    res.status(201).json(saved);
  });

  router.put(`${base}/handbook/:entryId`, authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const params = entryParamsSchema.safeParse(req.params);
    if (!params.success) throw notFound("No handbook entry with that id in this library.");
    const ifMatch = ifMatchOf(req, "entry");
    const entry = parseWith(saveHandbookEntryRequestSchema, req.body, "The handbook entry");
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "library", communityId },
      action: "curate",
    });
    const saved = await libraryHandbookSaver({
      store,
      viewer,
      communityId,
      entryId: params.data.entryId,
      ifMatch,
      entry,
      now: now(),
    });
    res.setHeader("ETag", saved.etag);
    res.json(saved);
  });

  return router;
}
