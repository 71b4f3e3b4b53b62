import type { TableClient } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import {
  communityRoleSchema,
  tenantRoleSchema,
  type CommunityRole,
  type TenantRole,
} from "@practice-hub/shared";
import { prefixUpperBound } from "./tables";

/** Everything one person holds in one tenant: read with a single partition query. */
export interface PersonRoles {
  tenantRoles: TenantRole[];
  communities: { communityId: string; roles: CommunityRole[] }[];
}

interface MembershipRow {
  partitionKey: string;
  rowKey: string;
  /** Comma-separated roles: Table Storage has no array type. */
  roles: string;
  displayName: string;
}

/** Memberships and tenant roles, in the tenant's partition, keyed by user id first. */
export interface MembershipRepository {
  /** The person's tenant roles and community roles: one partition range query. */
  rolesOf(tenantId: string, userId: string): Promise<PersonRoles>;
  /** Inserts a membership; throws a 409 RestError when it exists. */
  addCommunityMembership(props: {
    tenantId: string;
    userId: string;
    displayName: string;
    communityId: string;
    roles: CommunityRole[];
  }): Promise<void>;
  /** Inserts the tenant-roles row; throws a 409 RestError when it exists. */
  addTenantRoles(props: {
    tenantId: string;
    userId: string;
    displayName: string;
    roles: TenantRole[];
  }): Promise<void>;
}

const separator = "|";

function splitRoles<T>(roles: string, parse: (role: string) => T | undefined): T[] {
  return roles
    .split(",")
    .map((role) => parse(role.trim()))
    .filter((role): role is T => role !== undefined);
}

/** The Table Storage implementation of MembershipRepository. */
export function createMembershipRepository(table: TableClient): MembershipRepository {
  return {
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
      };
      await table.createEntity(row);
    },
    async addTenantRoles({ tenantId, userId, displayName, roles }) {
      const row: MembershipRow = {
        partitionKey: tenantId,
        rowKey: `${userId}${separator}`,
        roles: roles.join(","),
        displayName,
      };
      await table.createEntity(row);
    },
  };
}
