import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Request, type Response, type NextFunction, type Router } from "express";

/**
 * Files of the build named by their content's hash (Vite's `assets/` folder): a name never
 * changes content, so browsers keep them a year without asking again.
 */
const hashedAsset = /^\/assets\/[\w.-]+$/;
const immutable = "public, max-age=31536000, immutable";
/** index.html names the current hashed files: browsers ask for it again every time. */
const revalidate = "no-cache";

/** Pre-compressed siblings the tab's build writes (tab/vite.config.ts), best first. */
const encodings = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/**
 * Sends the pre-compressed sibling of a hashed script or stylesheet when the browser accepts its
 * encoding: the request is pointed at `<file>.br` or `<file>.gz` for the static handler, with the
 * original file's type. Which siblings exist is remembered per name (hashed names never change).
 */
function precompressed(distDir: string) {
  const siblings = new Map<string, boolean>();
  const exists = (file: string) => {
    let known = siblings.get(file);
    if (known === undefined) {
      known = existsSync(file);
      siblings.set(file, known);
    }
    return known;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !hashedAsset.test(req.path)) {
      next();
      return;
    }
    const type = /\.(js|css)$/.exec(req.path)?.[1];
    if (!type) {
      next();
      return;
    }
    res.vary("Accept-Encoding");
    const file = path.join(distDir, req.path);
    // One by one, in our order: browsers list gzip before br with the same weight.
    const encoding = encodings.find(
      (candidate) =>
        req.acceptsEncodings(candidate.name) === candidate.name &&
        exists(`${file}${candidate.suffix}`),
    );
    if (encoding) {
      res.setHeader("Content-Encoding", encoding.name);
      // The static handler keeps a type set before it (it would call the sibling a .br file).
      res.type(type);
      req.url = `${req.path}${encoding.suffix}`;
    }
    next();
  };
}

/** Cache-Control by file: hashed assets for a year, the HTML always revalidated. */
function setCacheHeaders(res: Response, file: string, distDir: string): void {
  const relative = `/${path.relative(distDir, file).split(path.sep).join("/")}`;
  if (hashedAsset.test(relative)) res.setHeader("Cache-Control", immutable);
  else if (relative.endsWith(".html")) res.setHeader("Cache-Control", revalidate);
}

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
 * routes survive a reload. Hashed assets go out pre-compressed and cached for a year, the HTML
 * revalidated on every load. When the tab is not built, answers 503 with a page saying how to
 * build it. Checks for the build on each fallback so a build made after start-up is picked up.
 */
export function staticTab(distDir: string, options: StaticTabOptions): Router {
  const router = express.Router();
  if (!options.sourceMaps) {
    // Leaves the router before the static files and the index.html fallback: the app's 404.
    router.use((req, _res, next) => next(isSourceMap(req.path) ? "router" : undefined));
  }
  router.use(precompressed(distDir));
  router.use(
    express.static(distDir, {
      index: "index.html",
      fallthrough: true,
      setHeaders: (res, file) => setCacheHeaders(res, file, distDir),
    }),
  );
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
    res.setHeader("Cache-Control", revalidate);
    res.sendFile(indexFile, { cacheControl: false });
  });
  return router;
}
