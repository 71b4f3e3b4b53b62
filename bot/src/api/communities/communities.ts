import { createCommunityRequestSchema, type CommunitiesResponse } from "@practice-hub/shared";
import express, { type Router } from "express";
import { actorOf } from "../../auth";
import { communityCreator } from "../../commands/communityCreator";
import { viewerLoader } from "../../commands/viewerLoader";
import { parseWith } from "../../http/validate";
import { authorize, can } from "../../policies";
import { presentCommunity } from "../../presenters";
import type { ApiDeps } from "../deps";

/** GET and POST /api/communities. */
export function communitiesRouter({
  store,
  now,
  authenticated,
}: Pick<ApiDeps, "store" | "now" | "authenticated">): Router {
  const router = express.Router();

  router.get("/communities", authenticated, async (_req, res) => {
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    const all = await store.communities.listForTenant(viewer.actor.tenantId);
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
    // roles are not read: that keeps the write within its three storage round trips.
    authorize({ actor, roles: { tenantRoles: [], communities: [] } }, "create", { kind: "tenant" });
    const community = await communityCreator({ store, actor, request, now: now() });
    res.status(201).json(community);
  });

  return router;
}
