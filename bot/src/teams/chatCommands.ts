import type { AdaptiveCard } from "@practice-hub/shared";
import type { TurnContext } from "botbuilder";
import { actorFromClaims, type Actor } from "../auth/actor";
import { AppError } from "../errors";
import type { Logger } from "../logger";
import { botbuilder } from "./botbuilderModule";
import { cardActionFailedMessage, cardConversationOf, type CardConversation } from "./cardActions";
import { tenantIdOf } from "./conversationContext";
import { turnLogger } from "./turnLogger";

/** What a typed command's handler gets: who typed it, where, and the words after the command. */
export interface ChatCommandContext {
  actor: Actor;
  conversation: CardConversation;
  /** The words after the command name, e.g. `["quarterly"]` for "retro quarterly". */
  args: string[];
  logger: Logger;
  /** Answers in the conversation with text or a card. */
  reply(answer: string | AdaptiveCard): Promise<void>;
}

/**
 * Handles one typed command. Like card actions, handlers ask the policy module; a thrown AppError
 * with a 4xx status is sent back as a polite reply.
 */
export type ChatCommandHandler = (context: ChatCommandContext) => Promise<void>;

/** The first word of a message (lower case) and the rest, once mentions and a "/" are removed. */
export function parseChatCommand(text: string): { name: string; args: string[] } | null {
  const words = text.trim().replace(/^\//, "").split(/\s+/).filter(Boolean);
  const [first, ...args] = words;
  return first ? { name: first.toLowerCase(), args } : null;
}

/**
 * The typed-command dispatch: feature areas register a handler per command name ("retro") at
 * start-up; PracticeHubBot answers "help" itself and asks this registry for everything else.
 */
export class ChatCommandRegistry {
  private readonly handlers = new Map<string, ChatCommandHandler>();

  /** Adds the handler for a command name; registering a name twice throws. */
  register(name: string, handler: ChatCommandHandler): this {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Command name "${name}" is not valid.`);
    if (this.handlers.has(name)) throw new Error(`Command "${name}" is registered twice.`);
    this.handlers.set(name, handler);
    return this;
  }

  /** True when a handler is registered for the command name. */
  has(name: string): boolean {
    return this.handlers.has(name);
  }

  /** Runs the handler for the command; answers refusals and failures politely in the chat. */
  async run(
    context: TurnContext,
    command: { name: string; args: string[] },
    logger: Logger,
  ): Promise<void> {
    const log = turnLogger(context, logger).child({ command: command.name });
    const handler = this.handlers.get(command.name);
    if (!handler) return;
    const reply = async (answer: string | AdaptiveCard): Promise<void> => {
      const { CardFactory, MessageFactory } = botbuilder();
      await context.sendActivity(
        typeof answer === "string"
          ? MessageFactory.text(answer)
          : MessageFactory.attachment(CardFactory.adaptiveCard(answer)),
      );
    };
    const actor = actorFromClaims({
      tid: tenantIdOf(context.activity),
      userId: context.activity.from?.aadObjectId,
      name: context.activity.from?.name,
    });
    const conversation = cardConversationOf(context);
    if (!actor || !conversation) {
      log.warn("typed command names no usable tenant or person");
      await reply("Sorry, I could not tell who you are here, so I cannot do that.");
      return;
    }
    try {
      await handler({ actor, conversation, args: command.args, logger: log, reply });
    } catch (error) {
      if (error instanceof AppError && error.status < 500) {
        log.info({ status: error.status, code: error.code }, "typed command refused");
        await reply(error.message);
        return;
      }
      log.error({ err: error }, "typed command failed");
      await reply(cardActionFailedMessage);
    }
  }
}
