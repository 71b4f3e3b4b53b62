import type { UnreachableResponse } from "@practice-hub/shared";
import type { Store } from "../store";

/**
 * The deliveries Teams refused that concern one community: its members' personal chats and its
 * own channel, never the rest of the tenant. The caller has authorized "send" on its digest.
 */
export async function unreachableLister(props: {
  store: Store;
  tenantId: string;
  communityId: string;
}): Promise<UnreachableResponse> {
  const { store, tenantId, communityId } = props;
  const [unreachable, conversations, members, channelLink] = await Promise.all([
    store.deliveries.listUnreachable({ tenantId }),
    store.conversationReferences.listForTenant({ tenantId }),
    store.memberships.listCommunityMembers({ tenantId, communityId }),
    store.channelLinks.findByCommunity({ tenantId, communityId }),
  ]);
  const byKey = new Map(
    conversations.map((c) => [store.conversationKeyOf({ conversationId: c.conversationId }), c]),
  );
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  return {
    recipients: unreachable.flatMap((entry): UnreachableResponse["recipients"] => {
      const conversation = byKey.get(entry.conversationKey);
      if (!conversation) return [];
      const person = conversation.aadObjectId ? names.get(conversation.aadObjectId) : undefined;
      if (conversation.kind === "personal" && person !== undefined) {
        return [
          {
            kind: "personal" as const,
            displayName: person,
            reason: entry.reason,
            since: entry.since,
          },
        ];
      }
      if (
        conversation.kind === "channel" &&
        conversation.conversationId === channelLink?.conversationId
      ) {
        return [
          {
            kind: "channel" as const,
            displayName: "The community's channel",
            reason: entry.reason,
            since: entry.since,
          },
        ];
      }
      return [];
    }),
  };
}
