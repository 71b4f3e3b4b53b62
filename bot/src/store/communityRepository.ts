import type { TableClient, TransactionAction } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { readOrNull } from "./rows";
import { ConcurrencyError, isConflict, isNotFound } from "./storageErrors";

/** A community as stored: tenant-scoped, keyed by its id. */
export interface CommunityEntity {
  tenantId: string;
  communityId: string;
  name: string;
  profession: string;
  description: string;
  createdAt: string;
  createdBy: string;
}

/** How many communities a tenant has, with the version read: `create` writes the next one. */
export interface CommunityCount {
  count: number;
  /** The count row's ETag; null while the tenant has no count row yet. */
  etag: string | null;
}

/**
 * A community creation that has begun: noted before its first write so that the sweeper can
 * undo one that never finished (bot/src/communities/communityCreator.ts).
 */
export interface PendingCreation {
  tenantId: string;
  communityId: string;
  /** Whose champion membership the creation writes. */
  createdBy: string;
  /** ISO instant the creation began. */
  startedAt: string;
}

/** The tenant already has as many communities as it may. */
export class CommunityCapReachedError extends Error {
  override readonly name = "CommunityCapReachedError";
  constructor(readonly max: number) {
    super(`The tenant has reached its cap of ${max} communities.`);
  }
}

// Type aliases, not interfaces: a transaction's actions take them as plain records.
type CommunityRow = {
  partitionKey: string;
  rowKey: string;
  name: string;
  profession: string;
  description: string;
  createdAt: string;
  createdBy: string;
};

type CountRow = {
  partitionKey: string;
  rowKey: string;
  count: number;
};

interface PendingRow {
  partitionKey: string;
  rowKey: string;
  tenantId: string;
  communityId: string;
  createdBy: string;
  startedAt: string;
}

/**
 * Communities of a tenant, all in the tenant's partition, with the tenant's count of them; and
 * the creations in progress across tenants, in one index partition the sweeper reads.
 */
export interface CommunityRepository {
  /** Every community of the tenant: one partition query (at most the cap's number of rows). */
  listForTenant(props: { tenantId: string }): Promise<CommunityEntity[]>;
  /** One point read; null when the tenant has no such community. */
  find(props: { tenantId: string; communityId: string }): Promise<CommunityEntity | null>;
  /**
   * The tenant's count of communities: one point read. A tenant whose communities were created
   * before the count existed is counted once, from its partition.
   */
  readCount(props: { tenantId: string }): Promise<CommunityCount>;
  /**
   * Inserts the community and the tenant's new count in one transaction, conditional on the
   * count read (`options.count`, else read now), so parallel creations never take the tenant past
   * `options.max`: the loser of a race reads the count again and tries again. Throws
   * CommunityCapReachedError at the cap, ConcurrencyError when the count kept changing under
   * many creations at once, and a 409 RestError when the id is taken.
   */
  create(props: {
    community: CommunityEntity;
    max?: number;
    count?: CommunityCount;
  }): Promise<void>;
  /** Notes a creation before its first write (an upsert: noting again changes nothing). */
  notePendingCreation(creation: PendingCreation): Promise<void>;
  /** Creations noted before `startedBefore`, oldest first, at most `limit`: one query. */
  listPendingCreations(props: { startedBefore: Date; limit: number }): Promise<PendingCreation[]>;
  /** Drops the note of a creation that finished or was undone. */
  forgetPendingCreation(creation: PendingCreation): Promise<void>;
}

/**
 * The count row's RowKey. Community ids are slugs of [a-z0-9-], which all sort before "|":
 * `RowKey lt '|'` reads the communities and never this row.
 */
const countRowKey = "|count";
const communitiesEnd = "|";
/**
 * The partition noting creations in progress, RowKey `<startedAt>|<tenantId>|<communityId>` so
 * the oldest come first. Tenant partitions are named by Entra tenant ids (GUIDs): never this.
 */
