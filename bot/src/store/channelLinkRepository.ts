import type { TableClient, TransactionAction } from "@azure/data-tables";
import { conditionalWrite, readOrNull } from "./rows";

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
  findByConversation(props: {
    tenantId: string;
    conversationId: string;
  }): Promise<ChannelLinkEntity | null>;
  /** The channel a community is linked to, or null. */
  findByCommunity(props: {
    tenantId: string;
    communityId: string;
  }): Promise<ChannelLinkEntity | null>;
  /** The link of the community a team belongs to, or null. */
  findByTeam(props: { tenantId: string; teamId: string }): Promise<ChannelLinkEntity | null>;
  /**
   * Links a community to a channel in one transaction, moving the community from an earlier
   * channel (its old rows are removed). The channel must be free or already this community's:
   * otherwise ChannelTakenError. The team is linked too unless another community holds it; the
   * answer says which (`teamId` null when not). Rows are written against the ETags they were
   * read with, so a concurrent link throws ConcurrencyError instead of leaving half-links.
   */
  link(link: ChannelLinkEntity): Promise<ChannelLinkEntity>;
}

/** The channel is already the home of another community, which must move first. */
export class ChannelTakenError extends Error {
  override readonly name = "ChannelTakenError";
  constructor(readonly communityId: string) {
    super(`The channel already belongs to the community ${communityId}.`);
  }
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
  const read = (tenantId: string, rowKey: string): Promise<LinkRow | null> =>
    readOrNull<LinkRow>(table, tenantId, rowKey);
  async function point(tenantId: string, rowKey: string): Promise<ChannelLinkEntity | null> {
    const row = await read(tenantId, rowKey);
    return row ? entityOf(tenantId, row) : null;
  }

  return {
    findByConversation: ({ tenantId, conversationId }) =>
      point(tenantId, byConversation(conversationId)),
    findByCommunity: ({ tenantId, communityId }) => point(tenantId, byCommunity(communityId)),
    findByTeam: ({ tenantId, teamId }) => point(tenantId, byTeam(teamId)),
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
      if (channelRow && channelRow.communityId !== link.communityId) {
        throw new ChannelTakenError(channelRow.communityId);
      }
      // A team's joins and leaves count for one community: the first to link a channel there.
      const takesTeam = teamRow === null || teamRow.communityId === link.communityId;
      const teamId = keys.team && takesTeam ? link.teamId : null;
      // This community's own rows from an earlier link that the new one leaves behind.
      const leftBehind = [
        communityRow && communityRow.conversationId !== link.conversationId
          ? byConversation(communityRow.conversationId)
          : null,
        communityRow?.teamId && communityRow.teamId !== teamId ? byTeam(communityRow.teamId) : null,
      ].filter((rowKey): rowKey is string => rowKey !== null);
      const staleRows = (
        await Promise.all(leftBehind.map((rowKey) => read(tenantId, rowKey)))
      ).filter((row): row is LinkRow => row?.communityId === link.communityId);

      const stored: ChannelLinkEntity = { ...link, teamId };
      const fields = {
        communityId: stored.communityId,
        conversationId: stored.conversationId,
        teamId: stored.teamId ?? "",
        linkedAt: stored.linkedAt,
        linkedBy: stored.linkedBy,
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
      if (keys.team && teamId) actions.push(write(keys.team, teamRow));
      for (const row of staleRows) {
        // Transactions delete without If-Match; a concurrent link of this community also
        // rewrites its community row, whose ETag condition above then fails this one.
        actions.push(["delete", { partitionKey: tenantId, rowKey: row.rowKey }]);
      }
      await conditionalWrite("Someone linked this channel or community at the same time.", () =>
        table.submitTransaction(actions),
      );
      return stored;
    },
  };
}
