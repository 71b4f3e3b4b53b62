import { limits } from "@practice-hub/shared";
import express, { type Express, type Request, type Response } from "express";
import { canvasRouter } from "../canvas/routes";
import { libraryRouter } from "../library/routes";
import { peopleRouter } from "../people/routes";
import { digestRouter } from "../digest/routes";
import { healthSignalsRouter } from "../health/routes";
import { communitiesRouter } from "../communities/routes";
import type { ApiDeps } from "./deps";
import { devRouter } from "../local/devRoutes";
import { healthRouter } from "./healthz";
import { meRouter } from "../people/meRoutes";
import { publicConfigRouter } from "./publicConfig";
import { calendarFeedRouter } from "../rituals/calendarFeed";
import { ritualsRouter } from "../rituals/routes";
import { retrosRouter } from "../retros/routes";
import type { RetroNotifier } from "../retros/retroNotifier";
import { requireActor } from "../auth";
import { notFound } from "../errors";
import type { EventLoopMonitor } from "../eventLoop";
import type { Jobs } from "../jobs/types";
import { errorHandler } from "./errorHandler";
import { legalPages } from "./legalPages";
import { createRateLimits } from "./rateLimit";
import { requestContext } from "./requestContext";
import { securityHeaders } from "./securityHeaders";
import { staticTab } from "./staticTab";

/** The bot endpoint as the Teams folder exposes it. */
export interface TeamsEndpoint {
  handle(req: Request, res: Response): Promise<void>;
}

/** Everything the HTTP app is built from. */
export interface HttpAppProps extends Omit<ApiDeps, "authenticated"> {
  /** Mounted at POST /api/messages when present. */
  teamsEndpoint: TeamsEndpoint | null;
  /** The built tab (Vite output). */
  tabDistDir: string;
  /** Posts retro cards to channels and owners (bot/src/retros/retroNotifier.ts). */
  retroNotifier?: RetroNotifier | null;
  /** The delivery backbone: the digest's "send now" queues through it. */
  jobs?: Pick<Jobs, "enqueueDelivery">;
  /** Tracks requests, so a block of the event loop names them; /healthz shows its delays. */
  eventLoop?: EventLoopMonitor;
}

/**
 * The express app: request ids and logs, JSON bodies up to the shared limit, the API, the bot
 * endpoint, the built tab, and the one error handler.
 */
export function createHttpApp(props: HttpAppProps): Express {
  const { authenticator, logger, teamsEndpoint } = props;
  const rateLimits = createRateLimits(props.config, logger);
  const authenticated = rateLimits.afterAuthentication(requireActor(authenticator));
  const deps: ApiDeps = { ...props, authenticated };
  const app = express();
  app.disable("x-powered-by");
  // Express's automatic body ETags would be mistaken for the storage ETags that saves need.
  app.set("etag", false);
  // The caller's address (for the rate limit of requests without a token) behind a proxy.
  app.set("trust proxy", props.config.TRUST_PROXY_HOPS);
  app.use(requestContext(logger));
  app.use(securityHeaders(props.config));
  if (props.eventLoop) app.use(props.eventLoop.requests());
  app.use(healthRouter(props));

  const api = express.Router();
  api.use(rateLimits.anonymous);
  api.use(express.json({ limit: limits.requestBodyBytes }));
  if (teamsEndpoint) {
    // The Bot Framework authenticates these calls itself (JWT from the Bot Connector).
    api.post("/messages", (req, res) => teamsEndpoint.handle(req, res));
  }
  api.use(publicConfigRouter(props));
  if (authenticator.localTokens) api.use(devRouter(authenticator.localTokens));
  api.use(meRouter(deps));
  api.use(communitiesRouter(deps));
  api.use(canvasRouter(deps));
  api.use(retrosRouter({ ...deps, retroNotifier: props.retroNotifier ?? null }));
  api.use(ritualsRouter(deps));
  api.use(calendarFeedRouter(deps));
  api.use(libraryRouter(deps));
  api.use(peopleRouter(deps));
  api.use(healthSignalsRouter(deps));
  api.use(digestRouter({ ...deps, ...(props.jobs ? { jobs: props.jobs } : {}) }));
  api.use((req) => {
    throw notFound(`There is no API at ${req.method} /api${req.path}. Check the URL.`);
  });
  app.use("/api", api);

  // Before the tab: the manifest and the Entra app link to these pages, not to the app.
  app.use(legalPages());
  app.use(staticTab(props.tabDistDir, { sourceMaps: props.config.NODE_ENV === "development" }));
  app.use((req) => {
    throw notFound(`Nothing is served at ${req.method} ${req.path}. Check the URL.`);
  });
  app.use(errorHandler(logger, limits.requestBodyBytes));
  return app;
}
