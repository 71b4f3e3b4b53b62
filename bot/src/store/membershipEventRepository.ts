import { randomUUID } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { newestFirstKey, type PersonRef } from "@practice-hub/shared";
import { readPage } from "./paging";
import { communityPartitionKey } from "./tables";

/** A join or leave as stored. */
export interface MembershipEventEntity {
  person: PersonRef;
  change: "joined" | "left";
  source: "teams" | "manual";
  at: string;
}

/**
 * Joins and leaves per community, newest first. Which community a Teams team belongs to is
 * the channel link's business (ChannelLinkRepository.findByTeam).
 */
export interface MembershipEventRepository {
  record(props: {
    tenantId: string;
    communityId: string;
    event: MembershipEventEntity;
  }): Promise<void>;
  /** The newest `limit` events since `sinceIso`, newest first: one partition range query. */
  listRecent(props: {
    tenantId: string;
    communityId: string;
    sinceIso: string;
    limit: number;
  }): Promise<MembershipEventEntity[]>;
  /** Events since `sinceIso`, newest first: one partition range query. */
  listSince(props: {
    tenantId: string;
    communityId: string;
    sinceIso: string;
  }): Promise<MembershipEventEntity[]>;
}

interface EventRow {
  partitionKey: string;
  rowKey: string;
  personId: string;
  personName: string;
  change: string;
  source: string;
  at: string;
}

function eventFromRow(row: EventRow): MembershipEventEntity {
  return {
    person: { id: row.personId, displayName: row.personName },
    change: row.change === "left" ? "left" : "joined",
    source: row.source === "teams" ? "teams" : "manual",
    at: row.at,
  };
}

/** The Table Storage implementation of MembershipEventRepository. */
export function createMembershipEventRepository(table: TableClient): MembershipEventRepository {
  return {
    async record({ tenantId, communityId, event }) {
      const row: EventRow = {
        partitionKey: communityPartitionKey(tenantId, communityId),
        // Newest first, and a random suffix so two events in the same millisecond both stay.
        rowKey: `event|${newestFirstKey(new Date(event.at))}|${randomUUID()}`,
        personId: event.person.id,
        personName: event.person.displayName,
        change: event.change,
        source: event.source,
        at: event.at,
      };
      await table.createEntity(row);
    },
    async listRecent({ tenantId, communityId, sinceIso, limit }) {
      const { rows } = await readPage<EventRow>({
        table,
        partitionKey: communityPartitionKey(tenantId, communityId),
        // Keys count down, so "since" is an upper bound on the key.
        range: { lower: "event|", upper: `event|${newestFirstKey(new Date(sinceIso))}}` },
        limit,
      });
      return rows.map(eventFromRow);
    },
    async listSince({ tenantId, communityId, sinceIso }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      // Keys count down, so "since" is an upper bound on the key.
      const upper = `event|${newestFirstKey(new Date(sinceIso))}}`;
      const rows = table.listEntities<EventRow>({
        queryOptions: {
          filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${"event|"} and RowKey lt ${upper}`,
        },
      });
      const events: MembershipEventEntity[] = [];
      for await (const row of rows) events.push(eventFromRow(row));
      return events;
    },
  };
}
