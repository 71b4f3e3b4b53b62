import {
  apiPathTemplates as paths,
  retroListQuerySchema,
  retroRequestSchemas,
  type RetroListResponse,
} from "@practice-hub/shared";
import { type Response, type Router } from "express";
import type { ApiDeps } from "../http/deps";
import { pageOf } from "../http/paging";
import { loggerOf } from "../http/requestContext";
import { areaRouter } from "../http/route";
import type { Viewer } from "../policies";
import { allowedActions } from "../policies/allowedActions";
import type { RetroAggregate } from "../store";
import { presentRetro, presentRetroAction, presentRetroListItem } from "./presenter";
import { retroActionAdder } from "./retroActionAdder";
import { retroActionTracker } from "./retroActionTracker";
import { retroCloser } from "./retroCloser";
import { retroEntryAdder } from "./retroEntryAdder";
import { retroEntryHider } from "./retroEntryHider";
import { retroMover } from "./retroMover";
import type { RetroNotifier } from "./retroNotifier";
import { retroForViewer, retroNotFound } from "./retroReader";
import { retroStarter } from "./retroStarter";
import { retroThemeSaver } from "./retroThemeSaver";
import { retroVoter } from "./retroVoter";
import {
  actionParamsSchema,
  addRetroEntryRequestSchema,
  castRetroVoteRequestSchema,
  entryParamsSchema,
  hideRetroEntryRequestSchema,
  moveRetroRequestSchema,
  retroParamsSchema,
  saveRetroThemesRequestSchema,
  startRetroRequestSchema,
  updateRetroActionRequestSchema,
} from "./schema";

/** What the retro routes need besides the usual API dependencies. */
export interface RetrosRouterDeps extends Pick<
  ApiDeps,
  "store" | "now" | "authenticated" | "logger" | "config"
> {
  /** Posts retro cards to the linked channel and owner cards to owners; null turns posting off. */
  retroNotifier: RetroNotifier | null;
}

/** A retro id that cannot exist is a retro this community does not have. */
const retroParams = { schema: retroParamsSchema, what: "The retro id", notFound: retroNotFound };
const may = (action: "read" | "contribute" | "facilitate" | "moderate") =>
  ({ kind: "retro", action }) as const;

