import type { AdaptiveCard } from "./types";
import { adaptiveCard, cardTitle } from "./parts";

/** Where the bot was added: the card adapts its tip to how people talk to the bot there. */
export type BotScope = "personal" | "team" | "groupChat";

export interface WelcomeCardProps {
  scope: BotScope;
  /** Opens the Practice Hub tab: a Teams deep link, or the web address outside Teams. */
  tabUrl: string;
}

/** How to ask the bot for help: in channels and group chats the bot only hears @mentions. */
export function helpHint(scope: BotScope): string {
  return scope === "personal"
    ? "Type **help** at any time to see what I can do."
    : 'Mention me with **help** (for example "@Practice Hub help") to see what I can do.';
}

/**
 * The card the bot posts once when it is installed in a team, group chat or personal chat:
 * what Practice Hub is for, and a button to open it.
 */
export function welcomeCard({ scope, tabUrl }: WelcomeCardProps): AdaptiveCard {
  return adaptiveCard({
    body: [
      cardTitle("Welcome to Practice Hub"),
      {
        type: "TextBlock",
        text:
          "Practice Hub gives your community of practice a home right here in Teams, so the " +
          "people who share a craft can learn from each other without another tool to visit.",
        wrap: true,
      },
      {
        type: "FactSet",
        spacing: "medium",
        facts: [
          {
            title: "Canvas",
            value:
              "Agree why the community exists, how it behaves and what success means, " +
              "and revisit it every quarter.",
          },
          {
            title: "Champions",
            value: "Keep the canvas current and share the work of running the community.",
          },
          {
            title: "Members",
            value: "See the community's purpose and norms in one place, wherever they join from.",
          },
        ],
      },
      { type: "TextBlock", text: helpHint(scope), wrap: true, isSubtle: true, spacing: "medium" },
    ],
    actions: [{ type: "Action.OpenUrl", title: "Open Practice Hub", url: tabUrl }],
  });
}
