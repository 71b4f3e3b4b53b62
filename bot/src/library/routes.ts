import {
  apiPathTemplates as paths,
  libraryQuerySchema,
  type LibraryResponse,
} from "@practice-hub/shared";
import { type Router } from "express";
import { notFound } from "../errors";
import type { ApiDeps } from "../http/deps";
import { pageOf } from "../http/paging";
import { areaRouter } from "../http/route";
import { can } from "../policies";
import { allowedActions } from "../policies/allowedActions";
import { libraryHandbookSaver } from "./libraryHandbookSaver";
import { libraryResourceDecider } from "./libraryResourceDecider";
import { libraryResourceSuggester } from "./libraryResourceSuggester";
import { presentHandbookEntry, presentResource } from "./presenter";
import {
  entryParamsSchema,
  resourceDecisionRequestSchema,
  resourceParamsSchema,
  saveHandbookEntryRequestSchema,
  suggestResourceRequestSchema,
} from "./schema";

const ifMatchSentence = (what: string) => `Send the ${what}'s etag in an If-Match header.`;
const handbookEntry = { schema: saveHandbookEntryRequestSchema, what: "The handbook entry" };
const entryParams = {
  schema: entryParamsSchema,
  what: "The entry id",
  notFound: () => notFound("No handbook entry with that id in this library."),
};

/** The curated library: list, suggest, curators' decisions, handbook entries. */
export function libraryRouter(deps: Pick<ApiDeps, "store" | "now" | "authenticated">): Router {
  const { store, now } = deps;
  const { router, route } = areaRouter(deps);

  route(
    {
      method: "get",
      path: paths.library,
      query: { schema: libraryQuerySchema, what: "The page" },
      authorize: { kind: "library", action: "read" },
    },
    async ({ res, viewer, communityId, query }) => {
      // Suggestions waiting for a decision, rejected ones and archived handbook entries are for
      // curators (and suggestions for their authors too): the store leaves the rest out.
      const curator = can(viewer, "curate", { kind: "library", communityId });
      const page = await pageOf(() =>
        store.library.listPage({
          tenantId: viewer.actor.tenantId,
          communityId,
          reader: { userId: viewer.actor.userId, curator },
          limit: query.limit,
          cursor: query.cursor,
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
    },
  );

  route(
    {
      method: "post",
      path: paths.libraryResources,
      body: { schema: suggestResourceRequestSchema, what: "The suggestion" },
      authorize: { kind: "library", action: "suggest" },
    },
    async ({ res, viewer, communityId, body }) => {
      const result = await libraryResourceSuggester({
        store,
        viewer,
        communityId,
        suggestion: body,
        now: now(),
      });
      res.status(result.outcome === "suggested" ? 201 : 200).json(result);
    },
  );

  route(
    {
      method: "post",
      path: paths.libraryDecision,
      params: {
        schema: resourceParamsSchema,
        what: "The resource id",
        notFound: () => notFound("No resource with that id in this library."),
      },
      ifMatch: ifMatchSentence("resource"),
      body: { schema: resourceDecisionRequestSchema, what: "The decision" },
      authorize: { kind: "library", action: "curate" },
    },
    async ({ res, viewer, communityId, params, body, ifMatch }) => {
      const resource = await libraryResourceDecider({
        store,
        viewer,
        communityId,
        resourceId: params.resourceId,
        decision: body,
        ifMatch,
        now: now(),
      });
      res.setHeader("ETag", resource.etag);
      res.json(resource);
    },
  );

  route(
    {
      method: "post",
      path: paths.handbook,
      body: handbookEntry,
      authorize: { kind: "library", action: "curate" },
    },
    async ({ res, viewer, communityId, body }) => {
      const saved = await libraryHandbookSaver({
        store,
        viewer,
        communityId,
        entry: body,
        now: now(),
      });
      res.setHeader("ETag", saved.etag);
      res.status(201).json(saved);
    },
  );

  route(
    {
      method: "put",
      path: paths.handbookEntry,
      params: entryParams,
      ifMatch: ifMatchSentence("entry"),
      body: handbookEntry,
      authorize: { kind: "library", action: "curate" },
    },
    async ({ res, viewer, communityId, params, body, ifMatch }) => {
      const saved = await libraryHandbookSaver({
        store,
        viewer,
        communityId,
        entryId: params.entryId,
        ifMatch,
        entry: body,
        now: now(),
      });
      res.setHeader("ETag", saved.etag);
      res.json(saved);
    },
  );

  return router;
}
