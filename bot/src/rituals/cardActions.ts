import {
  datesInWindow,
  localDateSchema,
  ritualFacilitatorCard,
  ritualReminderCard,
  ritualVerbs,
  rsvpResponseSchema,
  type Clock,
  type LocalDate,
  type Occurrence,
  parseWithSentences,
} from "@practice-hub/shared";
import { z } from "zod";
import type { Viewer } from "../policies";
import { communityAccessChecker } from "../policies/communityAccess";
import { ritualOccurrenceReader } from "./ritualOccurrenceReader";
import { ritualRsvpRecorder } from "./ritualRsvpRecorder";
import { ritualSwapRequester } from "./ritualSwapRequester";
import { ritualVolunteerUpdater } from "./ritualVolunteerUpdater";
import { viewerLoader } from "../policies/viewerLoader";
import { validationFailed } from "../errors";
import type { Store } from "../store";
import type { CardActionRegistry } from "../teams";
import { communityIdParam } from "../http/communityIdParam";

/** What the ritual card actions need. */
export interface RitualBotDeps {
  store: Store;
  now: () => Date;
  /** Where the cards' "Open the calendar" button goes. */
  tabUrl: string;
}

const occurrenceRefSchema = z.object({
  communityId: z.string(),
  ritualId: z.string().regex(/^[a-z0-9]{1,32}$/),
  date: localDateSchema,
  lead: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 60),
});

/** The data of the ritual cards' buttons, their date in the date window on the clock's today. */
function cardDataSchemas(clock: Clock) {
  const dateInWindow = datesInWindow<{ date: string }>(clock, ({ date }) => [
    { path: ["date"], value: date },
  ]);
  return {
    occurrenceRef: occurrenceRefSchema.superRefine(dateInWindow),
    rsvp: occurrenceRefSchema.extend({ response: rsvpResponseSchema }).superRefine(dateInWindow),
  };
}

function parseData<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = parseWithSentences(schema, data, "The card's answer");
  if (!parsed.success) throw validationFailed(parsed.error, "The card's answer");
  return parsed.data;
}

const cardOccurrence = (o: Occurrence) => ({
  ...o,
  facilitatorName: o.facilitator?.person.displayName ?? null,
});

/**
 * Registers the ritual card actions: RSVP from a channel reminder (the card comes back with
 * fresh counts for everyone in the channel) and the facilitator's "I can't make it" (opens a swap
 * request other volunteers can accept, and marks them away that day so the fair rotation asks
 * the next volunteer meanwhile). Both ask the policy module first.
 */
export function registerRitualBot(props: {
  cardActions: CardActionRegistry;
  deps: RitualBotDeps;
}): void {
  const { store, now, tabUrl } = props.deps;
  const cardData = cardDataSchemas(now);
  /** A member of the community answers and volunteers: the policy's 404-or-403 check. */
  const authorizeParticipant = (viewer: Viewer, communityId: string) =>
    communityAccessChecker({
      store,
      viewer,
      resource: { kind: "ritual", communityId },
      action: "participate",
    });

  /** The occurrence a card names, as the commands take it. */
  const occurrenceOf = (
    viewer: Viewer,
    communityId: string,
    ref: { ritualId: string; date: LocalDate },
  ) => ({ store, viewer, communityId, ritualId: ref.ritualId, originalDate: ref.date, now: now() });

  props.cardActions.register(ritualVerbs.rsvp, async ({ actor, data }) => {
    const ref = parseData(cardData.rsvp, data);
    const communityId = communityIdParam(ref.communityId);
    const viewer = await viewerLoader({ store, actor });
    await authorizeParticipant(viewer, communityId);
    await ritualRsvpRecorder({
      store,
      actor,
      communityId,
      ritualId: ref.ritualId,
      originalDate: ref.date,
      response: ref.response,
    });
    const occurrence = await ritualOccurrenceReader(occurrenceOf(viewer, communityId, ref));
    return {
      card: ritualReminderCard({
        communityId,
        occurrence: cardOccurrence(occurrence),
        leadMinutes: ref.lead,
        tabUrl,
      }),
    };
  });

  props.cardActions.register(ritualVerbs.cantMakeIt, async ({ actor, data }) => {
    const ref = parseData(cardData.occurrenceRef, data);
    const communityId = communityIdParam(ref.communityId);
    const viewer = await viewerLoader({ store, actor });
    await authorizeParticipant(viewer, communityId);
    const occurrenceRef = occurrenceOf(viewer, communityId, ref);
    // Refuses anyone who is not this session's facilitator. The card holds no ETag, so the
    // request is written on fresh data.
    await ritualSwapRequester({ ...occurrenceRef, ifMatch: null });
    // Marked away after asking: until then the rotation still names them as the facilitator.
    await ritualVolunteerUpdater({
      store,
      viewer,
      communityId,
      ritualId: ref.ritualId,
      update: { kind: "markAway", date: ref.date },
    });
    const occurrence = await ritualOccurrenceReader(occurrenceRef);
    const next = occurrence.facilitator?.person.displayName;
    return {
      card: ritualFacilitatorCard({
        communityId,
        occurrence: cardOccurrence(occurrence),
        leadMinutes: ref.lead,
        tabUrl,
        answered:
          next && occurrence.facilitator?.person.id !== actor.userId
            ? `Thanks for saying so early. You are marked away that day, and the rotation now asks ${next}. Other volunteers see your swap request in the calendar and can take it instead.`
            : "Thanks for saying so early. Other volunteers see your swap request in the calendar; whoever accepts it takes over.",
      }),
    };
  });
}
