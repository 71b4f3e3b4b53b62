import type { PeopleResponse } from "@practice-hub/shared";
import {
  addMemberRequestSchema,
  peopleQuerySchema,
  recentChangesShown,
  toIso,
  updateRolesRequestSchema,
} from "@practice-hub/shared";
import express, { type Router } from "express";
import { z } from "zod";
import { actorOf } from "../auth";
import { allowedActions } from "../policies/allowedActions";
import { communityAccessChecker } from "../policies/communityAccess";
import { membershipAdder } from "./membershipAdder";
import { membershipRolesUpdater } from "./membershipRolesUpdater";
import { viewerLoader } from "../policies/viewerLoader";
import { parseWith, requiredIfMatch } from "../http/validate";
import { pageOf } from "../http/paging";
import { presentMember, presentMembershipChange } from "./presenter";
import { communityIdParam } from "../http/communityIdParam";
import type { ApiDeps } from "../http/deps";

/** How far back the People page lists joins and leaves. */
const recentChangeDays = 90;
const userParamsSchema = z.object({ userId: z.string().min(1).max(100) });

/** Who is in a community, with their roles; champions add people and change roles. */
export function peopleRouter({
  store,
  now,
  authenticated,
}: Pick<ApiDeps, "store" | "now" | "authenticated">): Router {
  const router = express.Router();
  const base = "/communities/:communityId/people";

  router.get(base, authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const { cursor, limit } = parseWith(peopleQuerySchema, req.query, "The page");
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    const resource = { kind: "people", communityId } as const;
    await communityAccessChecker({ store, viewer, resource, action: "read" });
    const { tenantId } = viewer.actor;
    const sinceIso = toIso(new Date(now().getTime() - recentChangeDays * 86_400_000));
    const [members, changes] = await Promise.all([
      pageOf(() =>
        store.memberships.listCommunityMembersPage({ tenantId, communityId, limit, cursor }),
      ),
      // Later pages add members only: the changes came with the first.
      cursor
        ? []
        : store.membershipEvents.listRecent({
            tenantId,
            communityId,
            sinceIso,
            limit: recentChangesShown,
          }),
    ]);
    const body: PeopleResponse = {
      communityId,
      members: members.items.map(presentMember),
      nextCursor: members.nextCursor,
      recentChanges: changes.map(presentMembershipChange),
      allowedActions: allowedActions(viewer, "people", communityId),
    };
    res.json(body);
  });

  router.post(base, authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const request = parseWith(addMemberRequestSchema, req.body, "The new member");
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "people", communityId },
      action: "manage",
    });
    const member = await membershipAdder({
      store,
      tenantId: viewer.actor.tenantId,
      communityId,
      person: { id: request.userId, displayName: request.displayName },
      roles: request.roles,
      source: "manual",
      now: now(),
    });
    res.status(201).json(member);
  });

  router.put(`${base}/:userId/roles`, authenticated, async (req, res) => {
    const communityId = communityIdParam(req.params["communityId"]);
    const { userId } = parseWith(userParamsSchema, req.params, "The person id");
    const ifMatch = requiredIfMatch(req, "Send the member's etag in an If-Match header.");
    const { roles } = parseWith(updateRolesRequestSchema, req.body, "The roles");
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "people", communityId },
      action: "manage",
    });
    const member = await membershipRolesUpdater({
      store,
      viewer,
      communityId,
      userId,
      roles,
      ifMatch,
    });
    res.setHeader("ETag", member.etag);
    res.json(member);
  });

  return router;
}
