import type { Retro, RetroAction } from "../api/retros";
import { retroLimits } from "../retros/limits";
import type { RetroPhase } from "../retros/phases";
import { nextRetroPhase } from "../retros/phases";
import { topThemes } from "../retros/summary";
import { escapeCardText } from "./escapeCardText";
import type { AdaptiveCard, CardAction, CardElement, ExecuteAction } from "./types";

/** The Action.Execute verbs of retro cards; the bot registers a handler for each. */
export const retroVerbs = {
  addEntry: "retro.entry.add",
  vote: "retro.vote",
  move: "retro.phase.move",
  refresh: "retro.refresh",
  setActionStatus: "retro.action.status",
  /** Read only: Teams asks it when the owner's card is shown, so overdue appears on time. */
  refreshAction: "retro.action.refresh",
} as const;

/** Ids of the card's inputs: their values arrive in the action's data under these names. */
export const retroCardInputs = {
  promptId: "promptId",
  text: "text",
  score: "score",
  visibility: "visibility",
  target: "target",
} as const;

/** What every retro card needs besides the retro. */
export interface RetroCardProps {
  retro: Retro;
  /** Opens the Retros page of the tab. */
  tabUrl: string;
}

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

/** Longest user text a card shows before cutting it short: the tab has the rest. */
const maxShownText = 160;

/** User text for a TextBlock or FactSet: shortened, then escaped so it cannot format or link. */
export function cardUserText(text: string, max = maxShownText): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  return escapeCardText(trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed);
}

/**
 * User text for a choice title: renderers show choices as plain text (no Markdown), so escaping
 * would show backslashes; control characters go and the text is shortened instead.
 */
function choiceText(text: string): string {
  const plain = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F]/g, " ")
    .trim()
    .replace(/\s+/g, " ");
  return plain.length > maxShownText ? `${plain.slice(0, maxShownText - 1)}…` : plain;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function ids(retro: Retro): Record<string, string> {
  return { communityId: retro.communityId, retroId: retro.id };
}

function header(retro: Retro, heading: string): CardElement[] {
  // Default titles already start with the format's name ("Keep, drop, add: 21 Nov 2026").
  const subtitle = retro.title.startsWith(retro.format.title)
    ? cardUserText(retro.title)
    : `${cardUserText(retro.title)} · ${cardUserText(retro.format.title)}`;
  return [
    {
      type: "TextBlock",
      text: heading,
      style: "heading",
      size: "large",
      weight: "bolder",
      wrap: true,
    },
    { type: "TextBlock", text: subtitle, isSubtle: true, spacing: "none", wrap: true },
  ];
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

function actionList(title: string, actions: readonly RetroAction[]): CardElement[] {
  if (actions.length === 0) return [];
  const shown = actions.slice(0, retroLimits.cardItemsMax);
  const more = actions.length - shown.length;
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
        ...(more > 0
          ? [
              {
                type: "TextBlock" as const,
                text: `…and ${more} more in the tab.`,
                isSubtle: true,
                wrap: true,
              },
            ]
          : []),
      ],
    },
  ];
}

function countFacts(retro: Retro): CardElement {
  return {
    type: "FactSet",
    spacing: "medium",
    facts: retro.format.prompts.map((prompt) => ({
      title: cardUserText(prompt.label, 60),
      value: plural(retro.counts[prompt.id] ?? 0, "entry", "entries"),
    })),
  };
}

/**
 * A pointer from the prompt linked to the canvas purpose (the quarterly "Is our purpose still
 * right?") to the canvas, where the purpose text lives: the card carries no canvas data.
 */
function canvasPurposeLinks(retro: Retro, tabUrl: string): CardElement[] {
  return retro.format.prompts
    .filter((prompt) => prompt.linksTo === "canvasPurpose")
    .map((prompt) => ({
      type: "TextBlock",
      text: `**${cardUserText(prompt.label, 60)}** Read the purpose on the community canvas first: [open the canvas](${tabUrl}).`,
      wrap: true,
      isSubtle: true,
      spacing: "small",
    }));
}

function entryForm(retro: Retro, renderKey: string): CardElement[] {
  const firstPrompt = retro.format.prompts[0];
  return [
    {
      type: "Input.ChoiceSet",
      id: retroCardInputs.promptId,
      label: "Prompt",
      style: "compact",
      choices: retro.format.prompts.map((prompt) => ({
        title: choiceText(prompt.label),
        value: prompt.id,
      })),
      ...(firstPrompt ? { value: firstPrompt.id } : {}),
      isRequired: true,
      errorMessage: "Choose a prompt.",
      spacing: "medium",
    },
    ...(retro.format.scored
      ? [
          {
            type: "Input.ChoiceSet" as const,
            id: retroCardInputs.score,
            label: "Score from 1 (poor) to 5 (great)",
            style: "compact" as const,
            choices: [1, 2, 3, 4, 5].map((score) => ({
              title: String(score),
              value: String(score),
            })),
            isRequired: true,
            errorMessage: "Choose a score.",
          },
        ]
      : []),
    {
      type: "Input.Text",
      id: retroCardInputs.text,
      label: "Your entry",
      placeholder: "Say it as you see it",
      isMultiline: true,
      maxLength: retroLimits.entryText,
      isRequired: true,
      errorMessage: "Write something before you send it.",
    },
    {
      type: "Input.Toggle",
      id: retroCardInputs.visibility,
      title: "Show my name with this entry (entries are anonymous otherwise)",
      value: "anonymous",
      valueOn: "named",
      valueOff: "anonymous",
      wrap: true,
    },
    {
      type: "ActionSet",
      actions: [
        {
          type: "Action.Execute",
          title: "Add entry",
          verb: retroVerbs.addEntry,
          data: { ...ids(retro), renderKey },
          style: "positive",
        },
      ],
    },
  ];
}

