import type { ChannelLink, Community } from "@practice-hub/shared";
import type { ChannelLinkEntity, CommunityEntity } from "../store";

/** A community without its storage keys or tenant. */
export function presentCommunity(entity: CommunityEntity): Community {
  return {
    id: entity.communityId,
    name: entity.name,
    profession: entity.profession,
    description: entity.description,
    createdAt: entity.createdAt,
  };
}

/** The channel a community lives in, as the tab sees it. */
export function presentChannelLink(link: ChannelLinkEntity): ChannelLink {
  return {
    communityId: link.communityId,
    channelId: link.conversationId,
    teamId: link.teamId,
    linkedAt: link.linkedAt,
    linkedBy: link.linkedBy,
  };
}
