import type { BotScope } from "@practice-hub/shared";
import type { Activity } from "botbuilder";
import { botbuilder } from "./botbuilderModule";
import type { ConversationKind, StoredConversationReference } from "./conversationReferences";

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string };
  channel?: { id?: string };
}

function channelDataOf(activity: Partial<Activity>): TeamsChannelData {
  const data: unknown = activity.channelData;
  return typeof data === "object" && data !== null ? (data as TeamsChannelData) : {};
}

/** The tenant the activity came from; Teams puts it in two places depending on the event. */
export function tenantIdOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId || channelDataOf(activity).tenant?.id || undefined;
}

/** What kind of conversation this is; Teams omits the type for channels in some events. */
export function conversationKindOf(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === "personal" || type === "groupChat" || type === "channel") return type;
  return channelDataOf(activity).team?.id ? "channel" : "personal";
}

/** The card scope for a conversation: channels belong to a team. */
export function botScopeOf(activity: Partial<Activity>): BotScope {
  const kind = conversationKindOf(activity);
  return kind === "channel" ? "team" : kind;
}

/**
 * A channel message's conversation id names its reply thread (";messageid=..."); the record
 * should name the channel itself, so later posts start new threads.
 */
function withoutThread(conversationId: string): string {
  return conversationId.replace(/;messageid=.*$/i, "");
}

/** Where an activity happened in Teams. */
export interface ConversationPlace {
  tenantId: string;
  /** The conversation id without any reply-thread suffix (";messageid=..."). */
  conversationId: string;
  kind: ConversationKind;
  /** The team (its General channel id) when the conversation is in a team. */
  teamId?: string;
  /** The channel when the conversation is a channel. */
  channelId?: string;
}

/** Where an activity happened, or null when it names no tenant or conversation. */
export function conversationPlaceOf(activity: Partial<Activity>): ConversationPlace | null {
  const tenantId = tenantIdOf(activity);
  const rawConversationId = activity.conversation?.id;
  if (!tenantId || !rawConversationId) return null;
  const conversationId = withoutThread(rawConversationId);
  const kind = conversationKindOf(activity);
  const channelData = channelDataOf(activity);
  const teamId = channelData.team?.id;
  const channelId = kind === "channel" ? (channelData.channel?.id ?? conversationId) : undefined;
  return {
    tenantId,
    conversationId,
    kind,
    ...(teamId ? { teamId } : {}),
    ...(channelId ? { channelId } : {}),
  };
}

/**
 * The record to store for the conversation an activity came from, or null when the activity
 * names no tenant (it then cannot be scoped and is not stored).
 */
export function conversationRecordOf(
  activity: Partial<Activity>,
  now: Date,
): StoredConversationReference | null {
  const place = conversationPlaceOf(activity);
  if (!place || !activity.serviceUrl) return null;
  const { conversationId, kind } = place;
  const aadObjectId = kind === "personal" ? activity.from?.aadObjectId : undefined;
  return {
    ...place,
    ...(aadObjectId ? { aadObjectId } : {}),
    serviceUrl: activity.serviceUrl,
    reference: JSON.stringify({
      ...botbuilder().TurnContext.getConversationReference(activity),
      conversation: { ...activity.conversation, id: conversationId },
    }),
    updatedAt: now.toISOString(),
  };
}
