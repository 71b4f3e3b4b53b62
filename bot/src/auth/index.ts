import type { NextFunction, Request, Response } from "express";
import type { Config } from "../config";
import { unauthenticated } from "../errors";
import type { Logger } from "../logger";
import type { Actor } from "./actor";
import { createEntraTokens } from "./entraTokens";
import { createLocalTokens, type LocalTokens } from "./localTokens";

export type { Actor } from "./actor";
export type { LocalTokens } from "./localTokens";

/** Turns a bearer token into an Actor; `localTokens` exists only in AUTH_MODE=local. */
export interface Authenticator {
  authenticate(token: string): Promise<Actor | null>;
  localTokens: LocalTokens | null;
}

/** The authenticator for the configured AUTH_MODE. */
export function createAuthenticator(config: Config, logger: Logger): Authenticator {
  if (config.AUTH_MODE === "local") {
    const localTokens = createLocalTokens();
    return { authenticate: (token) => localTokens.verify(token), localTokens };
  }
  const audiences = [config.ENTRA_CLIENT_ID, config.ENTRA_APP_ID_URI].filter(
    (value): value is string => value !== undefined,
  );
  const entra = createEntraTokens(
    { openIdMetadataUrl: config.ENTRA_OPENID_METADATA_URL, audiences },
    logger,
  );
  return { authenticate: (token) => entra.verify(token), localTokens: null };
}

/** Express middleware: a verified Actor in `res.locals.actor`, or a 401. */
export function requireActor(authenticator: Authenticator) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "");
    const actor = match?.[1] ? await authenticator.authenticate(match[1]) : null;
    if (!actor) throw unauthenticated();
    res.locals["actor"] = actor;
    next();
  };
}

/** The Actor that requireActor stored; throws if a route forgot the middleware. */
export function actorOf(res: Response): Actor {
  const actor: unknown = res.locals["actor"];
  if (!actor) throw new Error("actorOf called on a route without requireActor");
  return actor as Actor;
}
