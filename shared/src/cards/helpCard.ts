import { canvasSections } from "../canvas";
import type { AdaptiveCard } from "./types";
import type { BotScope } from "./welcomeCard";
import { adaptiveCard, cardTitle } from "./parts";

export interface HelpCardProps {
  scope: BotScope;
  /** Opens the Practice Hub tab: a Teams deep link, or the web address outside Teams. */
  tabUrl: string;
}

/**
 * The answer to "help": the bot's commands (the same list as the app manifest's command list)
 * and what the tab offers. It lists only what works today.
 */
export function helpCard({ scope, tabUrl }: HelpCardProps): AdaptiveCard {
  const mention = scope === "personal" ? "" : "@Practice Hub ";
  const facts = [{ title: `${mention}help`, value: "Shows this list." }];
  // Retros run in the community's channel, so the command is offered only there.
  if (scope !== "personal") {
    facts.push({
      title: `${mention}retro`,
      value: "Starts a community retro here (champions and facilitators).",
    });
  }
  return adaptiveCard({
    body: [
      cardTitle("What I can do"),
      {
        type: "FactSet",
        facts,
      },
      {
        type: "TextBlock",
        text: "In the Practice Hub tab",
        weight: "bolder",
        spacing: "medium",
        wrap: true,
      },
      {
        type: "TextBlock",
        text:
          `Open the tab to read your community's canvas: ${sectionList()}. Champions edit ` +
          "the sections, every change is kept in the history, and a quarterly review keeps " +
          "the canvas honest. The tab also holds the ritual calendar, retro results, the " +
          "curated library, the people of the community and, for heads of profession, " +
          "health across communities.",
        wrap: true,
      },
    ],
    actions: [{ type: "Action.OpenUrl", title: "Open Practice Hub", url: tabUrl }],
  });
}

function sectionList(): string {
  const titles = canvasSections.map((section) => section.title.toLowerCase());
  const last = titles.pop();
  // The serial comma keeps titles that contain "and" readable.
  return titles.length > 0 ? `${titles.join(", ")}, and ${last}` : (last ?? "");
}