function ballot(retro: Retro, withVoteForm: boolean): CardElement[] {
  const items = retro.voteItems.slice(0, retroLimits.cardItemsMax);
  const more = retro.voteItems.length - items.length;
  const lines: CardElement[] = items.map((item) => ({
    type: "TextBlock",
    text:
      `• ${cardUserText(item.title)}` +
      (item.entryCount > 1 ? ` (${item.entryCount} entries)` : "") +
      (item.votes !== null ? `: ${plural(item.votes, "vote")}` : ""),
    wrap: true,
    spacing: "small",
  }));
  const form: CardElement[] =
    withVoteForm && items.length > 0
      ? [
          {
            type: "Input.ChoiceSet",
            id: retroCardInputs.target,
            label: `Your vote (each person has ${plural(retro.votesPerPerson, "vote")})`,
            style: "compact",
            choices: items.map((item) => ({ title: choiceText(item.title), value: item.target })),
            isRequired: true,
            errorMessage: "Choose what to vote for.",
            spacing: "medium",
          },
          {
            type: "ActionSet",
            actions: [
              {
                type: "Action.Execute",
                title: "Vote",
                verb: retroVerbs.vote,
                data: ids(retro),
                style: "positive",
              },
            ],
          },
        ]
      : [];
  return [
    {
      type: "Container",
      spacing: "medium",
      items: [
        ...(items.length === 0
          ? [{ type: "TextBlock" as const, text: "No entries yet.", isSubtle: true, wrap: true }]
          : lines),
        ...(more > 0
          ? [
              {
                type: "TextBlock" as const,
                text: `…and ${more} more in the tab.`,
                isSubtle: true,
                wrap: true,
              },
            ]
          : []),
      ],
    },
    ...form,
  ];
}

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
  return [...move, { type: "Action.OpenUrl", title: "Open in Practice Hub", url: tabUrl }];
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
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
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
  };
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
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    actions: [{ type: "Action.OpenUrl", title: "Open in Practice Hub", url: tabUrl }],
    msteams: { width: "Full" },
  };
}

/** What the owner's card needs. */
export interface RetroOwnerCardProps {
  action: RetroAction;
  communityId: string;
  communityName: string;
  retroTitle: string;
  tabUrl: string;
  /**
   * The owner's Teams user id (MRI, "29:..."), which is what `refresh.userIds` matches; null
   * when unknown. The card is in the owner's personal chat, where Teams refreshes for its only
   * person even without `userIds`.
   */
  ownerMri: string | null;
}

const statusLines: Record<RetroAction["status"], string> = {
  open: "Tell the community how it goes: mark it done, or ask for help if you are stuck.",
  done: "Marked done. Thank you!",
  needHelp: "You asked for help: the community's champions can see it. Mark it done when it is.",
};

/**
 * The personal card an action's owner receives, with "done" and "need help". Overdue is worked
 * out when the card is built, so until the action is done the card carries a `refresh`: Teams
 * asks the bot for a fresh card when the owner looks at it, and it says "Overdue" once the due
 * date has passed.
 */
export function retroOwnerCard(props: RetroOwnerCardProps): AdaptiveCard {
  const { action } = props;
  const data = { communityId: props.communityId, actionId: action.id };
  const buttons: CardAction[] = [
    ...(action.status !== "done"
      ? [
          {
            type: "Action.Execute" as const,
            title: "Done",
            verb: retroVerbs.setActionStatus,
            data: { ...data, status: "done" },
            style: "positive" as const,
          },
          ...(action.status === "open"
            ? [
                {
                  type: "Action.Execute" as const,
                  title: "I need help",
                  verb: retroVerbs.setActionStatus,
                  data: { ...data, status: "needHelp" },
                },
              ]
            : []),
        ]
      : []),
    { type: "Action.OpenUrl", title: "Open in Practice Hub", url: props.tabUrl },
  ];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      {
        type: "TextBlock",
        text: action.kind === "learningGoal" ? "You own a learning goal" : "You own a retro action",
        style: "heading",
        size: "large",
        weight: "bolder",
        wrap: true,
      },
      { type: "TextBlock", text: cardUserText(action.text, retroLimits.actionText), wrap: true },
      ...(action.overdue
        ? [
            {
              type: "TextBlock" as const,
              text: `**Overdue**: this was due on ${action.dueDate}.`,
              weight: "bolder" as const,
              wrap: true,
            },
          ]
        : []),
      {
        type: "FactSet",
        facts: [
          { title: "Community", value: cardUserText(props.communityName, 80) },
          { title: "Retro", value: cardUserText(props.retroTitle, 80) },
          { title: "Due", value: action.overdue ? `${action.dueDate} (overdue)` : action.dueDate },
          ...(action.escalate ? [{ title: "Escalated", value: "to leadership" }] : []),
        ],
      },
      {
        type: "TextBlock",
        text: statusLines[action.status],
        wrap: true,
        isSubtle: action.status === "done",
      },
    ],
    actions: buttons,
    ...(action.status !== "done"
      ? {
          refresh: {
            action: {
              type: "Action.Execute" as const,
              title: "Refresh",
              verb: retroVerbs.refreshAction,
              data,
            },
            ...(props.ownerMri ? { userIds: [props.ownerMri] } : {}),
          },
        }
      : {}),
  };
}
