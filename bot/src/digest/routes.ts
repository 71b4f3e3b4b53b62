import type {
  DigestPreviewResponse,
  DigestSendResponse,
  DigestSendStatus,
  DigestSettingsResponse,
  HealthSignalsResponse,
  UnreachableResponse,
} from "@practice-hub/shared";
import {
  defaultDigestSettings,
  digestPreviewQuerySchema,
  digestSettingsSchema,
  isoWeekOf,
  timeZoneSchema,
} from "@practice-hub/shared";
import express, { type Router } from "express";
import { z } from "zod";
import { actorOf } from "../auth";
import { digestComposer } from "./digestComposer";
import { digestSentRecorder } from "./digestSentRecorder";
import { communityResourceAccessChecker } from "../policies/libraryAccessChecker";
import { viewerLoader } from "../policies/viewerLoader";
import { AppError, badRequest } from "../errors";
import { parseWith } from "../http/validate";
import type { DeliveryRecord, DeliveryState, Jobs } from "../jobs/types";
import { channelDigestDeliveryKey, digestSummary } from "../jobs/digests";
import { channelDigestStateKey } from "../store/digestRepository";
import { communityIdParam } from "../http/communityIdParam";
import type { ApiDeps } from "../http/deps";

/** The reader's zone, from the tab: an unknown zone is the caller's mistake (400), never a 500. */
const zoneQuerySchema = z.object({ timeZone: timeZoneSchema.optional() });

/**
 * The members' version goes to a channel, so it never depends on one reader's zone: its week,
 * its card and its preview are worked out in UTC, and "send now" posts what the preview shows.
 */
const channelZone = "UTC";

const sendStatusOf: Record<DeliveryState, DigestSendStatus> = {
  pending: "queued",
  sent: "sent",
  failed: "failed",
  unreachable: "unreachable",
};

