import type { TableClient } from "@azure/data-tables";
import type {
  ConversationKind,
  StoredConversationReference,
} from "../teams/conversationReferences";
import { readOrNull } from "./rows";

interface ConversationReferenceRow {
  conversationId: string;
  kind: ConversationKind;
  teamId?: string;
  channelId?: string;
  aadObjectId?: string;
  serviceUrl: string;
  reference: string;
  updatedAt: string;
}

/**
 * Finds a stored conversation reference by its RowKey (`conversationRowKey`): deliveries name
 * their conversation that way, so the queue worker needs no conversation id to find it.
 */
export type ConversationKeyLookup = (props: {
  tenantId: string;
  conversationKey: string;
}) => Promise<StoredConversationReference | null>;

/** Point reads on the "conversationReferences" table. */
export function createConversationKeyLookup(table: TableClient): ConversationKeyLookup {
  return async ({ tenantId, conversationKey }) => {
    const row = await readOrNull<ConversationReferenceRow>(table, tenantId, conversationKey);
    return (
      row && {
        tenantId,
        conversationId: row.conversationId,
        kind: row.kind,
        ...(row.teamId ? { teamId: row.teamId } : {}),
        ...(row.channelId ? { channelId: row.channelId } : {}),
        ...(row.aadObjectId ? { aadObjectId: row.aadObjectId } : {}),
        serviceUrl: row.serviceUrl,
        reference: row.reference,
        updatedAt: row.updatedAt,
      }
    );
  };
}
