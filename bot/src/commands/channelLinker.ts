import { toIso } from "@practice-hub/shared";
import { AppError } from "../errors";
import { authorize, communityRolesOf, type Viewer } from "../policies";
import { ConcurrencyError, type ChannelLinkEntity, type Store } from "../store";
import { communityNotFound } from "./communityAccessChecker";

/**
 * Links a community to the channel (and team) it lives in, moving it from any earlier channel.
 * Champions only. Another tenant's community, or one that does not exist, is not found.
 */
export async function channelLinker(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  channel: { conversationId: string; teamId: string | null };
  now: Date;
}): Promise<ChannelLinkEntity> {
  const { store, viewer, communityId, channel } = props;
  const { tenantId, userId } = viewer.actor;
  if (communityRolesOf(viewer, communityId).length === 0) {
    if (!(await store.communities.find(tenantId, communityId))) throw communityNotFound();
  }
  authorize(viewer, "link", { kind: "channel", communityId });
  const link: ChannelLinkEntity = {
    tenantId,
    communityId,
    conversationId: channel.conversationId,
    teamId: channel.teamId,
    linkedAt: toIso(props.now),
    linkedBy: userId,
  };
  try {
    await store.channelLinks.link(link);
  } catch (error) {
    if (error instanceof ConcurrencyError) {
      throw new AppError(
        409,
        "conflict",
        "Someone linked this channel or community at the same moment. Try again.",
      );
    }
    throw error;
  }
  return link;
}
