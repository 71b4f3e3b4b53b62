/** The card posted when a retro closes. */
import type { Retro } from "../../api/retros";
import { topThemes } from "../../retros/summary";
import type { AdaptiveCard, CardElement } from "../types";
import { actionList, adaptiveCard, header, openInHub } from "./parts";
import { cardUserText, plural } from "./text";

/** What every retro card needs besides the retro. */
export interface RetroCardProps {
  retro: Retro;
  /** Opens the Retros page of the tab. */
  tabUrl: string;
}

/** The card posted when a retro closes: its top themes, its actions and its pulse. */
export function retroSummaryCard({ retro, tabUrl }: RetroCardProps): AdaptiveCard {
  const themes = topThemes(retro.voteItems.map((item) => ({ ...item, votes: item.votes ?? 0 })));
  const body: CardElement[] = [
    ...header(retro, "Retro summary"),
    ...(retro.pulse
      ? [
          {
            type: "TextBlock" as const,
            text: `Pulse: ${retro.pulse.average.toFixed(1)} out of 5 from ${plural(retro.pulse.count, "score")}.`,
            wrap: true,
          },
        ]
      : []),
    { type: "TextBlock", text: "Top themes", weight: "bolder", spacing: "medium", wrap: true },
    themes.length > 0
      ? {
          type: "FactSet",
          facts: themes.map((theme) => ({
            title: cardUserText(theme.title, 80),
            value: plural(theme.votes, "vote"),
          })),
        }
      : { type: "TextBlock", text: "No votes were cast.", isSubtle: true, wrap: true },
    ...(retro.actions.length > 0
      ? actionList("Actions", retro.actions)
      : [
          {
            type: "TextBlock" as const,
            text: "No actions were decided.",
            isSubtle: true,
            wrap: true,
          },
        ]),
  ];
  return adaptiveCard({ body, actions: [openInHub(tabUrl)], msteams: { width: "Full" } });
}
