import type { NextFunction, Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, rateLimit, type RateLimitInfo } from "express-rate-limit";
import { actorOf } from "../auth";
import type { Config } from "../config";
import { AppError, tooManyRequests, type RateLimitScope } from "../errors";
import type { Logger } from "../logger";

/** The settings the limits are built from. */
export type RateLimitSettings = Pick<
  Config,
  | "RATE_LIMIT_WINDOW_SECONDS"
  | "RATE_LIMIT_PER_PERSON"
  | "RATE_LIMIT_PER_TENANT"
  | "RATE_LIMIT_PER_ADDRESS"
>;

/** The API's rate limits: which requests they count is said on each. */
export interface RateLimits {
  /**
   * For the whole API: requests that carry no bearer token (the public configuration, demo
   * sign-in, mistyped URLs) count against their network address.
   */
  anonymous: RequestHandler;
  /**
   * Wraps the authentication middleware: a verified person counts against their own limit and
   * their tenant's; a request whose token is refused counts against its network address.
   */
  afterAuthentication(authenticate: RequestHandler): RequestHandler;
}

/** Set once a request has counted against its address, so no request counts twice. */
const addressCounted = "addressRateLimitCounted";

function hasBearer(req: Request): boolean {
  return /^Bearer\s/i.test(req.get("authorization") ?? "");
}

/** Runs a middleware as a promise: resolves when it calls next(), rejects with its error. */
function run(handler: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    const next: NextFunction = (error?: unknown) => {
      if (error !== undefined && error !== null) reject(error);
      else resolve();
    };
    Promise.resolve(handler(req, res, next)).catch(reject);
  });
}

/**
 * Builds the limits with `express-rate-limit` (in memory: each instance counts its own requests,
 * so N instances allow up to N times the limits). A full limit answers 429 in the one error shape
 * with `Retry-After` and the draft-8 `RateLimit` headers; each limit names itself in them.
 */
export function createRateLimits(settings: RateLimitSettings, logger: Logger): RateLimits {
  const windowMs = settings.RATE_LIMIT_WINDOW_SECONDS * 1_000;
  // express-rate-limit's own warnings (a misconfigured proxy, say) go to the service's log.
  const limiterLogger = {
    warn: (error: unknown, message?: string) =>
      logger.warn({ err: error }, message ?? "rate limit"),
    error: (error: unknown, message?: string) =>
      logger.error({ err: error }, message ?? "rate limit"),
  };

  function limiter(props: {
    scope: RateLimitScope;
    limit: number;
    key: (req: Request, res: Response) => string;
  }) {
    const requestPropertyName = `${props.scope}RateLimit`;
    return rateLimit({
      windowMs,
      limit: props.limit,
      identifier: props.scope,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      requestPropertyName,
      keyGenerator: props.key,
      logger: limiterLogger,
      handler(req, _res, next) {
        const info = (req as unknown as Record<string, RateLimitInfo | undefined>)[
          requestPropertyName
        ];
        const resetMs = info?.resetTime ? info.resetTime.getTime() - Date.now() : windowMs;
        next(
          tooManyRequests({
            scope: props.scope,
            retryAfterSeconds: Math.max(1, Math.ceil(resetMs / 1_000)),
          }),
        );
      },
    });
  }

  const byAddress = limiter({
    scope: "address",
    limit: settings.RATE_LIMIT_PER_ADDRESS,
    // IPv6 callers are counted per /56, as one household or office gets one.
    key: (req) => ipKeyGenerator(req.ip ?? "unknown"),
  });
  const byPerson = limiter({
    scope: "person",
    limit: settings.RATE_LIMIT_PER_PERSON,
    key: (_req, res) => {
      const actor = actorOf(res);
      return `${actor.tenantId}|${actor.userId}`;
    },
  });
  const byTenant = limiter({
    scope: "tenant",
    limit: settings.RATE_LIMIT_PER_TENANT,
    key: (_req, res) => actorOf(res).tenantId,
  });

  async function countAddress(req: Request, res: Response): Promise<void> {
    if (res.locals[addressCounted]) return;
    res.locals[addressCounted] = true;
    await run(byAddress, req, res);
  }

  return {
    anonymous: (req, res, next) => {
      if (hasBearer(req)) {
        next();
        return;
      }
      countAddress(req, res).then(() => next(), next);
    },
    afterAuthentication(authenticate) {
      return async (req, res, next) => {
        try {
          await run(authenticate, req, res);
        } catch (error) {
          // A refused token counts like a request without one: guessing tokens is limited too.
          if (error instanceof AppError && error.status === 401) await countAddress(req, res);
          throw error;
        }
        await run(byPerson, req, res);
        await run(byTenant, req, res);
        next();
      };
    },
  };
}
