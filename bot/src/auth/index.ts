import type { NextFunction, Request, Response } from "express";
import type { Config } from "../config";
import { identityProviderUnavailable, unauthenticated } from "../errors";
import type { Logger } from "../logger";
import type { Actor } from "./actor";
import { createEntraTokens, IdentityProviderUnavailable } from "./entraTokens";
import { createLocalTokens, type LocalTokens } from "./localTokens";

export type { Actor } from "./actor";
export type { LocalTokens } from "./localTokens";

/** Turns a bearer token into an Actor; `localTokens` exists only in AUTH_MODE=local. */
export interface Authenticator {
  /**
   * The Actor of a valid token, or null for one that is refused. Throws
   * IdentityProviderUnavailable when the token cannot be checked at all.
   */
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
    {
      openIdMetadataUrl: config.ENTRA_OPENID_METADATA_URL,
      audiences,
      loadTimeoutMs: config.ENTRA_KEYS_TIMEOUT_SECONDS * 1_000,
      keysTtlMs: config.ENTRA_KEYS_TTL_MINUTES * 60_000,
    },
    logger.child({ component: "auth" }),
  );
  return { authenticate: (token) => entra.verify(token), localTokens: null };
}

/**
 * Express middleware: a verified Actor in `res.locals.actor`, a 401, or a 503 when the identity
 * provider's keys cannot be loaded (the token may be fine: asking again later may work).
 */
export function requireActor(authenticator: Authenticator) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "");
    let actor: Actor | null = null;
    try {
      actor = match?.[1] ? await authenticator.authenticate(match[1]) : null;
    } catch (error) {
      if (error instanceof IdentityProviderUnavailable) throw identityProviderUnavailable();
      throw error;
    }
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
