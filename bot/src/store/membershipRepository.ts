import type { TableClient, TransactionAction } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import {
  communityRoleSchema,
  tenantRoleSchema,
  type CommunityRole,
  type TenantRole,
} from "@practice-hub/shared";
import { readPage, type Page } from "./paging";
import { conditionalWrite, readOrNull, requireEtag } from "./rows";
import { ConcurrencyError, isConflict, isNotFound } from "./storageErrors";
import { odataString, prefixUpperBound } from "./tables";

/** Everything one person holds in one tenant: read with a single partition query. */
export interface PersonRoles {
  tenantRoles: TenantRole[];
  communities: { communityId: string; roles: CommunityRole[] }[];
}

/** One person's membership of one community, with the ETag a role change must name. */
export interface CommunityMembershipEntity {
  userId: string;
  displayName: string;
  roles: CommunityRole[];
  /**
   * When Teams said the person left the community's team while they were its last champion: they
   * stay (and stay champion) until someone else is named. Null for everyone else.
   */
  leftTeamAt: string | null;
  etag: string;
}

/** A membership row to insert (`expectedEtag` null) or replace, in one community. */
export interface MembershipPut {
  userId: string;
  displayName: string;
  roles: CommunityRole[];
  leftTeamAt: string | null;
  expectedEtag: string | null;
}

