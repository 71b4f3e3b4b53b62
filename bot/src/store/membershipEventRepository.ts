import { randomUUID } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { newestFirstKey, type PersonRef } from "@practice-hub/shared";
import { isNotFound } from "./storageErrors";
import { communityPartitionKey } from "./tables";

/** A join or leave as stored. */
export interface MembershipEventEntity {
  person: PersonRef;
  change: "joined" | "left";
  source: "teams" | "manual";
  at: string;
}

/**
 * Joins and leaves per community (newest first), and which community a Teams team belongs to,
 * so Teams membership events in that team can be recorded against it.
 */
export interface MembershipEventRepository {
  record(props: {
    tenantId: string;
    communityId: string;
    event: MembershipEventEntity;
  }): Promise<void>;
  /** Events since `sinceIso`, newest first: one partition range query. */
  listSince(
    tenantId: string,
    communityId: string,
    sinceIso: string,
  ): Promise<MembershipEventEntity[]>;
  /** Links a Teams team to a community (overwrites an earlier link of the same team). */
  linkTeam(props: { tenantId: string; teamId: string; communityId: string }): Promise<void>;
  /** The community a team is linked to, or null. */
  communityOfTeam(tenantId: string, teamId: string): Promise<string | null>;
  /** The team a community is linked to (where its channel digest goes), or null. */
  teamOfCommunity(tenantId: string, communityId: string): Promise<string | null>;
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
    async listSince(tenantId, communityId, sinceIso) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      // Keys count down, so "since" is an upper bound on the key.
      const upper = `event|${newestFirstKey(new Date(sinceIso))}}`;
      const rows = table.listEntities<EventRow>({
        queryOptions: {
          filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${"event|"} and RowKey lt ${upper}`,
        },
      });
      const events: MembershipEventEntity[] = [];
      for await (const row of rows) {
        events.push({
          person: { id: row.personId, displayName: row.personName },
          change: row.change === "left" ? "left" : "joined",
          source: row.source === "teams" ? "teams" : "manual",
          at: row.at,
        });
      }
      return events;
    },
    async linkTeam({ tenantId, teamId, communityId }) {
      // A team is linked by whoever sets the community up; the latest link wins on purpose.
      await table.submitTransaction([
        ["upsert", { partitionKey: tenantId, rowKey: `team|${teamId}`, communityId }, "Replace"],
        [
          "upsert",
          { partitionKey: tenantId, rowKey: `community|${communityId}`, teamId },
          "Replace",
        ],
      ]);
    },
    async teamOfCommunity(tenantId, communityId) {
      try {
        const row = await table.getEntity<{ teamId: string }>(tenantId, `community|${communityId}`);
        return row.teamId;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async communityOfTeam(tenantId, teamId) {
      try {
        const row = await table.getEntity<{ communityId: string }>(tenantId, `team|${teamId}`);
        return row.communityId;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
  };
}
