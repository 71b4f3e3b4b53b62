import { z } from "zod";
import { communityRoleSchema } from "../people/roles";
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

/** The longest start of a name the People page searches by. */
export const peopleSearchMaxLength = 60;

/**
 * Query of GET .../people: a page of members in name order (`?cursor=&limit=`), those whose name
 * starts with `search` when given (case and accents aside). `changes=omit` leaves the joins and
 * leaves out of the first page, for a caller that asks GET .../people/changes beside it (the
 * tab): the page then takes one storage round trip fewer.
 */
export const peopleQuerySchema = pageQuerySchema(pageSizes.people).extend({
  search: z
    .string()
    .trim()
    .max(peopleSearchMaxLength, `Search by at most ${peopleSearchMaxLength} characters of a name.`)
    .optional(),
  changes: z.enum(["include", "omit"]).default("include"),
});

/**
 * GET /api/communities/{communityId}/people: a page of members in name order, with the cursor
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

/** GET /api/communities/{communityId}/people/changes: the newest joins and leaves. */
export const peopleChangesResponseSchema = z.object({
  communityId: z.string(),
  recentChanges: z.array(membershipChangeSchema).max(recentChangesShown),
});
export type PeopleChangesResponse = z.infer<typeof peopleChangesResponseSchema>;

const rolesSchema = z
  .array(communityRoleSchema, { error: "Choose the person's roles from the list." })
  .min(1, "Give the person at least one role.")
  .max(5)
  .transform((roles) => [...new Set(roles)]);

/** POST .../people: a champion adds someone by hand; answers the CommunityMember (201). */
export const addMemberRequestSchema = z.object({
  /**
   * An Entra object id (a GUID) or another opaque id. It becomes part of Table Storage keys and
   * of URLs (`/people/{userId}/roles`), and is shown to people, so it is kept to the characters
   * a signed-in user id may have (bot/src/auth/actor.ts), starting with a letter or digit: no
   * slashes, spaces or dot segments, no markup, no bidirectional controls that reorder text.
   */
  userId: z
    .string()
    .trim()
    .min(1, "Give the person's id.")
    .max(100)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      "A person's id uses only letters, digits and . _ - and starts with a letter or digit, like an Entra object id.",
    ),
  displayName: z.string().trim().min(1, "Give the person's name.").max(120),
  roles: rolesSchema.default(["member"]),
});
export type AddMemberRequest = z.input<typeof addMemberRequestSchema>;

/** PUT .../people/{userId}/roles with If-Match; answers the CommunityMember. */
export const updateRolesRequestSchema = z.object({ roles: rolesSchema });
export type UpdateRolesRequest = z.input<typeof updateRolesRequestSchema>;

/** `data` of the 412 answered to a stale role change: the member as they are now. */
export const staleMemberDataSchema = z.object({ current: communityMemberSchema });
