import type { TableClient, TransactionAction } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { communityRoleSchema, tenantRoleSchema, type TenantRole } from "@practice-hub/shared";
import { readPage } from "../paging";
import { conditionalWrite, readOrNull, requireEtag } from "../rows";
import { ConcurrencyError, isConflict, isNotFound } from "../storageErrors";
import { odataString, prefixUpperBound } from "../tables";
import type { PersonRoles, CommunityMembershipEntity, MembershipRepository } from "./types";
import {
  type MembershipRow,
  separator,
  rosterPrefix,
  tenantRoleIndexPartition,
  splitRoles,
  membershipFromRow,
  rosterAction,
} from "./rows";

/** The Table Storage implementation of MembershipRepository. */
export function createMembershipRepository(table: TableClient): MembershipRepository {
  async function readCommunityMembers({
    tenantId,
    communityId,
  }: {
    tenantId: string;
    communityId: string;
  }) {
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
    async listCommunityMembers({ tenantId, communityId }) {
      return (await readCommunityMembers({ tenantId, communityId })).members;
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
    async listTenantRoleHolders({ tenantId }) {
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
    async findCommunityMembership({ tenantId, userId, communityId }) {
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
    async rolesOf({ tenantId, userId }) {
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
