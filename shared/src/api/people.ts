import { z } from "zod";
import { communityRoleSchema } from "../identity/roles";
import { personRefSchema } from "./identity";
import { nextCursorSchema, pageQuerySchema, pageSizes } from "./paging";

/** What a caller may do on the People page. */
export const peopleActions = ["read", "manage"] as const;
export const peopleActionSchema = z.enum(peopleActions);
export type PeopleAction = z.infer<typeof peopleActionSchema>;

/** A member of a community with their roles; `etag` goes back in If-Match on a role change. */
export const communityMemberSchema = z.object({
  person: personRefSchema,
  roles: z.array(communityRoleSchema),
  etag: z.string(),
});
export type CommunityMember = z.infer<typeof communityMemberSchema>;

/** A join or leave, from Teams membership events in the community's team or added by a champion. */
export const membershipChangeSchema = z.object({
  person: personRefSchema,
  change: z.enum(["joined", "left"]),
  source: z.enum(["teams", "manual"]),
  at: z.string(),
});
export type MembershipChange = z.infer<typeof membershipChangeSchema>;

/** The joins and leaves the People page lists: the newest of the last 90 days. */
export const recentChangesShown = 30;

/** Query of GET .../people: a page of members (`?cursor=&limit=`). */
export const peopleQuerySchema = pageQuerySchema(pageSizes.people);

/**
 * GET /api/communities/{communityId}/people: a page of members in a stable order, with the cursor
 * of the next page; the first page (no cursor) also carries the newest joins and leaves.
 */
export const peopleResponseSchema = z.object({
  communityId: z.string(),
  members: z.array(communityMemberSchema),
  nextCursor: nextCursorSchema,
  /** Empty on later pages. */
  recentChanges: z.array(membershipChangeSchema).max(recentChangesShown),
  allowedActions: z.array(peopleActionSchema),
});
export type PeopleResponse = z.infer<typeof peopleResponseSchema>;

const rolesSchema = z
  .array(communityRoleSchema, { error: "roles must be a list of community roles." })
  .min(1, "Give the person at least one role.")
  .max(5)
  .transform((roles) => [...new Set(roles)]);

/** POST .../people: a champion adds someone by hand; answers the CommunityMember (201). */
export const addMemberRequestSchema = z.object({
  /**
   * An Entra object id or another opaque id. It becomes part of Table Storage keys and of URLs
   * (`/people/{userId}/roles`), so the characters those forbid or give meaning to are refused.
   */
  userId: z
    .string()
    .trim()
    .min(1, "userId is required.")
    .max(100)
    .regex(
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
      /^[^/\\#?|\u0000-\u001f\u007f-\u009f]+$/,
      "userId cannot contain / \\ # ? | or control characters.",
    ),
  displayName: z.string().trim().min(1, "displayName is required.").max(120),
  roles: rolesSchema.default(["member"]),
});
export type AddMemberRequest = z.input<typeof addMemberRequestSchema>;

/** PUT .../people/{userId}/roles with If-Match; answers the CommunityMember. */
export const updateRolesRequestSchema = z.object({ roles: rolesSchema });
export type UpdateRolesRequest = z.input<typeof updateRolesRequestSchema>;

/** `data` of the 412 answered to a stale role change: the member as they are now. */
export const staleMemberDataSchema = z.object({ current: communityMemberSchema });
