import type { Occurrence, RsvpResponse } from "../api/rituals";
import { escapeCardText } from "./escapeCardText";
import type { AdaptiveCard, ExecuteAction } from "./types";
import { adaptiveCard, cardTitle } from "./parts";

/** The Action.Execute verbs of ritual cards; the bot registers a handler for each. */
export const ritualVerbs = {
  rsvp: "ritual.rsvp",
  cantMakeIt: "ritual.cantMakeIt",
} as const;

/** What a ritual card needs to know about the session. */
export interface RitualCardProps {
  communityId: string;
  occurrence: Pick<
    Occurrence,
    "ritualId" | "ritualName" | "originalDate" | "start" | "end" | "timeZone" | "rsvpCounts"
  > & { facilitatorName: string | null };
  /** Minutes before the start this reminder is for (shown as "in 24 hours", "in 15 minutes"). */
  leadMinutes: number;
  tabUrl: string;
}

/** "in 24 hours", "in 15 minutes", "in 3 days". */
export function leadLabel(minutes: number): string {
  if (minutes % (24 * 60) === 0) {
    const days = minutes / (24 * 60);
    return days === 1 ? "tomorrow" : `in ${days} days`;
  }
  if (minutes % 60 === 0) return minutes === 60 ? "in 1 hour" : `in ${minutes / 60} hours`;
  return `in ${minutes} minutes`;
}

/**
 * When the session is, written with the card's DATE and TIME functions: Teams renders them in
 * each reader's own zone and locale, so one channel card is right for everyone in it.
 */
export function cardWhen(startIso: string): string {
  const instant = startIso.replace(/\.\d{3}Z$/, "Z");
  return `{{DATE(${instant}, LONG)}} at {{TIME(${instant})}}`;
}

const rsvpTitles: Record<RsvpResponse, string> = {
  going: "Going",
  maybe: "Maybe",
  notGoing: "Not going",
};

/**
 * The reminder a channel gets before each session: when, who runs it, how many are coming, and
 * RSVP buttons (Action.Execute: the bot records the answer and replaces the card with fresh
 * counts for everyone).
 */
export function ritualReminderCard(props: RitualCardProps): AdaptiveCard {
  const { occurrence } = props;
  const counts = occurrence.rsvpCounts;
  const rsvp = (response: RsvpResponse): ExecuteAction => ({
    type: "Action.Execute",
    title: `${rsvpTitles[response]} (${counts[response]})`,
    verb: ritualVerbs.rsvp,
    data: {
      communityId: props.communityId,
      ritualId: occurrence.ritualId,
      date: occurrence.originalDate,
      response,
      lead: props.leadMinutes,
    },
    associatedInputs: "none",
  });
  return adaptiveCard({
    body: [
      cardTitle(`${escapeCardText(occurrence.ritualName)} starts ${leadLabel(props.leadMinutes)}`),
      {
        type: "FactSet",
        facts: [
          { title: "When", value: cardWhen(occurrence.start) },
          {
            title: "Facilitator",
            value: occurrence.facilitatorName
              ? escapeCardText(occurrence.facilitatorName)
              : "Nobody yet: volunteer in the calendar",
          },
          {
            title: "Coming",
            value: `${counts.going} going, ${counts.maybe} maybe, ${counts.notGoing} not going`,
          },
        ],
      },
      {
        type: "TextBlock",
        text: "Attendance is never mandatory. Let the facilitator know if you plan to come.",
        wrap: true,
        isSubtle: true,
        spacing: "medium",
      },
    ],
    actions: [
      rsvp("going"),
      rsvp("maybe"),
      rsvp("notGoing"),
      { type: "Action.OpenUrl", title: "Open the calendar", url: props.tabUrl },
    ],
  });
}

/**
 * The facilitator's personal card three days before their session, with "I can't make it": the
 * bot opens a swap request other volunteers can accept in the calendar, and marks them away for
 * that day so the rotation asks the next volunteer meanwhile.
 */
export function ritualFacilitatorCard(
  props: RitualCardProps & { answered?: string },
): AdaptiveCard {
  const { occurrence } = props;
  const body: AdaptiveCard["body"] = [
    cardTitle(
      `You are facilitating ${escapeCardText(occurrence.ritualName)} ${leadLabel(props.leadMinutes)}`,
    ),
    {
      type: "FactSet",
      facts: [
        { title: "When", value: cardWhen(occurrence.start) },
        { title: "Going so far", value: String(occurrence.rsvpCounts.going) },
      ],
    },
  ];
  if (props.answered) {
    body.push({ type: "TextBlock", text: props.answered, wrap: true, spacing: "medium" });
  }
  return adaptiveCard({
    body,
    actions: [
      ...(props.answered
        ? []
        : [
            {
              type: "Action.Execute" as const,
              title: "I can't make it",
              verb: ritualVerbs.cantMakeIt,
              data: {
                communityId: props.communityId,
                ritualId: occurrence.ritualId,
                date: occurrence.originalDate,
                lead: props.leadMinutes,
              },
              associatedInputs: "none" as const,
            },
          ]),
      { type: "Action.OpenUrl", title: "Open the calendar", url: props.tabUrl },
    ],
  });
}
