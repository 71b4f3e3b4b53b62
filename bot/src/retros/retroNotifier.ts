import { randomUUID } from "node:crypto";
import {
  retroCard,
  retroOwnerCard,
  retroSummaryCard,
  type AdaptiveCard,
  type Retro,
  type RetroAction,
} from "@practice-hub/shared";
import type { Delivery, EnqueueResult } from "../jobs/types";
import type { Logger } from "../logger";
import type { Store } from "../store";
import { ownerMriOf } from "./retroOwnerCardLoader";

/** How retro cards leave the service: the delivery backbone's send-now path (bot/src/jobs). */
export interface RetroNotifier {
  /** Posts the retro card (or, once closed, its summary) to the community's linked channel. */
  postToChannel(props: {
    tenantId: string;
    retro: Retro;
    reason: "started" | "closed";
  }): Promise<void>;
  /** Sends each action's owner a personal card with "done" and "need help". */
  sendOwnerCards(props: {
    tenantId: string;
    communityId: string;
    retroTitle: string;
    actions: RetroAction[];
  }): Promise<void>;
}

/**
 * The notifier over `enqueueDelivery`: each card has an idempotency key per retro (or action), so
 * closing twice or retrying never posts twice. Conversations the bot has no reference for (the
 * channel was never linked, the owner never installed the app) are skipped and logged, never
 * with any entry text.
 */
export function createRetroNotifier(props: {
  store: Store;
  enqueueDelivery: (delivery: Delivery) => Promise<EnqueueResult>;
  tabUrl: string;
  logger: Logger;
}): RetroNotifier {
  const { store, enqueueDelivery, tabUrl, logger } = props;

  async function deliver(
    tenantId: string,
    key: string,
    conversationId: string,
    card: AdaptiveCard,
    summary: string,
  ) {
    await enqueueDelivery({
      key,
      tenantId,
      conversationKey: store.conversationKeyOf({ conversationId }),
      card,
      summary,
    });
  }

  return {
    async postToChannel({ tenantId, retro, reason }) {
      const link = await store.channelLinks.findByCommunity({
        tenantId,
        communityId: retro.communityId,
      });
      if (!link) {
        logger.info({ communityId: retro.communityId }, "no channel linked: retro card not posted");
        return;
      }
      const card =
        reason === "closed"
          ? retroSummaryCard({ retro, tabUrl })
          : retroCard({ retro, tabUrl, renderKey: randomUUID() });
      const summary =
        reason === "closed" ? "The retro is closed: see its summary." : "A retro has started.";
      await deliver(
        tenantId,
        `retro:${tenantId}:${retro.id}:${reason}`,
        link.conversationId,
        card,
        summary,
      );
    },

    async sendOwnerCards({ tenantId, communityId, retroTitle, actions }) {
      if (actions.length === 0) return;
      const [conversations, community] = await Promise.all([
        store.conversationReferences.listForTenant({ tenantId }),
        store.communities.find({ tenantId, communityId }),
      ]);
      for (const action of actions) {
        const personal = conversations.find(
          (conversation) =>
            conversation.kind === "personal" && conversation.aadObjectId === action.owner.id,
        );
        if (!personal) {
          logger.info(
            { actionId: action.id },
            "owner has no personal chat with the bot: card not sent",
          );
          continue;
        }
        const card = retroOwnerCard({
          action,
          communityId,
          communityName: community?.name ?? communityId,
          retroTitle,
          tabUrl,
          // The card refreshes for its owner, so it turns overdue without another message.
          ownerMri: ownerMriOf(personal, action.owner.id),
        });
        await deliver(
          tenantId,
          `retro-action:${tenantId}:${action.id}`,
          personal.conversationId,
          card,
          "You own an action from a retro.",
        );
      }
    },
  };
}
