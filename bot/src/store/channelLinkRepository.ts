import type { TableClient } from "@azure/data-tables";
import { isNotFound } from "./storageErrors";

/**
 * A link between a Teams channel and a community, so the bot knows which community a channel's
 * `retro` belongs to and where a retro started in the tab should be posted. One community has at
 * most one linked channel; linking again moves it.
 */
export interface ChannelLinkEntity {
  tenantId: string;
  communityId: string;
  /** The channel's Bot Framework conversation id (no reply-thread suffix). */
  conversationId: string;
  linkedAt: string;
  linkedBy: string;
}

/** Channel links, in the tenant's partition, readable from either side with one point read. */
export interface ChannelLinkRepository {
  /** The community a channel is linked to, or null. */
  findByConversation(tenantId: string, conversationId: string): Promise<ChannelLinkEntity | null>;
  /** The channel a community is linked to, or null. */
  findByCommunity(tenantId: string, communityId: string): Promise<ChannelLinkEntity | null>;
  /** Links both ways in one transaction (upserts, so linking again moves the community). */
  link(link: ChannelLinkEntity): Promise<void>;
}

const byConversation = (conversationId: string) => `channel|${conversationId}`;
const byCommunity = (communityId: string) => `community|${communityId}`;

/** Characters Table Storage forbids in keys; Teams conversation ids can hold none but be safe. */
function keySafe(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[/\\#?\u0000-\u001F\u007F]/g, "_");
}

interface LinkRow {
  partitionKey: string;
  rowKey: string;
  communityId: string;
  conversationId: string;
  linkedAt: string;
  linkedBy: string;
}

/** The Table Storage implementation of ChannelLinkRepository. */
export function createChannelLinkRepository(table: TableClient): ChannelLinkRepository {
  async function point(tenantId: string, rowKey: string): Promise<ChannelLinkEntity | null> {
    try {
      const row = await table.getEntity<LinkRow>(tenantId, rowKey);
      return {
        tenantId,
        communityId: row.communityId,
        conversationId: row.conversationId,
        linkedAt: row.linkedAt,
        linkedBy: row.linkedBy,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
  return {
    findByConversation: (tenantId, conversationId) =>
      point(tenantId, keySafe(byConversation(conversationId))),
    findByCommunity: (tenantId, communityId) => point(tenantId, byCommunity(communityId)),
    async link(link) {
      const fields = {
        communityId: link.communityId,
        conversationId: link.conversationId,
        linkedAt: link.linkedAt,
        linkedBy: link.linkedBy,
      };
      await table.submitTransaction([
        [
          "upsert",
          {
            partitionKey: link.tenantId,
            rowKey: keySafe(byConversation(link.conversationId)),
            ...fields,
          },
          "Replace",
        ],
        [
          "upsert",
          { partitionKey: link.tenantId, rowKey: byCommunity(link.communityId), ...fields },
          "Replace",
        ],
      ]);
    },
  };
}