/** Retros: start, read, entries, themes, votes, phases, actions, moderation. */
export function retrosRouter(deps: RetrosRouterDeps): Router {
  const { store, now, retroNotifier, config } = deps;
  const dated = retroRequestSchemas(now);
  const { router, route } = areaRouter(deps);

  function present(viewer: Viewer, communityId: string, aggregate: RetroAggregate) {
    return presentRetro({
      communityId,
      aggregate,
      audience: {
        userId: viewer.actor.userId,
        capabilities: allowedActions(viewer, "retro", communityId),
      },
      now: now(),
    });
  }

  async function read(viewer: Viewer, communityId: string, retroId: string) {
    return retroForViewer({ store, viewer, communityId, retroId });
  }

  /** Notifications are best effort: the change is stored, a failed post must not undo it. */
  async function notify(res: Response, send: () => Promise<void>) {
    try {
      await send();
    } catch (error) {
      loggerOf(res, deps.logger).error({ err: error }, "retro card could not be queued");
    }
  }

  route(
    {
      method: "get",
      path: paths.retros,
      query: { schema: retroListQuerySchema, what: "The page" },
      authorize: may("read"),
    },
    async ({ res, viewer, communityId, query: { cursor, limit } }) => {
      const { retros, actions, nextCursor } = await pageOf(() =>
        store.retros.listPage({ tenantId: viewer.actor.tenantId, communityId, limit, cursor }),
      );
      const body: RetroListResponse = {
        retros: retros.map(presentRetroListItem),
        nextCursor,
        // The repository lists only actions not yet done.
        openActions: actions
          .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
          .map((action) => presentRetroAction(action, now())),
        allowedActions: allowedActions(viewer, "retro", communityId),
      };
      res.json(body);
    },
  );

  route(
    {
      method: "post",
      path: paths.retros,
      body: { schema: startRetroRequestSchema, what: "The retro" },
      authorize: may("facilitate"),
    },
    async ({ res, viewer, communityId, body }) => {
      const started = await retroStarter({ store, viewer, communityId, request: body, now: now() });
      const aggregate = await read(viewer, communityId, started.retroId);
      if (retroNotifier) {
        const retro = presentRetro({
          communityId,
          aggregate,
          audience: { userId: null, capabilities: [] },
          now: now(),
        });
        await notify(res, () =>
          retroNotifier.postToChannel({
            tenantId: viewer.actor.tenantId,
            retro,
            reason: "started",
          }),
        );
      }
      res.status(201).json(present(viewer, communityId, aggregate));
    },
  );

  route(
    { method: "get", path: paths.retro, params: retroParams, authorize: may("read") },
    async ({ res, viewer, communityId, params }) => {
      res.json(present(viewer, communityId, await read(viewer, communityId, params.retroId)));
    },
  );

  route(
    {
      method: "post",
      path: paths.retroEntries,
      params: retroParams,
      body: { schema: addRetroEntryRequestSchema, what: "The entry" },
      authorize: may("contribute"),
    },
    async ({ res, viewer, communityId, params, body }) => {
      const result = await retroEntryAdder({
        store,
        viewer,
        communityId,
        retroId: params.retroId,
        request: body,
        keySecret: config.SUBMISSION_KEY_SECRET,
      });
      res.status(result.created ? 201 : 200).json(result);
    },
  );

  route(
    {
      method: "put",
      path: paths.retroThemes,
      params: retroParams,
      ifMatch: "Send the retro's etag in an If-Match header so no grouping is lost.",
      body: { schema: saveRetroThemesRequestSchema, what: "The themes" },
      authorize: may("facilitate"),
    },
    async ({ res, viewer, communityId, params, body, ifMatch }) => {
      const aggregate = await retroThemeSaver({
        store,
        viewer,
        communityId,
        retroId: params.retroId,
        themes: body.themes,
        ifMatch,
        now: now(),
      });
      res.setHeader("ETag", aggregate.retro.etag);
      res.json(present(viewer, communityId, aggregate));
    },
  );

  route(
    {
      method: "post",
      path: paths.retroVotes,
      params: retroParams,
      body: { schema: castRetroVoteRequestSchema, what: "The vote" },
      authorize: may("contribute"),
    },
    async ({ res, viewer, communityId, params, body }) => {
      const result = await retroVoter({
        store,
        viewer,
        communityId,
        retroId: params.retroId,
        request: body,
      });
      res.status(result.created ? 201 : 200).json(result);
    },
  );

  route(
    {
      method: "post",
      path: paths.retroPhase,
      params: retroParams,
      body: { schema: moveRetroRequestSchema, what: "The phase" },
      authorize: may("facilitate"),
    },
    async ({ res, viewer, communityId, params, body: { to } }) => {
      const moved = { store, viewer, communityId, retroId: params.retroId, now: now() };
      const aggregate =
        to === "closed"
          ? await retroCloser({
              ...moved,
              notifier: retroNotifier,
              logger: loggerOf(res, deps.logger),
            })
          : (await retroMover({ ...moved, to })).aggregate;
      res.json(present(viewer, communityId, aggregate));
    },
  );

  route(
    {
      method: "post",
      path: paths.retroActions,
      params: retroParams,
      body: { schema: dated.addAction, what: "The action" },
      authorize: may("facilitate"),
    },
    async ({ res, viewer, communityId, params, body }) => {
      const { action, created } = await retroActionAdder({
        store,
        viewer,
        communityId,
        retroId: params.retroId,
        request: body,
        now: now(),
      });
      res.status(created ? 201 : 200).json(presentRetroAction(action, now()));
    },
  );

  route(
    {
      method: "post",
      path: paths.retroEntryHide,
      params: { schema: entryParamsSchema, what: "The entry id", notFound: retroNotFound },
      body: { schema: hideRetroEntryRequestSchema, what: "The reason" },
      authorize: may("moderate"),
    },
    async ({ res, viewer, communityId, params: { retroId, entryId }, body: { reason } }) => {
      const aggregate = await retroEntryHider({
        store,
        viewer,
        communityId,
        retroId,
        entryId,
        reason,
        now: now(),
      });
      res.json(present(viewer, communityId, aggregate));
    },
  );

  // retroActionTracker asks the policy itself: an action's owner may change its status too.
  route(
    {
      method: "post",
      path: paths.retroActionStatus,
      params: { schema: actionParamsSchema, what: "The action id" },
      body: { schema: updateRetroActionRequestSchema, what: "The status" },
    },
    async ({ res, viewer, communityId, params, body }) => {
      const action = await retroActionTracker({
        store,
        viewer,
        communityId,
        actionId: params.actionId,
        status: body.status,
        now: now(),
      });
      res.json(presentRetroAction(action, now()));
    },
  );

  return router;
}
