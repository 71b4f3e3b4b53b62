import type { RequestHandler } from "express";
import type { Authenticator } from "../auth";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { Store } from "../store";

/** What route handlers get from the composition root. */
export interface ApiDeps {
  config: Config;
  logger: Logger;
  store: Store;
  authenticator: Authenticator;
  /**
   * Route middleware that puts the verified Actor in res.locals or answers 401. Routes list it
   * themselves, so a path no route matches is a 404 whether or not a token came with it.
   */
  authenticated: RequestHandler;
  /** The clock; tests fix it. */
  now: () => Date;
}
