import type { AdaptiveCard } from "@practice-hub/shared";
import { adaptiveCardContentType } from "@practice-hub/shared";
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from "botbuilder";
import { actorFromClaims, type Actor } from "../auth/actor";
import { AppError } from "../errors";
import type { Logger } from "../logger";
import { botbuilder } from "./botbuilderModule";
import { conversationPlaceOf, tenantIdOf, type ConversationPlace } from "./conversationContext";
import { turnLogger } from "./turnLogger";

/** Where a card button was pressed. */
export type CardConversation = ConversationPlace;

/** What a card action handler gets: who pressed, what the card sent, and where. */
export interface CardActionContext {
  /**
   * The person who pressed the button. The tenant comes from the activity (which the adapter
   * verified came from Teams) and the user id is the person's Entra object id, which is the
   * user id the API gives the same person.
   */
  actor: Actor;
  /** The action's `data` merged with the card's input values, as Teams sends them. Untrusted. */
  data: Record<string, unknown>;
  /**
   * The invoke activity's id. Teams sends a retried invoke with the same id, and every press
   * gets a new one, so it keys idempotent writes without naming the person who pressed.
   * Absent only when a channel sends no id.
   */
  activityId?: string;
  conversation: CardConversation;
  logger: Logger;
  /** Posts a new card into the same conversation (a summary, for example), beside the answer. */
  post(card: AdaptiveCard): Promise<void>;
}

/**
 * How a handler answers: `card` replaces the card the button was on (for everyone who sees it),
 * `message` leaves the card as it is and shows the text to the person who pressed.
 */
export type CardActionAnswer = { card: AdaptiveCard } | { message: string };

/**
 * Handles one verb. Handlers ask the policy module (`authorize`) before changing anything; a
 * thrown AppError with a 4xx status is shown to the person as a message (a refusal, a bad
 * input), anything else is logged and answered with a generic error.
 */
export type CardActionHandler = (context: CardActionContext) => Promise<CardActionAnswer>;

/** Teams shows this when a handler fails unexpectedly; the error itself stays in the logs. */
export const cardActionFailedMessage =
  "Sorry, something went wrong on my side. Please try again in a moment.";

/** Verbs are short identifiers such as "retro.entry.add" or "ritual.rsvp". */
const verbPattern = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*$/;

/**
 * The `Action.Execute` (Universal Actions) dispatch: feature areas register a handler per verb,
 * and PracticeHubBot's onAdaptiveCardInvoke calls `answer`. Register every verb at start-up,
 * before the bot handles its first turn.
 *
 * ```ts
 * cardActions.register("ritual.rsvp", async ({ actor, data }) => ({ card: ... }));
 * ```
 */
export class CardActionRegistry {
  private readonly handlers = new Map<string, CardActionHandler>();

  /** Adds the handler for a verb; a verb registered twice is a programming error and throws. */
  register(verb: string, handler: CardActionHandler): this {
    if (!verbPattern.test(verb)) throw new Error(`Card action verb "${verb}" is not valid.`);
    if (this.handlers.has(verb)) throw new Error(`Card action verb "${verb}" is registered twice.`);
    this.handlers.set(verb, handler);
    return this;
  }

  /** The registered verbs, for tests and start-up logs. */
  verbs(): string[] {
    return [...this.handlers.keys()];
  }

  /** Runs the handler for the invoke's verb and turns its answer into the invoke response. */
  async answer(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
    logger: Logger,
  ): Promise<AdaptiveCardInvokeResponse> {
    const log = turnLogger(context, logger);
    const verb = invokeValue.action.verb;
    const handler = this.handlers.get(verb);
    if (!handler) {
      log.warn({ verb }, "card action with an unknown verb");
      return errorResponse(400, "BadRequest", "This button is no longer supported.");
    }
    const actor = actorOf(context);
    const conversation = cardConversationOf(context);
    if (!actor || !conversation) {
      log.warn({ verb }, "card action names no usable tenant or person");
      return errorResponse(401, "Unauthorized", "I could not tell who pressed this button.");
    }
    try {
      const answer = await handler({
        actor,
        data: dataOf(invokeValue),
        ...(context.activity.id ? { activityId: context.activity.id } : {}),
        conversation,
        logger: log.child({ verb }),
        async post(card) {
          const { CardFactory, MessageFactory } = botbuilder();
          await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
        },
      });
      return "card" in answer
        ? { statusCode: 200, type: adaptiveCardContentType, value: toRecord(answer.card) }
        : messageResponse(answer.message);
    } catch (error) {
      if (error instanceof AppError && error.status < 500) {
        log.info({ verb, status: error.status, code: error.code }, "card action refused");
        return messageResponse(error.message);
      }
      log.error({ err: error, verb }, "card action failed");
      return errorResponse(500, "InternalError", cardActionFailedMessage);
    }
  }
}

/** The person who pressed, or null when the activity does not name them usably. */
function actorOf(context: TurnContext): Actor | null {
  const from = context.activity.from;
  return actorFromClaims({
    tid: tenantIdOf(context.activity),
    userId: from?.aadObjectId,
    name: from?.name,
  });
}

/** Where the button was pressed, or null when the activity names no tenant or conversation. */
export function cardConversationOf(context: TurnContext): CardConversation | null {
  const place = conversationPlaceOf(context.activity);
  return place && { ...place, tenantId: place.tenantId.toLowerCase() };
}

function dataOf(invokeValue: AdaptiveCardInvokeValue): Record<string, unknown> {
  const data: unknown = invokeValue.action.data;
  return typeof data === "object" && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
}

function toRecord(card: AdaptiveCard): Record<string, unknown> {
  return card as unknown as Record<string, unknown>;
}

function messageResponse(message: string): AdaptiveCardInvokeResponse {
  // The invoke response schema types `value` as an object, but Teams expects the message text.
  return {
    statusCode: 200,
    type: "application/vnd.microsoft.activity.message",
    value: message as unknown as Record<string, unknown>,
  };
}

function errorResponse(
  statusCode: number,
  code: string,
  message: string,
): AdaptiveCardInvokeResponse {
  return { statusCode, type: "application/vnd.microsoft.error", value: { code, message } };
}
