/** The live retro card in the community's channel, rebuilt on every Action.Execute. */
import type { Retro } from "../../api/retros";
import type { RetroPhase } from "../../retros/phases";
import { nextRetroPhase } from "../../retros/phases";
import type { AdaptiveCard, CardAction, CardElement, ExecuteAction } from "../types";
import { actionList, adaptiveCard, header, ids, openInHub } from "./parts";
import { ballot, canvasPurposeLinks, countFacts, entryForm } from "./phaseParts";
import type { RetroCardProps } from "./summaryCard";
import { retroSummaryCard } from "./summaryCard";
import { plural } from "./text";
import { retroVerbs } from "./verbs";

/** What the live card in the channel needs. */
export interface LiveRetroCardProps extends RetroCardProps {
  /**
   * New for every card built (a UUID), carried by its "Add entry": the same render submitted
   * twice (a double click, Teams' retry) is one entry, whatever the client does, while the next
   * render takes another. Letters, digits and "-" only, 8 to 60 of them.
   */
  renderKey: string;
}

const phaseLabels: Record<RetroPhase, string> = {
  collect: "Collecting entries",
  group: "Grouping entries into themes",
  vote: "Voting",
  decide: "Deciding actions",
  closed: "Closed",
};

const nextStepTitles: Record<RetroPhase, string> = {
  collect: "Stop collecting and group",
  group: "Open the vote",
  vote: "Close the vote and decide",
  decide: "Close the retro",
  closed: "",
};

/** Move to the next phase (none once closed), then open the tab. */
function footerActions(retro: Retro, tabUrl: string): CardAction[] {
  const next = nextRetroPhase(retro.phase);
  const move: ExecuteAction[] = next
    ? [
        {
          type: "Action.Execute",
          title: nextStepTitles[retro.phase],
          verb: retroVerbs.move,
          data: { ...ids(retro), to: next },
          associatedInputs: "none",
        },
      ]
    : [];
  return [...move, openInHub(tabUrl)];
}

/**
 * The retro card posted in the community's channel and updated on every Action.Execute. While
 * collecting it shows only how many entries each prompt has, never their text. It lists at most
 * a dozen items and links to the tab for the rest, so it stays small whatever the retro's size.
 */
export function retroCard({ retro, tabUrl, renderKey }: LiveRetroCardProps): AdaptiveCard {
  if (retro.phase === "closed") return retroSummaryCard({ retro, tabUrl });
  const body: CardElement[] = [...header(retro, `Retro: ${phaseLabels[retro.phase]}`)];
  switch (retro.phase) {
    case "collect":
      body.push(...actionList("Still open from earlier retros", retro.reviewActions));
      body.push(
        countFacts(retro),
        ...canvasPurposeLinks(retro, tabUrl),
        ...entryForm(retro, renderKey),
      );
      break;
    case "group":
      body.push(countFacts(retro), {
        type: "TextBlock",
        text: "The facilitator is gathering the entries into themes in the tab. Voting opens next.",
        wrap: true,
      });
      break;
    case "vote":
      body.push(
        {
          type: "TextBlock",
          text: `${plural(retro.votesCast, "vote")} cast so far.`,
          isSubtle: true,
          wrap: true,
        },
        ...ballot(retro, true),
      );
      break;
    case "decide":
      body.push(...ballot(retro, false), ...actionList("Actions", retro.actions));
      break;
  }
  return adaptiveCard({
    body,
    actions: footerActions(retro, tabUrl),
    refresh: {
      action: {
        type: "Action.Execute",
        title: "Refresh",
        verb: retroVerbs.refresh,
        data: ids(retro),
      },
    },
    msteams: { width: "Full" },
  });
}
