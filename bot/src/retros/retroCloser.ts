import type { Logger } from "../logger";
import type { Viewer } from "../policies";
import { channelAudience, presentRetro } from "./presenter";
import type { RetroAggregate, Store } from "../store";
import type { RetroNotifier } from "./retroNotifier";
import { retroMover } from "./retroMover";

/**
 * Closes a retro (through retroMover: the phase machine, the ETag and the summary), then posts
 * the summary card to the community's channel and sends each action's owner their card. Both
 * notifications are best effort: the close is stored, so a failed post is logged and never
 * undoes it or keeps the other from going out. The tab's route and the card's button both call
 * this, so closing sends the same things wherever it is done. The caller must be allowed to
 * facilitate.
 */
export async function retroCloser(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  retroId: string;
  now: Date;
  /** Null when posting is turned off: the retro still closes. */
  notifier: RetroNotifier | null;
  logger: Logger;
}): Promise<RetroAggregate> {
  const { store, viewer, communityId, retroId, now, notifier, logger } = props;
  const { aggregate } = await retroMover({
    store,
    viewer,
    communityId,
    retroId,
    to: "closed",
    now,
  });
  if (!notifier) return aggregate;
  const tenantId = viewer.actor.tenantId;
  // Presented for the channel (no one in particular): hidden entries never reach a card.
  const retro = presentRetro({ communityId, aggregate, audience: channelAudience, now });
  const attempts: [string, () => Promise<void>][] = [
    ["summary card", () => notifier.postToChannel({ tenantId, retro, reason: "closed" })],
    [
      "owner cards",
      () =>
        notifier.sendOwnerCards({
          tenantId,
          communityId,
          retroTitle: retro.title,
          actions: retro.actions,
        }),
    ],
  ];
  for (const [what, send] of attempts) {
    try {
      await send();
    } catch (error) {
      logger.error({ err: error, retroId }, `retro closed, but its ${what} could not be queued`);
    }
  }
  return aggregate;
}
