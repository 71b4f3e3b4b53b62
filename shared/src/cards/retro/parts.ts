/** Pieces more than one retro card is built from. */
import type { Retro, RetroAction } from "../../api/retros";
import { retroLimits } from "../../retros/limits";
import { cardTitle } from "../parts";
import type { CardElement, OpenUrlAction } from "../types";
import { cardUserText } from "./text";

export { adaptiveCard } from "../parts";

/** The ids every retro action carries, so the bot knows which retro it is about. */
export function ids(retro: Retro): Record<string, string> {
  return { communityId: retro.communityId, retroId: retro.id };
}

/** The button every retro card ends with. */
export function openInHub(tabUrl: string): OpenUrlAction {
  return { type: "Action.OpenUrl", title: "Open in Practice Hub", url: tabUrl };
}

/** The heading and the retro's title under it. */
export function header(retro: Retro, heading: string): CardElement[] {
  // Default titles already start with the format's name ("Keep, drop, add: 21 Nov 2026").
  const subtitle = retro.title.startsWith(retro.format.title)
    ? cardUserText(retro.title)
    : `${cardUserText(retro.title)} · ${cardUserText(retro.format.title)}`;
  return [
    cardTitle(heading),
    { type: "TextBlock", text: subtitle, isSubtle: true, spacing: "none", wrap: true },
  ];
}

/** The note under a list cut short at `retroLimits.cardItemsMax`; nothing when none were left out. */
export function moreInTab(more: number): CardElement[] {
  return more > 0
    ? [{ type: "TextBlock", text: `…and ${more} more in the tab.`, isSubtle: true, wrap: true }]
    : [];
}

function actionLine(action: RetroAction): string {
  const flags = [
    action.kind === "learningGoal" ? "learning goal" : null,
    action.escalate ? "escalated to leadership" : null,
    action.status === "needHelp" ? "owner asked for help" : null,
    action.overdue ? "**overdue**" : null,
  ].filter((flag): flag is string => flag !== null);
  const suffix = flags.length > 0 ? ` (${flags.join(", ")})` : "";
  return `${cardUserText(action.text)}: ${cardUserText(action.owner.displayName, 60)}, due ${action.dueDate}${suffix}`;
}

/** A titled list of retro actions, at most `retroLimits.cardItemsMax` of them; nothing if empty. */
export function actionList(title: string, actions: readonly RetroAction[]): CardElement[] {
  if (actions.length === 0) return [];
  const shown = actions.slice(0, retroLimits.cardItemsMax);
  return [
    {
      type: "Container",
      spacing: "medium",
      items: [
        { type: "TextBlock", text: title, weight: "bolder", wrap: true },
        ...shown.map((action): CardElement => ({
          type: "TextBlock",
          text: `• ${actionLine(action)}`,
          wrap: true,
          spacing: "small",
        })),
        ...moreInTab(actions.length - shown.length),
      ],
    },
  ];
}
