import { z } from "zod";

/** Roles a person can hold inside one community (DOMAIN.md "Who uses the app"). */
export const communityRoles = [
  "member",
  "champion",
  "curator",
  "facilitator",
  "moderator",
] as const;
export const communityRoleSchema = z.enum(communityRoles);
export type CommunityRole = z.infer<typeof communityRoleSchema>;

/** Tenant-wide roles: a head of profession looks across communities. */
export const tenantRoles = ["headOfProfession"] as const;
export const tenantRoleSchema = z.enum(tenantRoles);
export type TenantRole = z.infer<typeof tenantRoleSchema>;

/** Ids of the people the local stack seeds; `demo-outsider` lives in a second tenant. */
export const demoPeople = ["demo-champion", "demo-member", "demo-head", "demo-outsider"] as const;
export const demoPersonSchema = z.enum(demoPeople);
export type DemoPerson = z.infer<typeof demoPersonSchema>;
