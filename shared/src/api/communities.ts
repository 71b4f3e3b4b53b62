import { z } from "zod";

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
