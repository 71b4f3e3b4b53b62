import type { TableClient, TransactionAction } from "@azure/data-tables";
import { ConcurrencyError, isConflict, isNotFound } from "./storageErrors";

/**
 * A link between a Teams channel (and its team) and a community: the bot knows which community
 * a channel's `retro` belongs to, where reminders, retros and the members' digest are posted, and
 * which community a team's membership events count for. A community has at most one channel, a
 * channel and a team at most one community.
 */
export interface ChannelLinkEntity {
  tenantId: string;
  communityId: string;
  /** The channel's Bot Framework conversation id (no reply-thread suffix). */
  conversationId: string;
  /** The Teams team the channel belongs to (its internal `19:...` id), when known. */
  teamId: string | null;
  linkedAt: string;
  linkedBy: string;
}

/** Channel links, in the tenant's partition, readable from each side with one point read. */
export interface ChannelLinkRepository {
  /** The community a channel is linked to, or null. */
  findByConversation(tenantId: string, conversationId: string): Promise<ChannelLinkEntity | null>;
  /** The channel a community is linked to, or null. */
  findByCommunity(tenantId: string, communityId: string): Promise<ChannelLinkEntity | null>;
  /** The link of the community a team belongs to, or null. */
  findByTeam(tenantId: string, teamId: string): Promise<ChannelLinkEntity | null>;
  /**
   * Links a community to a channel (and its team) in one transaction, moving it if a side was
   * linked elsewhere (the stale rows are removed). The rows it writes are written against the
   * ETags they were read with, so a concurrent link throws ConcurrencyError, not half-links.
   */
  link(link: ChannelLinkEntity): Promise<void>;
}

const byConversation = (conversationId: string) => keySafe(`channel|${conversationId}`);
const byCommunity = (communityId: string) => `community|${communityId}`;
const byTeam = (teamId: string) => keySafe(`team|${teamId}`);

/** Characters Table Storage forbids in keys; Teams ids hold none, but be safe. */
function keySafe(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[/\\#?\u0000-\u001F\u007F]/g, "_");
}

interface LinkRow {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  communityId: string;
  conversationId: string;
  teamId?: string;
  linkedAt: string;
  linkedBy: string;
}

function entityOf(tenantId: string, row: LinkRow): ChannelLinkEntity {
  return {
    tenantId,
    communityId: row.communityId,
    conversationId: row.conversationId,
    teamId: row.teamId || null,
    linkedAt: row.linkedAt,
    linkedBy: row.linkedBy,
  };
}

/** The Table Storage implementation of ChannelLinkRepository. */
export function createChannelLinkRepository(table: TableClient): ChannelLinkRepository {
  async function read(tenantId: string, rowKey: string): Promise<LinkRow | null> {
    try {
      return await table.getEntity<LinkRow>(tenantId, rowKey);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
  async function point(tenantId: string, rowKey: string): Promise<ChannelLinkEntity | null> {
    const row = await read(tenantId, rowKey);
    return row ? entityOf(tenantId, row) : null;
  }

  return {
    findByConversation: (tenantId, conversationId) =>
      point(tenantId, byConversation(conversationId)),
    findByCommunity: (tenantId, communityId) => point(tenantId, byCommunity(communityId)),
    findByTeam: (tenantId, teamId) => point(tenantId, byTeam(teamId)),
    async link(link) {
      const { tenantId } = link;
      const keys = {
        channel: byConversation(link.conversationId),
        community: byCommunity(link.communityId),
        team: link.teamId ? byTeam(link.teamId) : null,
      };
      const [channelRow, communityRow, teamRow] = await Promise.all([
        read(tenantId, keys.channel),
        read(tenantId, keys.community),
        keys.team ? read(tenantId, keys.team) : Promise.resolve(null),
      ]);
      // The rows the new link replaces point elsewhere: the community's old channel and team,
      // and the old community of this channel and this team.
      const stale = new Map<string, string | undefined>();
      const markStale = (rowKey: string) => {
        if (Object.values(keys).includes(rowKey)) return;
        stale.set(rowKey, undefined);
      };
      if (communityRow) {
        markStale(byConversation(communityRow.conversationId));
        if (communityRow.teamId) markStale(byTeam(communityRow.teamId));
      }
      for (const row of [channelRow, teamRow]) {
        if (row && row.communityId !== link.communityId) markStale(byCommunity(row.communityId));
      }
      const staleRows = await Promise.all(
        [...stale.keys()].map(async (rowKey) => read(tenantId, rowKey)),
      );

      const fields = {
        communityId: link.communityId,
        conversationId: link.conversationId,
        teamId: link.teamId ?? "",
        linkedAt: link.linkedAt,
        linkedBy: link.linkedBy,
      };
      const write = (rowKey: string, current: LinkRow | null): TransactionAction =>
        current
          ? [
              "update",
              { partitionKey: tenantId, rowKey, ...fields },
              "Replace",
              { etag: current.etag },
            ]
          : ["create", { partitionKey: tenantId, rowKey, ...fields }];
      const actions: TransactionAction[] = [
        write(keys.channel, channelRow),
        write(keys.community, communityRow),
      ];
      if (keys.team) actions.push(write(keys.team, teamRow));
      for (const row of staleRows) {
        // Transactions delete without If-Match; a race on these rows is caught by the writes
        // above, which every concurrent link of the same channel, community or team also makes.
        if (row) actions.push(["delete", { partitionKey: tenantId, rowKey: row.rowKey }]);
      }
      try {
        await table.submitTransaction(actions);
      } catch (error) {
        if (isConflict(error)) {
          throw new ConcurrencyError("Someone linked this channel or community at the same time.");
        }
        throw error;
      }
    },
  };
}
