import type { Config } from "../config";
import { AppError, badRequest } from "../errors";
import { channelDigestDeliveryKey, digestSummary } from "../jobs/digests";
import type { DeliveryRecord, Jobs } from "../jobs/types";
import type { Viewer } from "../policies";
import type { Store } from "../store";
import { channelDigestStateKey } from "../store/digestRepository";
import { digestComposer } from "./digestComposer";
import { digestSentRecorder } from "./digestSentRecorder";

/**
 * The members' version goes to a channel, so it never depends on one reader's zone: its week,
 * its card and its preview are worked out in UTC, and "send now" posts what the preview shows.
 */
export const channelZone = "UTC";

/** What a "send now" did: queued now, or the week's earlier delivery as it stands. */
export interface DigestSendOutcome {
  queued: boolean;
  key: string;
  week: string;
  record: Pick<DeliveryRecord, "state" | "updatedAt" | "reason">;
}

/**
 * A champion's "send now": composes the members' digest of the community and queues it to the
 * community's channel, once per ISO week. Pressing again after a failure means "try again"; a
 * sent digest is never resent. The caller has authorized "send" on the community's digest.
 */
export async function digestSender(props: {
  store: Store;
  config: Pick<Config, "TEAMS_APP_ID" | "PUBLIC_BASE_URL">;
  /** The delivery backbone; absent when jobs are not running, and then sending says so. */
  jobs: Pick<Jobs, "enqueueDelivery"> | undefined;
  viewer: Viewer;
  communityId: string;
  now: () => Date;
}): Promise<DigestSendOutcome> {
  const { store, viewer, communityId, now } = props;
  if (!props.jobs) {
    throw new AppError(503, "storage_unavailable", "Sending is switched off on this service.");
  }
  const { tenantId } = viewer.actor;
  const channel = await store.channelLinks.findByCommunity({ tenantId, communityId });
  if (!channel) {
    throw badRequest(
      "This community has no channel yet. Add the Practice Hub tab to the community's channel, then try again.",
    );
  }
  const composed = await digestComposer({
    store,
    config: props.config,
    tenantId,
    recipient: { id: viewer.actor.userId, displayName: viewer.actor.displayName },
    audience: "members",
    communityId,
    // The channel keeps its own pick history: not the pressing champion's.
    stateKey: channelDigestStateKey(communityId),
    timeZone: channelZone,
    now: now(),
  });
  const key = channelDigestDeliveryKey(tenantId, communityId, composed.week);
  const result = await props.jobs.enqueueDelivery(
    {
      key,
      tenantId,
      conversationKey: store.conversationKeyOf({ conversationId: channel.conversationId }),
      card: composed.card,
      summary: digestSummary,
    },
    { retryUndelivered: true },
  );
  if (result.status !== "queued") {
    return { queued: false, key, week: composed.week, record: result.record };
  }
  await digestSentRecorder({
    store,
    tenantId,
    stateKey: channelDigestStateKey(communityId),
    composed,
    now: now(),
  });
  const record = { state: "pending" as const, updatedAt: now().toISOString() };
  return { queued: true, key, week: composed.week, record };
}
