import type express from "express";
import type { Config } from "../config";
import { loggerOf } from "../http/requestContext";
import type { Logger } from "../logger";
import { createAdapter } from "./adapter";
import type { ConversationReferenceStore } from "./conversationReferences";
import { PracticeHubBot } from "./practiceHubBot";
import { tabLink } from "./tabLink";
import { setTurnLogger } from "./turnLogger";

export type * from "./conversationReferences";

/**
 * The Teams bot endpoint that the server mounts at POST /api/messages. Everything that touches
 * botbuilder stays behind this function (DESIGN.md: a move to the Agents SDK changes this folder).
 */
export function createTeamsEndpoint(props: {
  config: Config;
  conversationReferences: ConversationReferenceStore;
  logger: Logger;
}): { handle(req: express.Request, res: express.Response): Promise<void> } {
  const { config, conversationReferences, logger } = props;
  const adapter = createAdapter(config, logger);
  const bot = new PracticeHubBot({ conversationReferences, tabUrl: tabLink(config), logger });
  return {
    async handle(req, res) {
      const requestLogger = loggerOf(res, logger);
      await adapter.process(req, res, async (context) => {
        setTurnLogger(context, requestLogger);
        await bot.run(context);
      });
    },
  };
}
