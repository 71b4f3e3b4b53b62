import type { CloudAdapter } from "botbuilder";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { botbuilder } from "./botbuilderModule";
import { turnLogger } from "./turnLogger";

/** What people see when a turn fails: friendly, and never the error itself. */
export const turnErrorMessage =
  "Sorry, something went wrong on my side. Please try again in a moment.";

/**
 * The Bot Framework adapter. It checks the JWT of every inbound call against the bot's app id
 * (an empty MicrosoftAppId turns the check off, which config.ts allows in local mode only) and
 * signs outbound calls as the bot: client secret for SingleTenant, managed identity for
 * UserAssignedMSI.
 */
export function createAdapter(
  config: Pick<
    Config,
    "MicrosoftAppId" | "MicrosoftAppPassword" | "MicrosoftAppType" | "MicrosoftAppTenantId"
  >,
  logger: Logger,
): CloudAdapter {
  const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = botbuilder();
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context, error) => {
    turnLogger(context, logger).error(
      {
        err: error,
        activityType: context.activity.type,
        conversationType: context.activity.conversation?.conversationType,
      },
      "bot turn failed",
    );
    try {
      // Invokes expect an invoke response, not a message; only conversational turns get one.
      if (context.activity.type === "message") await context.sendActivity(turnErrorMessage);
    } catch (sendError) {
      turnLogger(context, logger).error(
        { err: sendError },
        "could not tell the user a turn failed",
      );
    }
  };
  return adapter;
}
