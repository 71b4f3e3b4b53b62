import type express from "express";
import type { Config } from "../config";
import { loggerOf } from "../http/requestContext";
import type { Logger } from "../logger";
import type { CloudAdapter } from "botbuilder";
import { createAdapter } from "./adapter";
import { heldResponse, refusalOf, sendHeld } from "./heldResponse";
import { inboundActivityRefusal } from "./inboundActivity";
import type { CardActionRegistry } from "./cardActions";
import type { ChatCommandRegistry } from "./chatCommands";
import type { ConversationReferenceStore } from "./conversationReferences";
import type { MembershipEventSink } from "./membershipEvents";
import type * as BotModule from "./practiceHubBot";
import type { PracticeHubBot } from "./practiceHubBot";
import { tabLink } from "./tabLink";
import { setTurnLogger } from "./turnLogger";

export type * from "./conversationReferences";
export { createMembershipEventSink } from "./membershipEvents";
export type * from "./membershipEvents";
export { CardActionRegistry, cardActionFailedMessage } from "./cardActions";
export type * from "./cardActions";
export { ChatCommandRegistry } from "./chatCommands";
export type * from "./chatCommands";

/**
 * The Teams bot endpoint that the server mounts at POST /api/messages. Everything that touches
 * botbuilder stays behind this function (DESIGN.md: a move to the Agents SDK changes this folder).
 */
export function createTeamsEndpoint(props: {
  config: Config;
  conversationReferences: ConversationReferenceStore;
  logger: Logger;
  /** Action.Execute handlers, registered by each feature area at start-up (cardActions.ts). */
  cardActions?: CardActionRegistry;
  /** Typed chat commands besides "help", registered at start-up (chatCommands.ts). */
  chatCommands?: ChatCommandRegistry;
  /** Records joins and leaves from Teams membership events (membershipEvents.ts). */
  membershipEvents?: MembershipEventSink;
}): { handle(req: express.Request, res: express.Response): Promise<void> } {
  const { config, conversationReferences, logger, cardActions, chatCommands } = props;
  // The adapter and the bot are made on the first activity: both load botbuilder, which takes
  // most of a second and which the service's start and its API requests do not need.
  let made: { adapter: CloudAdapter; bot: PracticeHubBot } | undefined;
  const endpoint = () => {
    if (!made) {
      // Required here, not imported above: the bot's class extends one of botbuilder's.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { PracticeHubBot: Bot } = require("./practiceHubBot") as typeof BotModule;
      made = {
        adapter: createAdapter(config, logger),
        bot: new Bot({
          conversationReferences,
          tabUrl: tabLink(config),
          logger,
          ...(cardActions ? { cardActions } : {}),
          ...(chatCommands ? { chatCommands } : {}),
          ...(props.membershipEvents ? { membershipEvents: props.membershipEvents } : {}),
        }),
      };
    }
    return made;
  };
  const teamsOnly = config.AUTH_MODE !== "local";
  return {
    async handle(req, res) {
      // Thrown to the one error handler: a 400 or 403 in the API's error shape.
      const refusal = inboundActivityRefusal(req.body, { teamsOnly });
      if (refusal) throw refusal;
      const requestLogger = loggerOf(res, logger);
      const held = heldResponse();
      const { adapter, bot } = endpoint();
      await adapter.process(req, held.response as express.Response, async (context) => {
        setTurnLogger(context, requestLogger);
        await bot.run(context);
      });
      const answer = held.answer();
      const adapterRefusal = refusalOf(answer);
      if (adapterRefusal) throw adapterRefusal;
      sendHeld(res, answer);
    },
  };
}
