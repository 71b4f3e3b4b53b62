import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Request, type Response, type NextFunction, type Router } from "express";

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Practice Hub is not built yet</title></head>
<body><main><h1>The tab has not been built yet</h1>
<p>Run <code>npm run build</code> in the repository, then reload this page.</p></main></body></html>`;

/**
 * Serves the built tab from `distDir`, with index.html for any other GET so that client-side
 * routes survive a reload. When the tab is not built, answers 503 with a page saying how to
 * build it. Checks for the build on each fallback so a build made after start-up is picked up.
 */
export function staticTab(distDir: string): Router {
  const router = express.Router();
  router.use(express.static(distDir, { index: "index.html", fallthrough: true }));
  router.get(/.*/, (req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith("/api/") || req.path === "/api") {
      next();
      return;
    }
    const indexFile = path.join(distDir, "index.html");
    if (!existsSync(indexFile)) {
      res.status(503).type("html").send(notBuiltPage);
      return;
    }
    res.sendFile(indexFile);
  });
  return router;
}
