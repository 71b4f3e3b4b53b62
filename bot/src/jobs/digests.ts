import { defaultDigestSettings, dueDigestSlot, type DigestSettings } from "@practice-hub/shared";
import { digestComposer } from "../digest/digestComposer";
import { digestSentRecorder } from "../digest/digestSentRecorder";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { isHeadOfProfession } from "../policies/roles";
import type { DigestRecipient, Store } from "../store";
import type { DueDelivery, DueWorkSource } from "./types";

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
 * The zone of a head of profession who never saved settings. Nothing else stored says where they
 * are, and the preview shows the same default when the tab sends no zone, so the scheduled card
 * and the preview agree.
 */
const defaultRecipientZone = "UTC";

/**
 * Everyone who may get a digest: people who saved settings, and every head of profession with the
 * default Monday 09:00 until they save their own (DOMAIN.md: a head of profession "receives a weekly digest card").
 */
export async function digestRecipients(store: Store): Promise<DigestRecipient[]> {
  const [saved, heads] = await Promise.all([
    store.digests.listRecipients(),
    store.memberships.listTenantRoleHoldersOfAllTenants(),
  ]);
  const byKey = new Map(saved.map((r) => [`${r.tenantId}|${r.userId}`, r]));
  for (const head of heads) {
    if (!isHeadOfProfession(head.roles)) continue;
    const key = `${head.tenantId}|${head.userId}`;
    if (byKey.has(key)) continue;
    const settings: DigestSettings = defaultDigestSettings(defaultRecipientZone);
    byKey.set(key, { tenantId: head.tenantId, userId: head.userId, settings });
  }
  return [...byKey.values()];
}

/**
 * Digests for heads of profession: at each recipient's day and time in their zone, one delivery
 * to their personal chat with the bot, keyed per ISO week of the slot so a retry, a restart or a
 * second instance never sends a second one. A recipient with nothing to report that week, or
 * without a personal chat with the bot yet, gets nothing. One recipient's failure is logged and
 * skipped: it must not hold up everyone else's digest (their window is not repeated for it).
 */
export function createDigestSource(props: {
  store: Store;
  config: Pick<Config, "TEAMS_APP_ID" | "PUBLIC_BASE_URL">;
  logger: Logger;
}): DueWorkSource {
  const { store, logger } = props;

  /** aadObjectId -> personal conversation, read once per tenant per window. */
  async function personalChatsOf(
    cache: Map<string, Promise<Map<string, string>>>,
    tenantId: string,
  ): Promise<Map<string, string>> {
    let chats = cache.get(tenantId);
    if (!chats) {
      chats = store.conversationReferences.listForTenant({ tenantId }).then((conversations) => {
        const byPerson = new Map<string, string>();
        for (const c of conversations) {
          if (c.kind === "personal" && c.aadObjectId) byPerson.set(c.aadObjectId, c.conversationId);
        }
        return byPerson;
      });
      cache.set(tenantId, chats);
    }
    return chats;
  }

  return {
    name: "digests",
    async due({ now, since }) {
      const recipients = await digestRecipients(store);
      const chatsByTenant = new Map<string, Promise<Map<string, string>>>();
      const deliveries: DueDelivery[] = [];
      for (const recipient of recipients) {
        const slot = dueDigestSlot(recipient.settings, since, now);
        if (!slot) continue;
        try {
          const chat = (await personalChatsOf(chatsByTenant, recipient.tenantId)).get(
            recipient.userId,
          );
          if (!chat) {
            logger.info(
              { userId: recipient.userId },
              "digest due but no personal chat with the bot",
            );
            continue;
          }
          const roles = await store.memberships.rolesOf({
            tenantId: recipient.tenantId,
            userId: recipient.userId,
          });
          if (!isHeadOfProfession(roles.tenantRoles)) continue;
          const composed = await digestComposer({
            store,
            config: props.config,
            tenantId: recipient.tenantId,
            recipient: { id: recipient.userId, displayName: "" },
            audience: "lead",
            timeZone: recipient.settings.timeZone,
            now,
            slot,
          });
          if (composed.digest.communities.length === 0) continue;
          deliveries.push({
            key: digestDeliveryKey(recipient.tenantId, recipient.userId, composed.week),
            tenantId: recipient.tenantId,
            conversationKey: store.conversationKeyOf({ conversationId: chat }),
            card: composed.card,
            summary: digestSummary,
            onQueued: () =>
              digestSentRecorder({
                store,
                tenantId: recipient.tenantId,
                stateKey: recipient.userId,
                composed,
                now,
              }),
          });
        } catch (error) {
          logger.error(
            { err: error, tenantId: recipient.tenantId, userId: recipient.userId },
            "could not compose a digest; the others go ahead",
          );
        }
      }
      return deliveries;
    },
  };
}
