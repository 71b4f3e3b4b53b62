import { toIso } from "@practice-hub/shared";
import { conflict } from "../errors";
import { authorize, communityRolesOf, type Viewer } from "../policies";
import { ChannelTakenError, ConcurrencyError, type ChannelLinkEntity, type Store } from "../store";
import { communityNotFound } from "../policies/communityAccessChecker";

/**
 * Links a community to the channel (and team) it lives in, moving it from any earlier channel.
 * Champions only. A channel that is another community's home is refused (409): taking it would
 * unlink a community whose champions did not agree. Another tenant's community is not found.
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
    if (!(await store.communities.find({ tenantId, communityId }))) throw communityNotFound();
  }
  authorize(viewer, "link", { kind: "channel", communityId });
  const requested: ChannelLinkEntity = {
    tenantId,
    communityId,
    conversationId: channel.conversationId,
    teamId: channel.teamId,
    linkedAt: toIso(props.now),
    linkedBy: userId,
  };
  try {
    return await store.channelLinks.link(requested);
  } catch (error) {
    if (error instanceof ChannelTakenError) {
      throw conflict(
        `This channel is already the home of the community ${error.communityId}. One of its champions must link it to another channel first.`,
      );
    }
    if (error instanceof ConcurrencyError) {
      throw conflict("Someone linked this channel or community at the same moment. Try again.");
    }
    throw error;
  }
}
