import type { CommunityRole, TenantRole } from "@practice-hub/shared";
import type { PersonRoles } from "../store";

/** A head of profession looks across every community of their tenant. */
export function isHeadOfProfession(tenantRoles: readonly TenantRole[]): boolean {
  return tenantRoles.includes("headOfProfession");
}

/** Whether these roles in one community make someone its champion. */
export function isChampion(roles: readonly CommunityRole[]): boolean {
  return roles.includes("champion");
}

/** The communities someone champions, by id. */
export function championedCommunityIds(roles: PersonRoles): Set<string> {
  return new Set(roles.communities.filter((c) => isChampion(c.roles)).map((c) => c.communityId));
}