const pendingPartition = "pendingCreations";
/** Creations racing for one tenant's count: each lost race means another creation succeeded. */
const maxCreateAttempts = 10;

function fromRow(row: CommunityRow): CommunityEntity {
  return {
    tenantId: row.partitionKey,
    communityId: row.rowKey,
    name: row.name,
    profession: row.profession,
    description: row.description,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

function pendingRowKey(creation: PendingCreation): string {
  return `${creation.startedAt}|${creation.tenantId}|${creation.communityId}`;
}

/** The Table Storage implementation of CommunityRepository. */
export function createCommunityRepository(table: TableClient): CommunityRepository {
  async function readCount({ tenantId }: { tenantId: string }): Promise<CommunityCount> {
    const row = await readOrNull<CountRow>(table, tenantId, countRowKey);
    if (row) return { count: row.count, etag: row.etag };
    const rows = table.listEntities({
      queryOptions: {
        filter: odata`PartitionKey eq ${tenantId} and RowKey lt ${communitiesEnd}`,
        select: ["RowKey"],
      },
    });
    let count = 0;
    for await (const _row of rows) count += 1;
    return { count, etag: null };
  }

  return {
    async listForTenant({ tenantId }) {
      const rows = table.listEntities<CommunityRow>({
        queryOptions: {
          filter: odata`PartitionKey eq ${tenantId} and RowKey lt ${communitiesEnd}`,
        },
      });
      const communities: CommunityEntity[] = [];
      for await (const row of rows) communities.push(fromRow(row));
      return communities;
    },
    async find({ tenantId, communityId }) {
      const row = await readOrNull<CommunityRow>(table, tenantId, communityId);
      return row ? fromRow(row) : null;
    },
    readCount,
    async create({ community, ...options }) {
      const max = options.max ?? Infinity;
      const row: CommunityRow = {
        partitionKey: community.tenantId,
        rowKey: community.communityId,
        name: community.name,
        profession: community.profession,
        description: community.description,
        createdAt: community.createdAt,
        createdBy: community.createdBy,
      };
      let current = options.count ?? (await readCount({ tenantId: community.tenantId }));
      for (let attempt = 1; attempt <= maxCreateAttempts; attempt += 1) {
        if (current.count >= max) throw new CommunityCapReachedError(max);
        const next: CountRow = {
          partitionKey: community.tenantId,
          rowKey: countRowKey,
          count: current.count + 1,
        };
        const counting: TransactionAction =
          current.etag === null
            ? ["create", next]
            : ["update", next, "Merge", { etag: current.etag }];
        try {
          await table.submitTransaction([["create", row], counting]);
          return;
        } catch (error) {
          if (!isConflict(error)) throw error;
          const seen = current;
          current = await readCount({ tenantId: community.tenantId });
          // The count did not move: the community row was the conflict, so the id is taken.
          if (current.etag === seen.etag) throw error;
        }
      }
      throw new ConcurrencyError("The tenant's count of communities kept changing.");
    },
    async notePendingCreation(creation) {
      const row: PendingRow = {
        partitionKey: pendingPartition,
        rowKey: pendingRowKey(creation),
        ...creation,
      };
      await table.upsertEntity(row, "Replace");
    },
    async listPendingCreations({ startedBefore, limit }) {
      const pages = table
        .listEntities<PendingRow>({
          queryOptions: {
            filter: odata`PartitionKey eq ${pendingPartition} and RowKey lt ${startedBefore.toISOString()}`,
          },
        })
        .byPage({ maxPageSize: limit });
      const first = await pages.next();
      const rows: PendingRow[] = first.done ? [] : first.value;
      return rows.slice(0, limit).map((row) => ({
        tenantId: row.tenantId,
        communityId: row.communityId,
        createdBy: row.createdBy,
        startedAt: row.startedAt,
      }));
    },
    async forgetPendingCreation(creation) {
      try {
        await table.deleteEntity(pendingPartition, pendingRowKey(creation));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}
