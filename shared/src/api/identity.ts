import { z } from "zod";
import { communityRoleSchema, demoPersonSchema, tenantRoleSchema } from "../people/roles";

/** A person as other people see them: no tenant, no internal keys. */
export const personRefSchema = z.object({
  id: z.string(),
  displayName: z.string(),
});
export type PersonRef = z.infer<typeof personRefSchema>;

/** GET /api/me */
export const meResponseSchema = z.object({
  person: personRefSchema,
  tenantId: z.string(),
  tenantRoles: z.array(tenantRoleSchema),
  communities: z.array(z.object({ communityId: z.string(), roles: z.array(communityRoleSchema) })),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** GET /api/public-config: what the tab needs before it has a token. */
export const publicConfigSchema = z.object({
  authMode: z.enum(["local", "entra"]),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;

/** POST /api/dev/token (local mode only). */
export const devTokenRequestSchema = z.object({ user: demoPersonSchema });
export type DevTokenRequest = z.infer<typeof devTokenRequestSchema>;
export const devTokenResponseSchema = z.object({ token: z.string() });
export type DevTokenResponse = z.infer<typeof devTokenResponseSchema>;

/** GET /api/dev/people (local mode only): the demo people the browser-mode picker offers. */
export const devPeopleResponseSchema = z.object({
  people: z.array(
    z.object({ id: demoPersonSchema, displayName: z.string(), description: z.string() }),
  ),
});
export type DevPeopleResponse = z.infer<typeof devPeopleResponseSchema>;
