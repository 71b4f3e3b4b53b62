import { retroOwnerCard, type AdaptiveCard } from "@practice-hub/shared";
import { z } from "zod";
import { notFound } from "../errors";
import { authorize, type Viewer } from "../policies";
import { presentRetroAction } from "./presenter";
import type { RetroActionEntity, Store } from "../store";
import type { StoredConversationReference } from "../teams/conversationReferences";

/** The part of a stored botbuilder ConversationReference that names the person of a chat. */
const referenceUserSchema = z.object({
  user: z.object({ id: z.string().min(1), aadObjectId: z.string().optional() }),
});

/**
 * The owner's Teams user id (MRI, "29:...") from their personal chat with the bot, which is what
 * a card's `refresh.userIds` must hold (Teams ignores Entra object ids there). Null when the
 * conversation is not that person's personal chat or its stored reference names no user.
 */
export function ownerMriOf(
  conversation: StoredConversationReference | null,
  ownerId: string,
): string | null {
  if (conversation?.kind !== "personal" || conversation.aadObjectId !== ownerId) return null;
  let reference: unknown;
  try {
    reference = JSON.parse(conversation.reference);
  } catch {
    return null;
  }
  const parsed = referenceUserSchema.safeParse(reference);
  return parsed.success ? parsed.data.user.id : null;
}

/**
 * The owner's card for an action as it stands now: its status, and whether it is overdue at
 * `now`. Answers the owner's buttons and the card's refresh, which Teams sends when the owner
 * looks at the card, so "Overdue" appears once the due date has passed without a new message.
 * Takes the action when the caller has just changed it, else reads it by id. Only those who may
 * track the action (its owner, champions, facilitators) get the card.
 */
export async function retroOwnerCardLoader(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  /** The action as just stored, or the id of one to read. */
  action: RetroActionEntity | { actionId: string };
  /** The conversation the card is in: the owner's personal chat, whose reference holds the MRI. */
  conversationId: string;
  tabUrl: string;
  now: Date;
}): Promise<AdaptiveCard> {
  const { store, viewer, communityId } = props;
  const tenantId = viewer.actor.tenantId;
  const action =
    "retroId" in props.action
      ? props.action
      : await readAction(store, tenantId, communityId, props.action.actionId);
  authorize(viewer, "track", { kind: "retroAction", communityId, ownerId: action.owner.id });
  // Independent reads, asked together: the card's names and the owner's Teams id.
  const [community, retro, conversation] = await Promise.all([
    store.communities.find({ tenantId, communityId }),
    store.retros.readRetro({ tenantId, communityId, retroId: action.retroId }),
    store.conversationReferences.find({ tenantId, conversationId: props.conversationId }),
  ]);
  return retroOwnerCard({
    action: presentRetroAction(action, props.now),
    communityId,
    communityName: community?.name ?? communityId,
    retroTitle: retro?.title ?? "",
    tabUrl: props.tabUrl,
    ownerMri: ownerMriOf(conversation, action.owner.id),
  });
}

async function readAction(
  store: Store,
  tenantId: string,
  communityId: string,
  actionId: string,
): Promise<RetroActionEntity> {
  const action = /^[A-Za-z0-9-]{1,80}$/.test(actionId)
    ? await store.retros.readAction({ tenantId, communityId, actionId })
    : null;
  if (!action)
    throw notFound("No action with that id in this community. It may have been removed.");
  return action;
}