/** Where one week's channel digest stands, from its delivery record (null: never queued). */
function presentDigestSend(props: {
  key: string;
  week: string;
  record: Pick<DeliveryRecord, "state" | "updatedAt" | "reason"> | null;
}): DigestSendResponse {
  const { key, week, record } = props;
  if (!record) return { status: "notSent", key, week };
  const undelivered = record.state === "failed" || record.state === "unreachable";
  return {
    status: sendStatusOf[record.state],
    key,
    week,
    updatedAt: record.updatedAt,
    ...(undelivered && record.reason ? { reason: record.reason } : {}),
  };
}

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
  const { store, now, authenticated, config } = deps;
  const router = express.Router();

  router.get("/digest/settings", authenticated, async (req, res) => {
    const { timeZone } = parseWith(zoneQuerySchema, req.query, "The query");
    const { tenantId, userId } = actorOf(res);
    const state = await store.digests.stateOf({ tenantId, userId });
    const body: DigestSettingsResponse = {
      settings: state.settings ?? defaultDigestSettings(timeZone ?? "UTC"),
      saved: state.settings !== null,
    };
    res.json(body);
  });

  router.put("/digest/settings", authenticated, async (req, res) => {
    const settings = parseWith(digestSettingsSchema, req.body, "The digest settings");
    const { tenantId, userId } = actorOf(res);
    await store.digests.saveSettings({ tenantId, userId, settings });
    const body: DigestSettingsResponse = { settings, saved: true };
    res.json(body);
  });

  router.get("/digest/preview", authenticated, async (req, res) => {
    const query = parseWith(digestPreviewQuerySchema, req.query, "The preview query");
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    if (query.audience === "members") {
      if (!query.communityId) throw badRequest("Name the community of the members' digest.");
      await communityResourceAccessChecker({
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
  });

  router.get("/health-signals", authenticated, async (req, res) => {
    const { timeZone } = parseWith(zoneQuerySchema, req.query, "The query");
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    const composed = await digestComposer({
      store,
      config,
      tenantId: viewer.actor.tenantId,
      recipient: { id: viewer.actor.userId, displayName: viewer.actor.displayName },
      audience: "lead",
      timeZone: timeZone ?? "UTC",
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
  });

  router.get("/communities/:communityId/digest/unreachable", authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityResourceAccessChecker({
      store,
      viewer,
      resource: { kind: "digest", communityId },
      action: "send",
    });
    const { tenantId } = viewer.actor;
    const [unreachable, conversations, members, channelLink] = await Promise.all([
      store.deliveries.listUnreachable({ tenantId }),
      store.conversationReferences.listForTenant({ tenantId }),
      store.memberships.listCommunityMembers({ tenantId, communityId }),
      store.channelLinks.findByCommunity({ tenantId, communityId }),
    ]);
    const byKey = new Map(
      conversations.map((c) => [store.conversationKeyOf({ conversationId: c.conversationId }), c]),
    );
    const names = new Map(members.map((m) => [m.userId, m.displayName]));
    // Champions see the refusals that concern their community: its members' personal chats and
    // its own channel, never the rest of the tenant.
    const body: UnreachableResponse = {
      recipients: unreachable.flatMap((entry): UnreachableResponse["recipients"] => {
        const conversation = byKey.get(entry.conversationKey);
        if (!conversation) return [];
        const person = conversation.aadObjectId ? names.get(conversation.aadObjectId) : undefined;
        if (conversation.kind === "personal" && person !== undefined) {
          return [
            {
              kind: "personal" as const,
              displayName: person,
              reason: entry.reason,
              since: entry.since,
            },
          ];
        }
        if (
          conversation.kind === "channel" &&
          conversation.conversationId === channelLink?.conversationId
        ) {
          return [
            {
              kind: "channel" as const,
              displayName: "The community's channel",
              reason: entry.reason,
              since: entry.since,
            },
          ];
        }
        return [];
      }),
    };
    res.json(body);
  });

  router.get("/communities/:communityId/digest/send", authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityResourceAccessChecker({
      store,
      viewer,
      resource: { kind: "digest", communityId },
      action: "send",
    });
    const { tenantId } = viewer.actor;
    const week = isoWeekOf(now(), channelZone);
    const key = channelDigestDeliveryKey(tenantId, communityId, week);
    const record = await store.deliveries.find({ tenantId, key });
    res.json(presentDigestSend({ key, week, record }));
  });

  router.post("/communities/:communityId/digest/send", authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityResourceAccessChecker({
      store,
      viewer,
      resource: { kind: "digest", communityId },
      action: "send",
    });
    if (!deps.jobs) {
      throw new AppError(503, "storage_unavailable", "Sending is switched off on this service.");
    }
    const { tenantId } = viewer.actor;
    const channel = await store.channelLinks.findByCommunity({ tenantId, communityId });
    if (!channel) {
      throw badRequest(
        "This community has no channel yet. Add the Practice Hub tab to the community's channel, then try again.",
      );
    }
    const composed = await digestComposer({
      store,
      config,
      tenantId,
      recipient: { id: viewer.actor.userId, displayName: viewer.actor.displayName },
      audience: "members",
      communityId,
      // The channel keeps its own pick history: not the pressing champion's.
      stateKey: channelDigestStateKey(communityId),
      timeZone: channelZone,
      now: now(),
    });
    const key = channelDigestDeliveryKey(tenantId, communityId, composed.week);
    // A champion pressing again after a failure means "try again"; a sent digest is never resent.
    const result = await deps.jobs.enqueueDelivery(
      {
        key,
        tenantId,
        conversationKey: store.conversationKeyOf({ conversationId: channel.conversationId }),
        card: composed.card,
        summary: digestSummary,
      },
      { retryUndelivered: true },
    );
    if (result.status === "queued") {
      await digestSentRecorder({
        store,
        tenantId,
        stateKey: channelDigestStateKey(communityId),
        composed,
        now: now(),
      });
    }
    const record =
      result.status === "queued"
        ? { state: "pending" as const, updatedAt: now().toISOString() }
        : result.record;
    res
      .status(result.status === "queued" ? 202 : 200)
      .json(presentDigestSend({ key, week: composed.week, record }));
  });

  return router;
}
