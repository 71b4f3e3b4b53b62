import type { TableClient } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { isNotFound } from "./storageErrors";

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

interface CommunityRow {
  partitionKey: string;
  rowKey: string;
  name: string;
  profession: string;
  description: string;
  createdAt: string;
  createdBy: string;
}

/** Communities of a tenant, all in the tenant's partition. */
export interface CommunityRepository {
  /** Every community of the tenant: one partition query. */
  listForTenant(tenantId: string): Promise<CommunityEntity[]>;
  /** One point read; null when the tenant has no such community. */
  find(tenantId: string, communityId: string): Promise<CommunityEntity | null>;
  /** Inserts; throws a 409 RestError when the id is taken. */
  create(community: CommunityEntity): Promise<void>;
}

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

/** The Table Storage implementation of CommunityRepository. */
export function createCommunityRepository(table: TableClient): CommunityRepository {
  return {
    async listForTenant(tenantId) {
      const rows = table.listEntities<CommunityRow>({
        queryOptions: { filter: odata`PartitionKey eq ${tenantId}` },
      });
      const communities: CommunityEntity[] = [];
      for await (const row of rows) communities.push(fromRow(row));
      return communities;
    },
    async find(tenantId, communityId) {
      try {
        return fromRow(await table.getEntity<CommunityRow>(tenantId, communityId));
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async create(community) {
      const row: CommunityRow = {
        partitionKey: community.tenantId,
        rowKey: community.communityId,
        name: community.name,
        profession: community.profession,
        description: community.description,
        createdAt: community.createdAt,
        createdBy: community.createdBy,
      };
      await table.createEntity(row);
    },
  };
}
