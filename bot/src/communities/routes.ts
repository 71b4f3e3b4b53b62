import {
  channelLinkRequestSchema,
  createCommunityRequestSchema,
  type ChannelLink,
  type CommunitiesResponse,
} from "@practice-hub/shared";
import express, { type Router } from "express";
import { actorOf } from "../auth";
import { channelLinker } from "./channelLinker";
import { communityAccessChecker } from "../policies/communityAccessChecker";
import { communityCreator } from "./communityCreator";
import { viewerLoader } from "../policies/viewerLoader";
import { notFound } from "../errors";
import { parseWith } from "../http/validate";
import { authorize, can } from "../policies";
import { presentCommunity } from "./presenter";
import type { ChannelLinkEntity } from "../store";
import { communityIdParam } from "../http/communityIdParam";
import type { ApiDeps } from "../http/deps";

function presentChannelLink(link: ChannelLinkEntity): ChannelLink {
  return {
    communityId: link.communityId,
    channelId: link.conversationId,
    teamId: link.teamId,
    linkedAt: link.linkedAt,
    linkedBy: link.linkedBy,
  };
}

/** GET and POST /api/communities, and the channel each community lives in. */
export function communitiesRouter({
  store,
  now,
  authenticated,
  config,
}: Pick<ApiDeps, "store" | "now" | "authenticated" | "config">): Router {
  const router = express.Router();

  router.get("/communities", authenticated, async (_req, res) => {
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    const all = await store.communities.listForTenant({ tenantId: viewer.actor.tenantId });
    const visible = all.filter((community) =>
      can(viewer, "read", { kind: "community", communityId: community.communityId }),
    );
    const body: CommunitiesResponse = {
      communities: visible.map(presentCommunity).sort((a, b) => a.name.localeCompare(b.name, "en")),
    };
    res.json(body);
  });

  router.post("/communities", authenticated, async (req, res) => {
    const actor = actorOf(res);
    const request = parseWith(createCommunityRequestSchema, req.body, "The community");
    // Creating needs no role (the policy allows any signed-in person of the tenant), so the
    // roles are not read: creating costs its own writes only (communityCreator).
    authorize({ actor, roles: { tenantRoles: [], communities: [] } }, "create", { kind: "tenant" });
    const community = await communityCreator({
      store,
      actor,
      request,
      now,
      maxPerTenant: config.COMMUNITIES_PER_TENANT_MAX,
    });
    res.status(201).json(community);
  });

  router.get("/communities/:communityId/channel", authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityAccessChecker({ store, viewer, communityId, action: "read" });
    const link = await store.channelLinks.findByCommunity({
      tenantId: viewer.actor.tenantId,
      communityId,
    });
    if (!link) {
      throw notFound(
        "This community is not linked to a channel yet. A champion links it by adding the Practice Hub tab to a channel.",
      );
    }
    res.json(presentChannelLink(link));
  });

  router.put("/communities/:communityId/channel", authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const request = parseWith(channelLinkRequestSchema, req.body, "The channel link");
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    const link = await channelLinker({
      store,
      viewer,
      communityId,
      channel: { conversationId: request.channelId, teamId: request.teamId },
      now: now(),
    });
    res.json(presentChannelLink(link));
  });

  return router;
}
