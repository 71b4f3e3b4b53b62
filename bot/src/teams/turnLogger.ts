import type { TurnContext } from "botbuilder";
import type { Logger } from "../logger";

/** turnState key under which the endpoint leaves the request's logger (it carries reqId). */
const loggerKey = Symbol("practiceHub.logger");

/** Attaches the request's logger to the turn, so handlers and onTurnError log with its reqId. */
export function setTurnLogger(context: TurnContext, logger: Logger): void {
  context.turnState.set(loggerKey, logger);
}

/** The logger of the request this turn belongs to, or the fallback outside a request. */
export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  const logger: unknown = context.turnState.get(loggerKey);
  return logger ? (logger as Logger) : fallback;
}
