/**
 * How memberships, tenant roles, champion rosters and the tenant role index are laid out in Table Storage: RowKeys, row shapes and the mapping between
 * rows and entities. Only ./repository.ts uses it; nothing outside the store sees a row.
 */
import type { TransactionAction } from "@azure/data-tables";
import { communityRoleSchema } from "@practice-hub/shared";
import type { CommunityMembershipEntity } from "./types";

export interface MembershipRow {
  partitionKey: string;
  rowKey: string;
  /** Comma-separated roles: Table Storage has no array type. */
  roles: string;
  displayName: string;
  /** ISO instant, or "" (or absent on older rows) while the person is in the team. */
  leftTeamAt?: string;
  /**
   * The community of a community membership (absent on tenant-role rows): lets the service
   * filter a community's members on the server, a page at a time.
   */
  communityId?: string;
}
export const separator = "|";
/**
 * The RowKey prefix of champion rosters, `!roster|<communityId>`. "!" sorts before every character
 * a user id may hold, so rosters come first in the tenant's partition, and no person's rows
 * (`<userId>|...`) can ever match it.
 */
export const rosterPrefix = "!roster|";
/**
 * The index partition of tenant role holders, RowKey `<tenantId>|<userId>`. Tenant partitions
 * are named by Entra tenant ids (GUIDs), so this name never collides with one.
 */
export const tenantRoleIndexPartition = "tenantRoleHolders";

export function splitRoles<T>(roles: string, parse: (role: string) => T | undefined): T[] {
  return roles
    .split(",")
    .map((role) => parse(role.trim()))
    .filter((role): role is T => role !== undefined);
}

export function membershipFromRow(
  row: MembershipRow & { etag: string },
): CommunityMembershipEntity {
  return {
    userId: row.rowKey.slice(0, row.rowKey.indexOf(separator)),
    displayName: row.displayName,
    roles: splitRoles(row.roles, (r) => communityRoleSchema.safeParse(r).data),
    leftTeamAt: row.leftTeamAt ? row.leftTeamAt : null,
    etag: row.etag,
  };
}

/** Inserts the roster row, or replaces it on the ETag read: the condition is what matters. */
export function rosterAction(
  tenantId: string,
  communityId: string,
  expectedEtag: string | null,
): TransactionAction {
  const entity = { partitionKey: tenantId, rowKey: `${rosterPrefix}${communityId}` };
  return expectedEtag === null
    ? ["create", entity]
    : ["update", entity, "Replace", { etag: expectedEtag }];
}
