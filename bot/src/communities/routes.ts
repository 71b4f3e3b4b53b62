import {
  apiPathTemplates as paths,
  channelLinkRequestSchema,
  createCommunityRequestSchema,
  type CommunitiesResponse,
} from "@practice-hub/shared";
import { type Router } from "express";
import { notFound } from "../errors";
import type { ApiDeps } from "../http/deps";
import { areaRouter } from "../http/route";
import { can } from "../policies";
import { channelLinker } from "./channelLinker";
import { communityCreator } from "./communityCreator";
import { presentChannelLink, presentCommunity } from "./presenter";

/** GET and POST /api/communities, and the channel each community lives in. */
export function communitiesRouter(
  deps: Pick<ApiDeps, "store" | "now" | "authenticated" | "config">,
): Router {
  const { store, now, config } = deps;
  const { router, route } = areaRouter(deps);

  route({ method: "get", path: paths.communities }, async ({ res, viewer }) => {
    const all = await store.communities.listForTenant({ tenantId: viewer.actor.tenantId });
    const visible = all.filter((community) =>
      can(viewer, "read", { kind: "community", communityId: community.communityId }),
    );
    const body: CommunitiesResponse = {
      communities: visible.map(presentCommunity).sort((a, b) => a.name.localeCompare(b.name, "en")),
    };
    res.json(body);
  });

  // Creating needs no role (the policy allows any signed-in person of the tenant), so the roles
  // are not read and creating costs its own writes only (communityCreator).
  route(
    {
      method: "post",
      path: paths.communities,
      body: { schema: createCommunityRequestSchema, what: "The community" },
      authorize: { kind: "tenant", action: "create" },
    },
    async ({ res, actor, body: request }) => {
      const community = await communityCreator({
        store,
        actor,
        request,
        now,
        maxPerTenant: config.COMMUNITIES_PER_TENANT_MAX,
      });
      res.status(201).json(community);
    },
  );

  route(
    {
      method: "get",
      path: paths.communityChannel,
      authorize: { kind: "community", action: "read" },
    },
    async ({ res, viewer, communityId }) => {
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
    },
  );

  // channelLinker asks the policy itself: it tells a missing community from a refusal.
  route(
    {
      method: "put",
      path: paths.communityChannel,
      body: { schema: channelLinkRequestSchema, what: "The channel link" },
    },
    async ({ res, viewer, communityId, body }) => {
      const link = await channelLinker({
        store,
        viewer,
        communityId,
        channel: { conversationId: body.channelId, teamId: body.teamId },
        now: now(),
      });
      res.json(presentChannelLink(link));
    },
  );

  return router;
}
