/**
 * How memberships, tenant roles, champion rosters and the tenant role index are laid out in Table Storage: RowKeys, row shapes and the mapping between
 * rows and entities. Only ./repository.ts uses it; nothing outside the store sees a row.
 */
import type { TransactionAction } from "@azure/data-tables";
import { communityRoleSchema } from "@practice-hub/shared";
import { prefixUpperBound } from "../tables";
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
 * The start of one community's range in the tenant's partition, `!member|<communityId>|`: the
 * community's champion roster sits at exactly this key, and its member index rows follow it,
 * `!member|<communityId>|<name key> <userId>`, in name order. "!" sorts before every character a
 * user id may hold, so no person's rows (`<userId>|...`) can ever fall in the range. Reading a
 * community's people is then one range of keys, never the tenant's whole partition.
 */
export function communityRangePrefix(communityId: string): string {
  return `${memberIndexMark}${communityId}${separator}`;
}
/** The exclusive upper bound of a community's range. */
export function communityRangeEnd(communityId: string): string {
  return prefixUpperBound(`${memberIndexMark}${communityId}`);
}
/** Every row of a community range starts with it (tenant-wide scans skip such rows). */
export const memberIndexMark = "!member|";
/** The RowKey of a community's champion roster: the first key of its range. */
export const rosterKey = communityRangePrefix;

/**
 * Characters a name key keeps as they are (a space becomes "!"); every other one becomes
 * `~<hex code point>`. All sort above a space, the key's separator before the user id, so "ann"
 * comes before "ann smith" and "anna".
 */
const keptInNameKey = /[a-z0-9.'_-]/;
/** Long enough to sort any real name, short enough for RowKeys under 255 bytes. */
const nameKeyLength = 60;

/**
 * A display name as it sorts in the member index: without accents, in lower case, with the
 * characters RowKeys forbid (and any other) spelled as `~<hex>`. A prefix of a name gives a prefix
 * of its key, so a search by the start of a name is one key range.
 */
export function nameKey(displayName: string): string {
  const folded = displayName.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().trim();
  let key = "";
  for (const char of folded) {
    if (char === " ") key += "!";
    else key += keptInNameKey.test(char) ? char : `~${(char.codePointAt(0) ?? 0).toString(16)}`;
    if (key.length >= nameKeyLength) return key.slice(0, nameKeyLength);
  }
  return key;
}

/** The RowKey of a person's row in a community's member index. */
export function memberIndexKey(communityId: string, displayName: string, userId: string): string {
  return `${communityRangePrefix(communityId)}${nameKey(displayName)} ${userId}`;
}

/**
 * A membership as the community's member index holds it: the same properties as the person's own
 * row, plus the user id (the key starts with the name).
 */
export interface MemberIndexRow extends MembershipRow {
  userId: string;
}
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

/** A row of a community's member index as the entity its ETag guards. */
export function membershipFromRow(
  row: MemberIndexRow & { etag: string },
): CommunityMembershipEntity {
  return {
    userId: row.userId,
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
  const entity = { partitionKey: tenantId, rowKey: rosterKey(communityId) };
  return expectedEtag === null
    ? ["create", entity]
    : ["update", entity, "Replace", { etag: expectedEtag }];
}
