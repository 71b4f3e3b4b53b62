import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Request, type Response, type NextFunction, type Router } from "express";

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Practice Hub is not built yet</title></head>
<body><main><h1>The tab has not been built yet</h1>
<p>Run <code>npm run build</code> in the repository, then reload this page.</p></main></body></html>`;

/** Whether a request path names a source map, as the static file server would decode it. */
function isSourceMap(requestPath: string): boolean {
  try {
    return /\.map$/i.test(decodeURIComponent(requestPath));
  } catch {
    // The static file server answers 400 to what does not decode; nothing is served.
    return false;
  }
}

/** Options of staticTab. */
export interface StaticTabOptions {
  /**
   * Serve the build's `.map` files (development only): elsewhere they would hand anyone the
   * tab's original source, so they answer 404 like any missing file.
   */
  sourceMaps: boolean;
}

/**
 * Serves the built tab from `distDir`, with index.html for any other GET so that client-side
 * routes survive a reload. When the tab is not built, answers 503 with a page saying how to
 * build it. Checks for the build on each fallback so a build made after start-up is picked up.
 */
export function staticTab(distDir: string, options: StaticTabOptions): Router {
  const router = express.Router();
  if (!options.sourceMaps) {
    // Leaves the router before the static files and the index.html fallback: the app's 404.
    router.use((req, _res, next) => next(isSourceMap(req.path) ? "router" : undefined));
  }
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
