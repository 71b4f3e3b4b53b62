import {
  addDays,
  localDateSchema,
  maxMoveDays,
  ritualFacilitatorCard,
  ritualReminderCard,
  ritualVerbs,
  rsvpResponseSchema,
  type Occurrence,
} from "@practice-hub/shared";
import { z } from "zod";
import { ritualAccessChecker } from "../../commands/ritualAccessChecker";
import { occurrenceNotFound, ritualNotFound } from "../../commands/ritualErrors";
import { ritualRsvpRecorder } from "../../commands/ritualRsvpRecorder";
import { ritualVolunteerUpdater } from "../../commands/ritualVolunteerUpdater";
import { viewerLoader } from "../../commands/viewerLoader";
import { validationFailed } from "../../errors";
import type { Viewer } from "../../policies";
import { presentCalendar } from "../../presenters/rituals";
import type { Store } from "../../store";
import type { CardActionRegistry } from "../../teams";
import { communityIdParam } from "../communityIdParam";

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
const rsvpDataSchema = occurrenceRefSchema.extend({ response: rsvpResponseSchema });

function parseData<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validationFailed(parsed.error, "The card's answer");
  return parsed.data;
}

/**
 * The occurrence as the calendar shows it (with the rotation's facilitator), read with one
 * partition query around its planned date.
 */
async function calendarOccurrence(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  ritualId: string;
  date: string;
  now: Date;
}): Promise<Occurrence> {
  const { store, viewer, communityId, ritualId, date } = props;
  const { rituals, occurrences } = await store.rituals.readCalendar({
    tenantId: viewer.actor.tenantId,
    communityId,
    fromDate: addDays(date, -1),
    toDate: addDays(date, 1),
  });
  const around = (days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  const calendar = presentCalendar({
    rituals: rituals.filter((r) => r.ritualId === ritualId),
    rows: occurrences,
    from: around(-maxMoveDays - 1),
    to: around(maxMoveDays + 2),
    now: props.now,
    viewerId: viewer.actor.userId,
    allowedActions: [],
  });
  const found = calendar.occurrences.find((o) => o.originalDate === date);
  if (!found) throw occurrenceNotFound();
  return found;
}

const cardOccurrence = (o: Occurrence) => ({
  ...o,
  facilitatorName: o.facilitator?.person.displayName ?? null,
});

/**
 * Registers the ritual card actions: RSVP from a channel reminder (the card comes back with
 * fresh counts for everyone in the channel) and the facilitator's "I can't make it" (marks them
 * away that day, so the fair rotation asks the next volunteer). Both ask the policy module first.
 */
export function registerRitualBot(props: {
  cardActions: CardActionRegistry;
  deps: RitualBotDeps;
}): void {
  const { store, now, tabUrl } = props.deps;

  props.cardActions.register(ritualVerbs.rsvp, async ({ actor, data }) => {
    const ref = parseData(rsvpDataSchema, data);
    const communityId = communityIdParam(ref.communityId);
    const viewer = await viewerLoader({ store, actor });
    await ritualAccessChecker({ store, viewer, communityId, action: "participate" });
    await ritualRsvpRecorder({
      store,
      actor,
      communityId,
      ritualId: ref.ritualId,
      originalDate: ref.date,
      response: ref.response,
    });
    const occurrence = await calendarOccurrence({
      store,
      viewer,
      communityId,
      ritualId: ref.ritualId,
      date: ref.date,
      now: now(),
    });
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
    const ref = parseData(occurrenceRefSchema, data);
    const communityId = communityIdParam(ref.communityId);
    const viewer = await viewerLoader({ store, actor });
    await ritualAccessChecker({ store, viewer, communityId, action: "participate" });
    const ritual = await store.rituals.readRitual(actor.tenantId, communityId, ref.ritualId);
    if (!ritual) throw ritualNotFound();
    const mine = ritual.volunteers.find((v) => v.id === actor.userId);
    await ritualVolunteerUpdater({
      store,
      viewer,
      communityId,
      ritualId: ref.ritualId,
      awayDates: [...new Set([...(mine?.awayDates ?? []), ref.date])],
    });
    const occurrence = await calendarOccurrence({
      store,
      viewer,
      communityId,
      ritualId: ref.ritualId,
      date: ref.date,
      now: now(),
    });
    const next = occurrence.facilitator?.person.displayName;
    return {
      card: ritualFacilitatorCard({
        communityId,
        occurrence: cardOccurrence(occurrence),
        leadMinutes: ref.lead,
        tabUrl,
        answered: next
          ? `Thanks for saying so early. You are marked away that day, and the rotation now asks ${next}.`
          : "Thanks for saying so early. You are marked away that day; no other volunteer is free yet, so the champions will find someone.",
      }),
    };
  });
}
