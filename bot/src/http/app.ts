import { limits } from "@practice-hub/shared";
import express, { type Express, type Request, type Response } from "express";
import { canvasRouter } from "../api/canvas/canvas";
import { communitiesRouter } from "../api/communities/communities";
import type { ApiDeps } from "../api/deps";
import { devRouter } from "../api/dev/dev";
import { healthRouter } from "../api/health/health";
import { meRouter } from "../api/me/me";
import { publicConfigRouter } from "../api/publicConfig/publicConfig";
import { requireActor } from "../auth";
import { notFound } from "../errors";
import { errorHandler } from "./errorHandler";
import { requestContext } from "./requestContext";
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
}

/**
 * The express app: request ids and logs, JSON bodies up to the shared limit, the API, the bot
 * endpoint, the built tab, and the one error handler.
 */
export function createHttpApp(props: HttpAppProps): Express {
  const { authenticator, logger, teamsEndpoint } = props;
  const deps: ApiDeps = { ...props, authenticated: requireActor(authenticator) };
  const app = express();
  app.disable("x-powered-by");
  // Express's automatic body ETags would be mistaken for the storage ETags that saves need.
  app.set("etag", false);
  app.use(requestContext(logger));
  app.use(healthRouter(props));

  const api = express.Router();
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
  api.use((req) => {
    throw notFound(`There is no API at ${req.method} /api${req.path}. Check the URL.`);
  });
  app.use("/api", api);

  app.use(staticTab(props.tabDistDir));
  app.use((req) => {
    throw notFound(`Nothing is served at ${req.method} ${req.path}. Check the URL.`);
  });
  app.use(errorHandler(logger, limits.requestBodyBytes));
  return app;
}
