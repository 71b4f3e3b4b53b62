import { z } from "zod";
import { limits } from "../validations";

/** A community of practice as the API shows it. */
export const communitySchema = z.object({
  id: z.string(),
  name: z.string(),
  profession: z.string(),
  description: z.string(),
  createdAt: z.string(),
});
export type Community = z.infer<typeof communitySchema>;

/** GET /api/communities */
export const communitiesResponseSchema = z.object({ communities: z.array(communitySchema) });
export type CommunitiesResponse = z.infer<typeof communitiesResponseSchema>;

/**
 * POST /api/communities: starts a community in the caller's tenant; the caller becomes its first
 * champion. Answers 201 with the Community.
 */
export const createCommunityRequestSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the community a name.")
    .max(limits.communityName, `Keep the name within ${limits.communityName} characters.`),
  profession: z
    .string()
    .trim()
    .min(1, "Say which profession the community is for.")
    .max(limits.communityName),
  description: z.string().trim().max(1_000).default(""),
});
export type CreateCommunityRequest = z.infer<typeof createCommunityRequestSchema>;

/** A Teams thread id as Teams gives it for a channel or a team: `19:...@thread...`. */
const teamsThreadIdSchema = z
  .string()
  .trim()
  .regex(
    /^19:[^/\\#?\s]{1,200}$/,
    "Use the id Teams gives the channel or team: it starts with 19:.",
  );

/**
 * PUT /api/communities/{communityId}/channel (champions only): the channel where the bot posts
 * the community's reminders, retros and members' digest, and the team whose joins and leaves
 * count for it. The tab's configuration page sends it when a champion adds the tab to a channel.
 */
export const channelLinkRequestSchema = z.object({
  channelId: teamsThreadIdSchema,
  teamId: teamsThreadIdSchema.nullable().default(null),
});
export type ChannelLinkRequest = z.infer<typeof channelLinkRequestSchema>;

/** The answer of PUT and GET /api/communities/{communityId}/channel. */
export const channelLinkSchema = z.object({
  communityId: z.string(),
  channelId: z.string(),
  teamId: z.string().nullable(),
  linkedAt: z.string(),
  linkedBy: z.string(),
});
export type ChannelLink = z.infer<typeof channelLinkSchema>;
