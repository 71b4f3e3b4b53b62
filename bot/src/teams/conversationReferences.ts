/** Where a conversation lives in Teams. */
export type ConversationKind = "personal" | "channel" | "groupChat";

/**
 * A conversation the bot may message later (ritual reminders, retros, digests), with the Teams
 * context needed to find it again: tenant, team, channel and person.
 */
export interface StoredConversationReference {
  tenantId: string;
  /** The Bot Framework conversation id: a personal chat, a group chat or a channel. */
  conversationId: string;
  kind: ConversationKind;
  /** The team's id (its General channel thread id) when the conversation is in a team. */
  teamId?: string;
  /** The channel's id when the conversation is a channel. */
  channelId?: string;
  /** Entra object id of the person, for personal chats. */
  aadObjectId?: string;
  /** The Bot Connector endpoint for this conversation; it differs by region and cloud. */
  serviceUrl: string;
  /** botbuilder's ConversationReference as JSON, replayed by the proactive sender. */
  reference: string;
  /** ISO instant of the last install or conversation update that touched this record. */
  updatedAt: string;
}

/**
 * Storage of conversation references, per tenant. The Teams folder depends on this interface;
 * bot/src/store implements it over Table Storage.
 */
export interface ConversationReferenceStore {
  /**
   * Inserts the record or replaces the stored one. Concurrent saves of the same conversation
   * never overwrite each other blindly: the write is conditional on the version that was read,
   * and a record older (by updatedAt) than the stored one is ignored.
   */
  save(record: StoredConversationReference): Promise<void>;
  /** One point read; null when the conversation was never recorded. */
  find(props: {
    tenantId: string;
    conversationId: string;
  }): Promise<StoredConversationReference | null>;
  /** Every recorded conversation of a tenant: one partition query. */
  listForTenant(props: { tenantId: string }): Promise<StoredConversationReference[]>;
}
