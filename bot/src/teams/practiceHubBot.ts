import { helpCard, welcomeCard } from "@practice-hub/shared";
import { CardFactory, MessageFactory, TeamsActivityHandler, TurnContext } from "botbuilder";
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue } from "botbuilder";
import { CardActionRegistry } from "./cardActions";
import { membershipChangeOf, type MembershipEventSink } from "./membershipEvents";
import { parseChatCommand, type ChatCommandRegistry } from "./chatCommands";
import type { Logger } from "../logger";
import { botScopeOf, conversationRecordOf } from "./conversationContext";
import type { ConversationReferenceStore } from "./conversationReferences";
import { turnLogger } from "./turnLogger";

export interface PracticeHubBotProps {
  conversationReferences: ConversationReferenceStore;
  /** Where the cards' "Open Practice Hub" button leads (see tabLink). */
  tabUrl: string;
  logger: Logger;
  /** The clock, injectable so tests can fix it. */
  now?: () => Date;
  /** Handlers for Action.Execute verbs (cardActions.ts); none registered means every verb is unknown. */
  cardActions?: CardActionRegistry;
  /** Typed chat commands besides "help" (chatCommands.ts), e.g. "retro". */
  chatCommands?: ChatCommandRegistry;
  /** Joins and leaves of people in a community's team (membershipEvents.ts). */
  membershipEvents?: MembershipEventSink;
}

/**
 * The command the bot answers itself; the others ("retro") come from the command registry.
 * The manifest's commandLists and the help card list them all.
 */
export const botCommands = ["help"] as const;

/** What a typed message asks for, once any @mention of the bot is removed. */
export function commandOf(text: string): (typeof botCommands)[number] | null {
  const normalised = text.trim().replace(/\s+/g, " ").toLowerCase();
  return normalised === "help" || normalised === "/help" ? "help" : null;
}

/** Answer to anything the bot does not understand: short, and pointing at help. */
export function unknownCommandReply(scope: "personal" | "team" | "groupChat"): string {
  return scope === "personal"
    ? "Sorry, I didn't catch that. Type **help** to see what I can do."
    : "Sorry, I didn't catch that. Mention me with **help** to see what I can do.";
}

/**
 * The Practice Hub bot: remembers every conversation it is installed in (for proactive posts),
 * welcomes people once on install, and answers "help".
 */
export class PracticeHubBot extends TeamsActivityHandler {
  constructor(private readonly props: PracticeHubBotProps) {
    super();

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.recordConversation(context);
      // Teams sends installationUpdate once per install, and also a conversationUpdate naming
      // the bot among membersAdded. Welcoming here only (and not on "add-upgrade", sent when an
      // app update is accepted) means each install gets exactly one welcome.
      if (context.activity.action === "add") await this.sendCard(context, "welcome");
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      // Bot added to a team or chat, or people joining it: the reference may be new or its
      // serviceUrl may have moved, so record it again.
      await this.recordConversation(context);
      await this.recordMembership(context, "joined");
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      await this.recordMembership(context, "left");
      await next();
    });

    this.onMessage(async (context, next) => {
      // In channels and group chats the text starts with "<at>Practice Hub</at>".
      const text = context.activity.text
        ? TurnContext.removeRecipientMention(context.activity)
        : "";
      const typed = parseChatCommand(text);
      if (commandOf(text) === "help") await this.sendCard(context, "help");
      else if (typed && this.props.chatCommands?.has(typed.name))
        await this.props.chatCommands.run(context, typed, this.props.logger);
      else await context.sendActivity(unknownCommandReply(botScopeOf(context.activity)));
      await next();
    });
  }

  /** Universal Actions (Action.Execute): answered by the handler registered for the verb. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const registry = this.props.cardActions ?? new CardActionRegistry();
    return registry.answer(context, invokeValue, this.props.logger);
  }

  private async recordMembership(context: TurnContext, change: "joined" | "left"): Promise<void> {
    const membership = membershipChangeOf(context.activity, change);
    if (membership) await this.props.membershipEvents?.record(membership);
  }

  private async recordConversation(context: TurnContext): Promise<void> {
    const record = conversationRecordOf(context.activity, (this.props.now ?? (() => new Date()))());
    if (!record) {
      turnLogger(context, this.props.logger).warn(
        { activityType: context.activity.type },
        "activity names no tenant or conversation; conversation reference not stored",
      );
      return;
    }
    await this.props.conversationReferences.save(record);
  }

  private async sendCard(context: TurnContext, which: "welcome" | "help"): Promise<void> {
    const props = { scope: botScopeOf(context.activity), tabUrl: this.props.tabUrl };
    const card = which === "welcome" ? welcomeCard(props) : helpCard(props);
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }
}
