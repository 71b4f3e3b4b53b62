import {
  maxReminderLeadMinutes,
  ritualFacilitatorCard,
  ritualReminderCard,
  type Occurrence,
} from "@practice-hub/shared";
import type { Logger } from "../logger";
import { calendarRowRange } from "../rituals/calendar";
import { presentCalendar } from "../rituals/presenter";
import type { Store } from "../store";
import type { StoredConversationReference } from "../teams/conversationReferences";
import { mapWithLimit } from "./mapWithLimit";
import type { Delivery, DueWorkSource } from "./types";

/** The facilitator hears three days ahead, in time to find someone else. */
export const facilitatorLeadMinutes = 3 * 24 * 60;

/** The idempotency key of one channel reminder: one per occurrence and lead time. */
export function reminderDeliveryKey(props: {
  tenantId: string;
  communityId: string;
  ritualId: string;
  originalDate: string;
  leadMinutes: number;
}): string {
  return `ritual-reminder:${props.tenantId}:${props.communityId}:${props.ritualId}:${props.originalDate}:${props.leadMinutes}`;
}

/** The idempotency key of the facilitator's personal card for one occurrence. */
export function facilitatorDeliveryKey(props: {
  tenantId: string;
  communityId: string;
  ritualId: string;
  originalDate: string;
}): string {
  return `ritual-facilitator:${props.tenantId}:${props.communityId}:${props.ritualId}:${props.originalDate}`;
}

const cardOccurrence = (o: Occurrence) => ({
  ...o,
  facilitatorName: o.facilitator?.person.displayName ?? null,
});

/**
 * Communities whose reminders one tick works out at once: enough to overlap their storage waits
 * (the tick took 0.7 s at 100 communities one after another), few enough that a tick never sends
 * a burst of reads that would slow the users' requests down.
 */
export const reminderCommunityConcurrency = 8;

/**
 * Ritual reminders as due work: for each community with rituals and a linked channel, a card in
 * the channel at each of the ritual's lead times (24 hours and 15 minutes by default), and the
 * facilitator's personal card three days ahead. A reminder is due when `start - lead` falls in
 * (since, now]; one whose session has already started is dropped (after downtime it would only
 * be noise). Cancelled sessions get nothing. Keys make a repeated window harmless. Communities
 * are worked on a few at once, and a tenant's conversations are read once per tick, when a
 * facilitator first needs their personal chat.
 */
export function createReminderSource(props: {
  store: Store;
  tabUrl: string;
  logger: Logger;
}): DueWorkSource {
  const { store, tabUrl, logger } = props;

  async function dueInCommunity(props: {
    tenantId: string;
    communityId: string;
    now: Date;
    since: Date;
    conversationsOf: (tenantId: string) => Promise<StoredConversationReference[]>;
  }): Promise<Delivery[]> {
    const { tenantId, communityId, now, since } = props;
    const deliveries: Delivery[] = [];
    const { rituals, occurrences: rows } = await store.rituals.readCalendar({
      tenantId,
      communityId,
      // The same window as the calendar shows for the furthest lead, so a reminder names
      // the facilitator the tab names.
      ...calendarRowRange({
        from: since,
        to: new Date(
          now.getTime() + Math.max(maxReminderLeadMinutes, facilitatorLeadMinutes) * 60_000 + 1,
        ),
        now,
      }),
    });
    if (rituals.length === 0) return deliveries;
    const leads = new Set([
      facilitatorLeadMinutes,
      ...rituals.flatMap((r) => r.fields.reminderOffsetsMinutes),
    ]);
    const link = await store.channelLinks.findByCommunity({ tenantId, communityId });
    for (const lead of leads) {
      const window = {
        from: new Date(since.getTime() + lead * 60_000 + 1),
        to: new Date(now.getTime() + lead * 60_000 + 1),
      };
      const calendar = presentCalendar({
        rituals,
        rows,
        ...window,
        now,
        viewerId: "",
        allowedActions: [],
      });
      for (const occurrence of calendar.occurrences) {
        if (occurrence.status === "cancelled") continue;
        if (Date.parse(occurrence.start) <= now.getTime()) continue;
        const ritual = rituals.find((r) => r.ritualId === occurrence.ritualId);
        const ref = { tenantId, communityId, ...occurrence };
        const card = {
          communityId,
          occurrence: cardOccurrence(occurrence),
          leadMinutes: lead,
          tabUrl,
        };
        if (link && ritual?.fields.reminderOffsetsMinutes.includes(lead)) {
          deliveries.push({
            key: reminderDeliveryKey({ ...ref, leadMinutes: lead }),
            tenantId,
            conversationKey: store.conversationKeyOf({ conversationId: link.conversationId }),
            card: ritualReminderCard(card),
            summary: `${occurrence.ritualName} is coming up`,
          });
        }
        const facilitatorId = occurrence.facilitator?.person.id;
        if (lead === facilitatorLeadMinutes && facilitatorId) {
          const chat = (await props.conversationsOf(tenantId)).find(
            (c) => c.kind === "personal" && c.aadObjectId === facilitatorId,
          );
          if (!chat) {
            logger.info({ communityId }, "facilitator has no personal chat with the bot");
            continue;
          }
          deliveries.push({
            key: facilitatorDeliveryKey(ref),
            tenantId,
            conversationKey: store.conversationKeyOf({ conversationId: chat.conversationId }),
            card: ritualFacilitatorCard(card),
            summary: `You are facilitating ${occurrence.ritualName}`,
          });
        }
      }
    }
    return deliveries;
  }

  return {
    name: "ritual-reminders",
    async due({ now, since }) {
      // One read per tenant per tick, shared by its communities however many run at once.
      const conversations = new Map<string, Promise<StoredConversationReference[]>>();
      const conversationsOf = (tenantId: string) => {
        let read = conversations.get(tenantId);
        if (!read) {
          read = store.conversationReferences.listForTenant({ tenantId });
          conversations.set(tenantId, read);
        }
        return read;
      };
      const perCommunity = await mapWithLimit(
        await store.rituals.listIndexedCommunities(),
        reminderCommunityConcurrency,
        ({ tenantId, communityId }) =>
          dueInCommunity({ tenantId, communityId, now, since, conversationsOf }),
      );
      return perCommunity.flat();
    },
  };
}
