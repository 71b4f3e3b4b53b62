import type { RetroListResponse } from "@practice-hub/shared";
import { retroListQuerySchema, retroRequestSchemas } from "@practice-hub/shared";
import express, { type Response, type Router } from "express";
import { actorOf } from "../auth";
import { retroActionAdder } from "./retroActionAdder";
import { retroActionTracker } from "./retroActionTracker";
import { retroCloser } from "./retroCloser";
import { retroEntryAdder } from "./retroEntryAdder";
import { retroEntryHider } from "./retroEntryHider";
import { retroMover } from "./retroMover";
import type { RetroNotifier } from "./retroNotifier";
import { retroNotFound, retroReader } from "./retroReader";
import { allowedActions } from "../policies/allowedActions";
import { communityAccessChecker } from "../policies/communityAccess";
import { retroStarter } from "./retroStarter";
import { retroThemeSaver } from "./retroThemeSaver";
import { retroVoter } from "./retroVoter";
import { viewerLoader } from "../policies/viewerLoader";
import { loggerOf } from "../http/requestContext";
import { parseWith, requiredIfMatch } from "../http/validate";
import type { Viewer } from "../policies";
import { presentRetro, presentRetroAction, presentRetroListItem } from "./presenter";
import type { RetroAggregate } from "../store";
import { communityIdParam } from "../http/communityIdParam";
import { pageOf } from "../http/paging";
import type { ApiDeps } from "../http/deps";
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

