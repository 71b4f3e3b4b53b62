import {
  addMemberRequestSchema,
  apiPathTemplates as paths,
  peopleQuerySchema,
  recentChangesShown,
  toIso,
  updateRolesRequestSchema,
  type PeopleChangesResponse,
  type PeopleResponse,
} from "@practice-hub/shared";
import { type Router } from "express";
import { z } from "zod";
import type { ApiDeps } from "../http/deps";
import { pageOf } from "../http/paging";
import { areaRouter } from "../http/route";
import { allowedActions } from "../policies/allowedActions";
import { membershipAdder } from "./membershipAdder";
import { membershipRolesUpdater } from "./membershipRolesUpdater";
import { presentMember, presentMembershipChange } from "./presenter";

/** How far back the People page lists joins and leaves. */
const recentChangeDays = 90;
const userParamsSchema = z.object({ userId: z.string().min(1).max(100) });

/** Who is in a community, with their roles; champions add people and change roles. */
export function peopleRouter(deps: Pick<ApiDeps, "store" | "now" | "authenticated">): Router {
  const { store, now } = deps;
  const { router, route } = areaRouter(deps);

  /** The newest joins and leaves of the last `recentChangeDays`: one partition query. */
  const recentChangesOf = (tenantId: string, communityId: string) =>
    store.membershipEvents.listRecent({
      tenantId,
      communityId,
      sinceIso: toIso(new Date(now().getTime() - recentChangeDays * 86_400_000)),
      limit: recentChangesShown,
    });

  route(
    { method: "get", path: paths.peopleChanges, authorize: { kind: "people", action: "read" } },
    async ({ res, viewer, communityId }) => {
      const changes = await recentChangesOf(viewer.actor.tenantId, communityId);
      const body: PeopleChangesResponse = {
        communityId,
        recentChanges: changes.map(presentMembershipChange),
      };
      res.json(body);
    },
  );

  route(
    {
      method: "get",
      path: paths.people,
      query: { schema: peopleQuerySchema, what: "The page" },
      authorize: { kind: "people", action: "read" },
    },
    async ({
      res,
      viewer,
      communityId,
      query: { cursor, limit, search, changes: withChanges },
    }) => {
      const { tenantId } = viewer.actor;
      const [members, changes] = await Promise.all([
        pageOf(() =>
          store.memberships.listCommunityMembersPage({
            tenantId,
            communityId,
            limit,
            cursor,
            namePrefix: search || undefined,
          }),
        ),
        // Later pages and searches add members only: the changes came with the first page.
        cursor || search || withChanges === "omit" ? [] : recentChangesOf(tenantId, communityId),
      ]);
      const body: PeopleResponse = {
        communityId,
        members: members.items.map(presentMember),
        nextCursor: members.nextCursor,
        recentChanges: changes.map(presentMembershipChange),
        allowedActions: allowedActions(viewer, "people", communityId),
      };
      res.json(body);
    },
  );

  route(
    {
      method: "post",
      path: paths.people,
      body: { schema: addMemberRequestSchema, what: "The new member" },
      authorize: { kind: "people", action: "manage" },
    },
    async ({ res, viewer, communityId, body }) => {
      const member = await membershipAdder({
        store,
        tenantId: viewer.actor.tenantId,
        communityId,
        person: { id: body.userId, displayName: body.displayName },
        roles: body.roles,
        source: "manual",
        now: now(),
      });
      res.status(201).json(member);
    },
  );

  route(
    {
      method: "put",
      path: paths.personRoles,
      params: { schema: userParamsSchema, what: "The person id" },
      ifMatch: "Send the member's etag in an If-Match header.",
      body: { schema: updateRolesRequestSchema, what: "The roles" },
      authorize: { kind: "people", action: "manage" },
    },
    async ({ res, viewer, communityId, params, body, ifMatch }) => {
      const member = await membershipRolesUpdater({
        store,
        viewer,
        communityId,
        userId: params.userId,
        roles: body.roles,
        ifMatch,
      });
      res.setHeader("ETag", member.etag);
      res.json(member);
    },
  );

  return router;
}
