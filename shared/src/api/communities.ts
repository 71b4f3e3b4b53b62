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
    .min(1, "name is required.")
    .max(
      limits.communityName,
      `name is too long: keep it under ${limits.communityName} characters.`,
    ),
  profession: z.string().trim().min(1, "profession is required.").max(limits.communityName),
  description: z.string().trim().max(1_000).default(""),
});
export type CreateCommunityRequest = z.infer<typeof createCommunityRequestSchema>;
