import type { TableClient, TransactionAction } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { communityRoleSchema, tenantRoleSchema, type TenantRole } from "@practice-hub/shared";
import { readPage } from "../paging";
import { migrateMemberIndex } from "./indexMigration";
import { conditionalWrite, readOrNull, requireEtag } from "../rows";
import { ConcurrencyError, isConflict, isNotFound } from "../storageErrors";
import { prefixUpperBound } from "../tables";
import type { PersonRoles, CommunityMembershipEntity, MembershipRepository } from "./types";
import {
  type MemberIndexRow,
  type MembershipRow,
  communityRangeEnd,
  communityRangePrefix,
  memberIndexKey,
  memberIndexMark,
  membershipFromRow,
  nameKey,
  rosterAction,
  rosterKey,
  separator,
  splitRoles,
  tenantRoleIndexPartition,
} from "./rows";

/** The Table Storage implementation of MembershipRepository. */
export function createMembershipRepository(table: TableClient): MembershipRepository {
  /** The person's own row (read by rolesOf) and the community's index row, as a pair. */
  function rowsOf(
    tenantId: string,
    communityId: string,
    member: { userId: string; displayName: string; roles: readonly string[] },
    leftTeamAt: string | null,
  ) {
    const own: MembershipRow = {
      partitionKey: tenantId,
      rowKey: `${member.userId}${separator}${communityId}`,
      roles: member.roles.join(","),
      displayName: member.displayName,
      leftTeamAt: leftTeamAt ?? "",
      communityId,
    };
    const index: MemberIndexRow = {
      ...own,
      rowKey: memberIndexKey(communityId, member.displayName, member.userId),
      userId: member.userId,
    };
    // Spread: the SDK takes plain records, which interfaces are not to the compiler.
    return { own: { ...own }, index: { ...index } };
  }

  async function readCommunityMembers({
    tenantId,
    communityId,
  }: {
    tenantId: string;
    communityId: string;
  }) {
    const roster = rosterKey(communityId);
    const rows = table.listEntities<MemberIndexRow & { etag: string }>({
      queryOptions: {
        filter: odata`PartitionKey eq ${tenantId} and RowKey ge ${roster} and RowKey lt ${communityRangeEnd(communityId)}`,
      },
    });
    const members: CommunityMembershipEntity[] = [];
    let rosterEtag: string | null = null;
    for await (const row of rows) {
      if (row.rowKey === roster) rosterEtag = row.etag;
      else members.push(membershipFromRow(row));
    }
    return { members, rosterEtag };
  }

  return {
    readCommunityMembers,
    async listCommunityMembers({ tenantId, communityId }) {
      return (await readCommunityMembers({ tenantId, communityId })).members;
    },
    async listCommunityMembersPage({ tenantId, communityId, limit, cursor, namePrefix }) {
      const prefix = communityRangePrefix(communityId);
      // The roster sits at `prefix` itself; every index row has a space after its name key.
      const lower = `${prefix}${namePrefix ? nameKey(namePrefix) : " "}`;
      const { rows, nextCursor } = await readPage<MemberIndexRow>({
        table,
        partitionKey: tenantId,
        range: { lower, upper: namePrefix ? `${lower}\uffff` : communityRangeEnd(communityId) },
        limit,
        cursor,
      });
      return { items: rows.map(membershipFromRow), nextCursor };
    },
    async listTenantRoleHolders({ tenantId }) {
      const rows = table.listEntities<MembershipRow>({
        queryOptions: { filter: odata`PartitionKey eq ${tenantId}` },
      });
      const holders: { userId: string; displayName: string; roles: TenantRole[] }[] = [];
      for await (const row of rows) {
        // Community ranges (rosters, member index rows) are not tenant-role rows.
        if (!row.rowKey.endsWith(separator) || row.rowKey.startsWith(memberIndexMark)) continue;
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
      return row ? membershipFromRow({ ...row, userId }) : null;
    },
    async changeCommunityMemberships({ tenantId, communityId, put = [], remove = [], roster }) {
      // Each membership is two rows of the tenant's partition, so one transaction keeps them
      // equal; the index row carries the ETag, and the person's own row follows it.
      const actions: TransactionAction[] = [
        ...put.flatMap((row): TransactionAction[] => {
          const { own, index } = rowsOf(tenantId, communityId, row, row.leftTeamAt);
          return [
            row.expectedEtag === null
              ? ["create", index]
              : ["update", index, "Replace", { etag: row.expectedEtag }],
            ["upsert", own, "Replace"],
          ];
        }),
        ...remove.flatMap((member): TransactionAction[] => {
          const { own, index } = rowsOf(tenantId, communityId, { ...member, roles: [] }, null);
          return [
            ["delete", { partitionKey: tenantId, rowKey: index.rowKey }],
            ["delete", { partitionKey: tenantId, rowKey: own.rowKey }],
          ];
        }),
        ...(roster ? [rosterAction(tenantId, communityId, roster.expectedEtag)] : []),
      ];
      try {
        const response = await table.submitTransaction(actions);
        const etags = new Map<string, string>();
        put.forEach((row, index) => {
          const etag = response.subResponses[index * 2]?.etag;
          etags.set(row.userId, requireEtag(etag, "a transaction"));
        });
        return etags;
      } catch (error) {
        if (isConflict(error) || isNotFound(error)) {
          throw new ConcurrencyError("The community's memberships changed since they were read.");
        }
        throw error;
      }
    },
    async removeCommunityMembership(props) {
      const { tenantId, userId, communityId, expectedEtag } = props;
      const ownKey = `${userId}${separator}${communityId}`;
      const displayName =
        props.displayName ??
        (await readOrNull<MembershipRow>(table, tenantId, ownKey))?.displayName;
      if (displayName === undefined) return false;
      try {
        // The index row first, on its ETag: it is what the community sees and guards. Should the
        // second call never happen, the person's own row still grants their roles, and the index
        // migration at start lists them again: they are still a member, never a hidden one.
        await conditionalWrite("The membership changed since it was read.", () =>
          table.deleteEntity(
            tenantId,
            memberIndexKey(communityId, displayName, userId),
            expectedEtag === undefined ? {} : { etag: expectedEtag },
          ),
        );
      } catch (error) {
        if (!isNotFound(error) || expectedEtag !== undefined) {
          if (isNotFound(error)) return false;
          throw error;
        }
      }
      try {
        await table.deleteEntity(tenantId, ownKey);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      return true;
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
      const { own, index } = rowsOf(tenantId, communityId, { userId, displayName, roles }, null);
      // Both rows or neither: a 409 (the person is in the community) fails the whole transaction.
      const response = await table.submitTransaction([
        ["create", index],
        ["create", own],
      ]);
      return requireEtag(response.subResponses[0]?.etag, "a transaction");
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
    migrateMemberIndex: () => migrateMemberIndex(table),
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
