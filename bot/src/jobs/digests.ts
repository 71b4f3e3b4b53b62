import { isDigestDue } from "@practice-hub/shared";
import { digestComposer } from "../commands/digestComposer";
import { digestSentRecorder } from "../commands/digestSentRecorder";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { Store } from "../store";
import { conversationRowKey } from "../store/conversationReferenceRepository";
import type { Delivery, DueWorkSource } from "./types";

/** The idempotency key of one recipient's digest for one ISO week: sent once, whatever happens. */
export function digestDeliveryKey(tenantId: string, userId: string, week: string): string {
  return `digest:${tenantId}:${userId}:${week}`;
}

/** The key of a community's members' digest posted to its channel in one ISO week. */
export function channelDigestDeliveryKey(
  tenantId: string,
  communityId: string,
  week: string,
): string {
  return `digest-channel:${tenantId}:${communityId}:${week}`;
}

/** The notification text Teams shows for a digest. */
export const digestSummary = "Your weekly community digest";

/**
 * Digests for heads of profession: at each registered recipient's day and time in their zone,
 * one delivery to their personal chat with the bot, keyed per ISO week so a retry, a restart or a
 * second instance never sends a second one. A recipient with nothing to report that week, or
 * without a personal chat with the bot yet, gets nothing.
 */
export function createDigestSource(props: {
  store: Store;
  config: Pick<Config, "TEAMS_APP_ID" | "PUBLIC_BASE_URL">;
  logger: Logger;
}): DueWorkSource {
  const { store, logger } = props;
  return {
    name: "digests",
    async due({ now, since }) {
      const recipients = await store.digests.listRecipients();
      const deliveries: Delivery[] = [];
      for (const recipient of recipients) {
        if (!isDigestDue(recipient.settings, since, now)) continue;
        const conversations = await store.conversationReferences.listForTenant(recipient.tenantId);
        const chat = conversations.find(
          (c) => c.kind === "personal" && c.aadObjectId === recipient.userId,
        );
        if (!chat) {
          logger.info({ userId: recipient.userId }, "digest due but no personal chat with the bot");
          continue;
        }
        const roles = await store.memberships.rolesOf(recipient.tenantId, recipient.userId);
        if (!roles.tenantRoles.includes("headOfProfession")) continue;
        const composed = await digestComposer({
          store,
          config: props.config,
          tenantId: recipient.tenantId,
          recipient: { id: recipient.userId, displayName: "" },
          audience: "lead",
          timeZone: recipient.settings.timeZone,
          now,
        });
        if (composed.digest.communities.length === 0) continue;
        deliveries.push({
          key: digestDeliveryKey(recipient.tenantId, recipient.userId, composed.week),
          tenantId: recipient.tenantId,
          conversationKey: conversationRowKey(chat.conversationId),
          card: composed.card,
          summary: digestSummary,
        });
        await digestSentRecorder({
          store,
          tenantId: recipient.tenantId,
          recipientId: recipient.userId,
          composed,
          now,
        });
      }
      return deliveries;
    },
  };
}
