/** The parts of the live retro card that change with the phase: counts, entry form and ballot. */
import type { Retro } from "../../api/retros";
import { retroLimits } from "../../retros/limits";
import type { CardElement } from "../types";
import { ids, moreInTab } from "./parts";
import { cardUserText, choiceText, plural } from "./text";
import { retroCardInputs, retroVerbs } from "./verbs";

/** How many entries each prompt has, never their text. */
export function countFacts(retro: Retro): CardElement {
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
export function canvasPurposeLinks(retro: Retro, tabUrl: string): CardElement[] {
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

/** The form that adds one entry; `renderKey` makes the same render submitted twice one entry. */
export function entryForm(retro: Retro, renderKey: string): CardElement[] {
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

/** The vote items with their counts, and the vote form when `withVoteForm`. */
export function ballot(retro: Retro, withVoteForm: boolean): CardElement[] {
  const items = retro.voteItems.slice(0, retroLimits.cardItemsMax);
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
        ...moreInTab(retro.voteItems.length - items.length),
      ],
    },
    ...form,
  ];
}