interface MembershipRow {
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

/** Memberships and tenant roles, in the tenant's partition, keyed by user id first. */
export interface MembershipRepository {
  /** The person's tenant roles and community roles: one partition range query. */
  rolesOf(tenantId: string, userId: string): Promise<PersonRoles>;
  /** Inserts a membership; throws a 409 RestError when it exists. Answers the new row's ETag. */
  addCommunityMembership(props: {
    tenantId: string;
    userId: string;
    displayName: string;
    communityId: string;
    roles: CommunityRole[];
  }): Promise<string>;
  /** Inserts the tenant-roles row; throws a 409 RestError when it exists. */
  addTenantRoles(props: {
    tenantId: string;
    userId: string;
    displayName: string;
    roles: TenantRole[];
  }): Promise<void>;
  /**
   * Everyone in one community. Rows are keyed by person first (so a request reads one person's
   * roles in one query), so this reads the tenant's partition and keeps the community's rows:
   * still one partition, never a cross-partition scan.
   */
  listCommunityMembers(tenantId: string, communityId: string): Promise<CommunityMembershipEntity[]>;
  /**
   * One page of a community's members, in user id order: one query of the tenant's partition,
   * filtered on the server by the rows' `communityId`, so a page costs its own size, not the
   * tenant's.
   */
  listCommunityMembersPage(props: {
    tenantId: string;
    communityId: string;
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<CommunityMembershipEntity>>;
  /** Everyone holding a tenant role (heads of profession), from the same partition. */
  listTenantRoleHolders(
    tenantId: string,
  ): Promise<{ userId: string; displayName: string; roles: TenantRole[] }[]>;
  /**
   * Everyone granted a tenant role in any tenant, from one index partition: the digest scheduler
   * needs every head of profession on every tick, and a scan of every tenant's partition would
   * grow with the memberships. Entries are never removed; callers check `rolesOf` before acting.
   */
  listTenantRoleHoldersOfAllTenants(): Promise<
    { tenantId: string; userId: string; roles: TenantRole[] }[]
  >;
  /** One point read; null when the person is not in the community. */
  findCommunityMembership(
    tenantId: string,
    userId: string,
    communityId: string,
  ): Promise<CommunityMembershipEntity | null>;
  /**
   * Everyone in one community, with the ETag of its champion roster (null before any champion
   * change wrote it): one query, in which the roster row comes before every membership row, so
   * a champion change that lands while the query runs always shows in the ETag read.
   */
  readCommunityMembers(
    tenantId: string,
    communityId: string,
  ): Promise<{ members: CommunityMembershipEntity[]; rosterEtag: string | null }>;
  /**
   * Changes one community's memberships in one transaction (every row of a tenant is in the
   * tenant's partition): `put` inserts or replaces rows on the ETag read. With `roster`, the
   * community's champion roster row is written too, on the ETag read with the members (inserted
   * when null): every change to who the champions are names it, so two such changes never both
   * land on the same state. `remove` deletes rows whatever their version (the SDK's transactions
   * only delete unconditionally), so it goes with `roster`, which guards what the rule needs.
   * Answers the new ETag of each put row by user id; ConcurrencyError when any condition failed.
   */
  changeCommunityMemberships(props: {
    tenantId: string;
    communityId: string;
    put?: MembershipPut[];
    remove?: string[];
    roster?: { expectedEtag: string | null };
  }): Promise<Map<string, string>>;
  /**
   * Removes one membership on the ETag read: ConcurrencyError when it changed meanwhile, false
   * when it is already gone. Without `expectedEtag` the row goes whatever its version: only for
   * rows nobody can reach, such as those of a community whose creation never finished.
   */
  removeCommunityMembership(props: {
    tenantId: string;
    userId: string;
    communityId: string;
    expectedEtag?: string;
  }): Promise<boolean>;
}

const separator = "|";
/**
 * The RowKey prefix of champion rosters, `!roster|<communityId>`. "!" sorts before every character
 * a user id may hold, so rosters come first in the tenant's partition, and no person's rows
 * (`<userId>|...`) can ever match it.
 */
const rosterPrefix = "!roster|";
/**
 * The index partition of tenant role holders, RowKey `<tenantId>|<userId>`. Tenant partitions
 * are named by Entra tenant ids (GUIDs), so this name never collides with one.
 */
const tenantRoleIndexPartition = "tenantRoleHolders";

function splitRoles<T>(roles: string, parse: (role: string) => T | undefined): T[] {
  return roles
    .split(",")
    .map((role) => parse(role.trim()))
    .filter((role): role is T => role !== undefined);
}

function membershipFromRow(row: MembershipRow & { etag: string }): CommunityMembershipEntity {
  return {
    userId: row.rowKey.slice(0, row.rowKey.indexOf(separator)),
    displayName: row.displayName,
    roles: splitRoles(row.roles, (r) => communityRoleSchema.safeParse(r).data),
    leftTeamAt: row.leftTeamAt ? row.leftTeamAt : null,
    etag: row.etag,
  };
}

/** Inserts the roster row, or replaces it on the ETag read: the condition is what matters. */
function rosterAction(
  tenantId: string,
  communityId: string,
  expectedEtag: string | null,
): TransactionAction {
  const entity = { partitionKey: tenantId, rowKey: `${rosterPrefix}${communityId}` };
  return expectedEtag === null
    ? ["create", entity]
    : ["update", entity, "Replace", { etag: expectedEtag }];
}

/** The Table Storage implementation of MembershipRepository. */
export function createMembershipRepository(table: TableClient): MembershipRepository {
  async function readCommunityMembers(tenantId: string, communityId: string) {
    const suffix = `${separator}${communityId}`;
    const roster = `${rosterPrefix}${communityId}`;
    const rows = table.listEntities<MembershipRow & { etag: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${tenantId}` },
    });
    const members: CommunityMembershipEntity[] = [];
    let rosterEtag: string | null = null;
    for await (const row of rows) {
      if (row.rowKey === roster) rosterEtag = row.etag;
      else if (row.rowKey.startsWith(rosterPrefix)) continue;
      else if (row.rowKey.endsWith(suffix)) members.push(membershipFromRow(row));
    }
    return { members, rosterEtag };
  }

  return {
    readCommunityMembers,
    async listCommunityMembers(tenantId, communityId) {
      return (await readCommunityMembers(tenantId, communityId)).members;
    },
    async listCommunityMembersPage({ tenantId, communityId, limit, cursor }) {
      const suffix = `${separator}${communityId}`;
      const { rows, nextCursor } = await readPage<MembershipRow>({
        table,
        partitionKey: tenantId,
        limit,
        cursor,
        filter: `communityId eq ${odataString(communityId)}`,
        belongs: (rowKey) => rowKey.endsWith(suffix),
      });
      return { items: rows.map(membershipFromRow), nextCursor };
    },
    async listTenantRoleHolders(tenantId) {
      const rows = table.listEntities<MembershipRow>({
        queryOptions: { filter: odata`PartitionKey eq ${tenantId}` },
      });
      const holders: { userId: string; displayName: string; roles: TenantRole[] }[] = [];
      for await (const row of rows) {
        if (!row.rowKey.endsWith(separator)) continue;
        holders.push({
          userId: row.rowKey.slice(0, -separator.length),
          displayName: row.displayName,
          roles: splitRoles(row.roles, (r) => tenantRoleSchema.safeParse(r).data),
        });
      }
      return holders;
    },
    async findCommunityMembership(tenantId, userId, communityId) {
      const row = await readOrNull<MembershipRow>(
        table,
        tenantId,
        `${userId}${separator}${communityId}`,
      );
      return row ? membershipFromRow(row) : null;
    },
    async changeCommunityMemberships({ tenantId, communityId, put = [], remove = [], roster }) {
      const rowKey = (userId: string) => `${userId}${separator}${communityId}`;
      const actions: TransactionAction[] = [
        ...put.map((row): TransactionAction => {
          const entity = {
            partitionKey: tenantId,
            rowKey: rowKey(row.userId),
            roles: row.roles.join(","),
            displayName: row.displayName,
            leftTeamAt: row.leftTeamAt ?? "",
            communityId,
          } satisfies MembershipRow;
          return row.expectedEtag === null
            ? ["create", entity]
            : ["update", entity, "Replace", { etag: row.expectedEtag }];
        }),
        ...remove.map((userId): TransactionAction => [
          "delete",
          { partitionKey: tenantId, rowKey: rowKey(userId) },
        ]),
        ...(roster ? [rosterAction(tenantId, communityId, roster.expectedEtag)] : []),
      ];
      try {
        const response = await table.submitTransaction(actions);
        const etags = new Map<string, string>();
        put.forEach((row, index) => {
          etags.set(row.userId, requireEtag(response.subResponses[index]?.etag, "a transaction"));
        });
        return etags;
      } catch (error) {
        if (isConflict(error) || isNotFound(error)) {
          throw new ConcurrencyError("The community's memberships changed since they were read.");
        }
        throw error;
      }
    },
    async removeCommunityMembership({ tenantId, userId, communityId, expectedEtag }) {
      try {
        await conditionalWrite("The membership changed since it was read.", () =>
          table.deleteEntity(
            tenantId,
            `${userId}${separator}${communityId}`,
            expectedEtag === undefined ? {} : { etag: expectedEtag },
          ),
        );
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async rolesOf(tenantId, userId) {
      const prefix = `${userId}${separator}`;
      const rows = table.listEntities<MembershipRow>({
        queryOptions: {
          filter: odata`PartitionKey eq ${tenantId} and RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(userId)}`,
        },
      });
      const result: PersonRoles = { tenantRoles: [], communities: [] };
      for await (const row of rows) {
        const communityId = row.rowKey.slice(prefix.length);
        if (communityId === "") {
          result.tenantRoles = splitRoles(row.roles, (r) => tenantRoleSchema.safeParse(r).data);
        } else {
          const roles = splitRoles(row.roles, (r) => communityRoleSchema.safeParse(r).data);
          result.communities.push({ communityId, roles });
        }
      }
      return result;
    },
    async addCommunityMembership({ tenantId, userId, displayName, communityId, roles }) {
      const row: MembershipRow = {
        partitionKey: tenantId,
        rowKey: `${userId}${separator}${communityId}`,
        roles: roles.join(","),
        displayName,
        communityId,
      };
      const response = await table.createEntity(row);
      return response.etag ?? "";
    },
    async addTenantRoles({ tenantId, userId, displayName, roles }) {
      const row: MembershipRow = {
        partitionKey: tenantId,
        rowKey: `${userId}${separator}`,
        roles: roles.join(","),
        displayName,
      };
      // The index first, as an upsert: two partitions cannot share a transaction, and an index
      // entry without its grant is harmless (readers check rolesOf) while the reverse would hide
      // a head of profession from the digest. Granting again repairs a missing entry.
      await table.upsertEntity(
        {
          partitionKey: tenantRoleIndexPartition,
          rowKey: `${tenantId}${separator}${userId}`,
          roles: row.roles,
          displayName,
        },
        "Replace",
      );
      await table.createEntity(row);
    },
    async listTenantRoleHoldersOfAllTenants() {
      const rows = table.listEntities<MembershipRow>({
        queryOptions: { filter: odata`PartitionKey eq ${tenantRoleIndexPartition}` },
      });
      const holders: { tenantId: string; userId: string; roles: TenantRole[] }[] = [];
      for await (const row of rows) {
        const split = row.rowKey.indexOf(separator);
        if (split < 0) continue;
        holders.push({
          tenantId: row.rowKey.slice(0, split),
          userId: row.rowKey.slice(split + 1),
          roles: splitRoles(row.roles, (r) => tenantRoleSchema.safeParse(r).data),
        });
      }
      return holders;
    },
  };
}