/** Retros: start, read, entries, themes, votes, phases, actions, moderation. */
export function retrosRouter(deps: RetrosRouterDeps): Router {
  const { store, now, authenticated, retroNotifier, config } = deps;
  const dated = retroRequestSchemas(now);
  const router = express.Router();
  const base = "/communities/:communityId/retros";

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

  async function context(req: express.Request, res: Response) {
    const communityId = communityIdParam(req.params["communityId"]);
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    return { communityId, viewer };
  }

  function retroIdOf(req: express.Request): string {
    const parsed = retroParamsSchema.safeParse(req.params);
    if (!parsed.success) throw retroNotFound();
    return parsed.data.retroId;
  }

  /** Notifications are best effort: the change is stored, a failed post must not undo it. */
  async function notify(res: Response, send: () => Promise<void>) {
    try {
      await send();
    } catch (error) {
      loggerOf(res, deps.logger).error({ err: error }, "retro card could not be queued");
    }
  }

  router.get(base, authenticated, async (req, res) => {
    const { cursor, limit } = parseWith(retroListQuerySchema, req.query, "The page");
    const { communityId, viewer } = await context(req, res);
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "retro", communityId },
      action: "read",
    });
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
  });

  router.post(base, authenticated, async (req, res) => {
    const { communityId, viewer } = await context(req, res);
    const request = parseWith(startRetroRequestSchema, req.body, "The retro");
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "retro", communityId },
      action: "facilitate",
    });
    const started = await retroStarter({ store, viewer, communityId, request, now: now() });
    const aggregate = await retroReader({
      store,
      tenantId: viewer.actor.tenantId,
      communityId,
      retroId: started.retroId,
    });
    if (retroNotifier) {
      const retro = presentRetro({
        communityId,
        aggregate,
        audience: { userId: null, capabilities: [] },
        now: now(),
      });
      await notify(res, () =>
        retroNotifier.postToChannel({ tenantId: viewer.actor.tenantId, retro, reason: "started" }),
      );
    }
    res.status(201).json(present(viewer, communityId, aggregate));
  });

  router.get(`${base}/:retroId`, authenticated, async (req, res) => {
    const { communityId, viewer } = await context(req, res);
    const retroId = retroIdOf(req);
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "retro", communityId },
      action: "read",
    });
    const aggregate = await retroReader({
      store,
      tenantId: viewer.actor.tenantId,
      communityId,
      retroId,
    });
    res.json(present(viewer, communityId, aggregate));
  });

  router.post(`${base}/:retroId/entries`, authenticated, async (req, res) => {
    const { communityId, viewer } = await context(req, res);
    const retroId = retroIdOf(req);
    const request = parseWith(addRetroEntryRequestSchema, req.body, "The entry");
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "retro", communityId },
      action: "contribute",
    });
    const result = await retroEntryAdder({
      store,
      viewer,
      communityId,
      retroId,
      request,
      keySecret: config.SUBMISSION_KEY_SECRET,
    });
    res.status(result.created ? 201 : 200).json(result);
  });

  router.put(`${base}/:retroId/themes`, authenticated, async (req, res) => {
    const { communityId, viewer } = await context(req, res);
    const retroId = retroIdOf(req);
    const ifMatch = requiredIfMatch(
      req,
      "Send the retro's etag in an If-Match header so no grouping is lost.",
    );
    const { themes } = parseWith(saveRetroThemesRequestSchema, req.body, "The themes");
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "retro", communityId },
      action: "facilitate",
    });
    const aggregate = await retroThemeSaver({
      store,
      viewer,
      communityId,
      retroId,
      themes,
      ifMatch,
      now: now(),
    });
    res.setHeader("ETag", aggregate.retro.etag);
    res.json(present(viewer, communityId, aggregate));
  });

  router.post(`${base}/:retroId/votes`, authenticated, async (req, res) => {
    const { communityId, viewer } = await context(req, res);
    const retroId = retroIdOf(req);
    const request = parseWith(castRetroVoteRequestSchema, req.body, "The vote");
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "retro", communityId },
      action: "contribute",
    });
    const result = await retroVoter({ store, viewer, communityId, retroId, request });
    res.status(result.created ? 201 : 200).json(result);
  });

  router.post(`${base}/:retroId/phase`, authenticated, async (req, res) => {
    const { communityId, viewer } = await context(req, res);
    const retroId = retroIdOf(req);
    const { to } = parseWith(moveRetroRequestSchema, req.body, "The phase");
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "retro", communityId },
      action: "facilitate",
    });
    const moved = { store, viewer, communityId, retroId, now: now() };
    const aggregate =
      to === "closed"
        ? await retroCloser({
            ...moved,
            notifier: retroNotifier,
            logger: loggerOf(res, deps.logger),
          })
        : (await retroMover({ ...moved, to })).aggregate;
    res.json(present(viewer, communityId, aggregate));
  });

  router.post(`${base}/:retroId/actions`, authenticated, async (req, res) => {
    const { communityId, viewer } = await context(req, res);
    const retroId = retroIdOf(req);
    const request = parseWith(dated.addAction, req.body, "The action");
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "retro", communityId },
      action: "facilitate",
    });
    const { action, created } = await retroActionAdder({
      store,
      viewer,
      communityId,
      retroId,
      request,
      now: now(),
    });
    res.status(created ? 201 : 200).json(presentRetroAction(action, now()));
  });

  router.post(`${base}/:retroId/entries/:entryId/hide`, authenticated, async (req, res) => {
    const { communityId, viewer } = await context(req, res);
    const parsed = entryParamsSchema.safeParse(req.params);
    if (!parsed.success) throw retroNotFound();
    const { reason } = parseWith(hideRetroEntryRequestSchema, req.body, "The reason");
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "retro", communityId },
      action: "moderate",
    });
    const { retroId, entryId } = parsed.data;
    await retroEntryHider({ store, viewer, communityId, retroId, entryId, reason, now: now() });
    const aggregate = await retroReader({
      store,
      tenantId: viewer.actor.tenantId,
      communityId,
      retroId,
    });
    res.json(present(viewer, communityId, aggregate));
  });

  router.post(
    "/communities/:communityId/retro-actions/:actionId/status",
    authenticated,
    async (req, res) => {
      const { communityId, viewer } = await context(req, res);
      const { actionId } = parseWith(actionParamsSchema, req.params, "The action id");
      const { status } = parseWith(updateRetroActionRequestSchema, req.body, "The status");
      const action = await retroActionTracker({
        store,
        viewer,
        communityId,
        actionId,
        status,
        now: now(),
      });
      res.json(presentRetroAction(action, now()));
    },
  );

  return router;
}
