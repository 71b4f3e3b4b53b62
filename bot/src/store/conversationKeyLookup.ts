import type { TableClient } from "@azure/data-tables";
import type { StoredConversationReference } from "../teams/conversationReferences";
import {
  conversationReferenceFromRow,
  type ConversationReferenceRow,
} from "./conversationReferenceRepository";
import { readOrNull } from "./rows";

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
    return row && conversationReferenceFromRow(row);
  };
}
