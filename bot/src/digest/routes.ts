import {
  apiPathTemplates as paths,
  defaultDigestSettings,
  isoWeekOf,
  type DigestPreviewResponse,
  type DigestSettingsResponse,
} from "@practice-hub/shared";
import { type Router } from "express";
import { badRequest } from "../errors";
import { communityIdParam } from "../http/communityIdParam";
import type { ApiDeps } from "../http/deps";
import { areaRouter } from "../http/route";
import { channelDigestDeliveryKey } from "../jobs/digests";
import type { Jobs } from "../jobs/types";
import { communityAccessChecker } from "../policies/communityAccess";
import { channelDigestStateKey } from "../store/digestRepository";
import { digestComposer } from "./digestComposer";
import { channelZone, digestSender } from "./digestSender";
import { presentDigestSend } from "./presenter";
import { digestPreviewQuerySchema, digestSettingsSchema, zoneQuery } from "./schema";
import { unreachableLister } from "./unreachableLister";

/**
 * The weekly digest: each person's delivery settings, the preview of the exact card, and a
 * champion's "send now" of the members' version to the community's channel.
 */
export function digestRouter(
  deps: Pick<ApiDeps, "store" | "now" | "authenticated" | "config"> & {
    /** The delivery backbone; absent when jobs are not running, and then "send now" says so. */
    jobs?: Pick<Jobs, "enqueueDelivery">;
  },
): Router {
  const { store, now, config } = deps;
  const { router, route } = areaRouter(deps);

  // Settings are the caller's own: the policy judges them without roles, so none are read.
  const ownSettings = (action: "read" | "update") =>
    ({ path: paths.digestSettings, authorize: { kind: "person", action } }) as const;

  route(
    { method: "get", ...ownSettings("read"), query: zoneQuery },
    async ({ res, actor, query }) => {
      const state = await store.digests.stateOf({ tenantId: actor.tenantId, userId: actor.userId });
      const body: DigestSettingsResponse = {
        settings: state.settings ?? defaultDigestSettings(query.timeZone ?? "UTC"),
        saved: state.settings !== null,
      };
      res.json(body);
    },
  );

  const settingsBody = { schema: digestSettingsSchema, what: "The digest settings" };
  route(
    { method: "put", ...ownSettings("update"), body: settingsBody },
    async ({ res, actor: { tenantId, userId }, body: settings }) => {
      await store.digests.saveSettings({ tenantId, userId, settings });
      const body: DigestSettingsResponse = { settings, saved: true };
      res.json(body);
    },
  );

  route(
    {
      method: "get",
      path: paths.digestPreview,
      query: { schema: digestPreviewQuerySchema, what: "The preview query" },
    },
    async ({ res, viewer, query }) => {
      if (query.audience === "members") {
        if (!query.communityId) throw badRequest("Name the community of the members' digest.");
        await communityAccessChecker({
          store,
          viewer,
          resource: { kind: "digest", communityId: communityIdParam(query.communityId) },
          action: "read",
        });
      }
      const state = await store.digests.stateOf({
        tenantId: viewer.actor.tenantId,
        userId: viewer.actor.userId,
      });
      const timeZone =
        query.audience === "members"
          ? channelZone
          : (state.settings?.timeZone ?? query.timeZone ?? "UTC");
      const composed = await digestComposer({
        store,
        config,
        tenantId: viewer.actor.tenantId,
        recipient: { id: viewer.actor.userId, displayName: viewer.actor.displayName },
        audience: query.audience,
        ...(query.audience === "members" && query.communityId
          ? { communityId: query.communityId, stateKey: channelDigestStateKey(query.communityId) }
          : {}),
        timeZone,
        now: now(),
      });
      const body: DigestPreviewResponse = {
        week: composed.week,
        audience: query.audience,
        card: composed.card as unknown as Record<string, unknown>,
        empty: composed.digest.communities.length === 0,
      };
      res.json(body);
    },
  );

  const champions = { authorize: { kind: "digest", action: "send" } } as const;

  route(
    { method: "get", path: paths.digestUnreachable, ...champions },
    async ({ res, viewer, communityId }) => {
      res.json(await unreachableLister({ store, tenantId: viewer.actor.tenantId, communityId }));
    },
  );

  route(
    { method: "get", path: paths.digestSend, ...champions },
    async ({ res, viewer, communityId }) => {
      const { tenantId } = viewer.actor;
      const week = isoWeekOf(now(), channelZone);
      const key = channelDigestDeliveryKey(tenantId, communityId, week);
      const record = await store.deliveries.find({ tenantId, key });
      res.json(presentDigestSend({ key, week, record }));
    },
  );

  route(
    { method: "post", path: paths.digestSend, ...champions },
    async ({ res, viewer, communityId }) => {
      const sent = await digestSender({ store, config, jobs: deps.jobs, viewer, communityId, now });
      res.status(sent.queued ? 202 : 200).json(presentDigestSend(sent));
    },
  );

  return router;
}
