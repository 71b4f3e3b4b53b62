/**
 * Benchmark (issue 17 §3): the tab's cold start beside a minimal Fluent UI app, in one run.
 * Each is opened 5 times in a fresh Chromium context (empty cache), headless with the flags of
 * the end-to-end tests. Figures: JavaScript of the first route (gzip, as tab/dist holds it, and
 * the bytes actually sent), and the time from navigation start until the first screen shows
 * (the canvas's "Purpose" section; the minimal app's title), median of 5.
 * Targets (issue 17): first route at most 150 KB gzip, canvas visible in under 1 s.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import express from "express";
import type { Browser, Page, Request } from "playwright-core";
import { staticTab } from "../../bot/src/http/staticTab";
import { assertTabBuilt, launchBrowser } from "../e2e/support/browser";
import { startStack, type Stack } from "../support/stack";
import { median, printTable } from "./figures";

const root = path.resolve(__dirname, "../..");
/** BENCH_TAB_DIST measures another build of the tab (an older commit's, say) the same way. */
const tabDist = process.env.BENCH_TAB_DIST ?? path.join(root, "tab", "dist");
const fixture = path.join(__dirname, "fixtures", "minimal-fluent");
/** BENCH_RUNS shortens the run while working on the tab; the target is the median of 5. */
const runs = Number(process.env.BENCH_RUNS ?? 5);

/** What one cold load showed. */
interface Load {
  visibleMs: number;
  /** Each first-route script and its gzip size, largest first. */
  jsGzip: [string, number][];
  jsGzipBytes: number;
  jsFiles: number;
  sentBytes: number;
}

/**
 * When each request of a load started and ended, in ms from the first (BENCH_TIMELINE=1 prints
 * it): shows what waits on what.
 */
function recordTimeline(page: Page): () => string {
  const started = new Map<Request, number>();
  const lines: string[] = [];
  const origin = Date.now();
  page.on("request", (request) => started.set(request, Date.now() - origin));
  page.on("requestfinished", (request) => {
    const path = new URL(request.url()).pathname;
    lines.push(
      `${String(started.get(request) ?? 0).padStart(6)} -> ${String(Date.now() - origin).padStart(6)}  ${path}`,
    );
  });
  return () => [...lines].sort().join("\n");
}

/**
 * Opens `url` in a fresh context and waits until an element with `tag` and exactly `text`
 * exists; the page itself notes when (performance.now(), from navigation start).
 */
async function coldLoad(
  browser: Browser,
  url: string,
  distDir: string,
  marker: { tag: string; text: string },
): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(({ tag, text }) => {
    const state = window as unknown as { visibleAt?: number };
    const check = () => {
      if (state.visibleAt !== undefined) return;
      for (const element of Array.from(document.getElementsByTagName(tag))) {
        if (element.textContent === text) state.visibleAt = performance.now();
      }
    };
    new MutationObserver(check).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, marker);
  const page = await context.newPage();
  const timeline = recordTimeline(page);
  const scripts = new Set<string>();
  const sizes: Promise<number>[] = [];
  page.on("response", (response) => {
    const pathname = new URL(response.url()).pathname;
    if (pathname.endsWith(".js")) scripts.add(pathname);
    sizes.push(
      response
        .request()
        .sizes()
        .then((size) => size.responseBodySize)
        .catch(() => 0),
    );
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as { visibleAt?: number }).visibleAt !== undefined, {
    timeout: 30_000,
  });
  const visibleMs = await page.evaluate(() => (window as { visibleAt?: number }).visibleAt ?? 0);
  const sentBytes = (await Promise.all(sizes)).reduce((total, size) => total + size, 0);
  if (process.env.BENCH_TIMELINE)
    console.log(`${url}, ${Math.round(visibleMs)} ms:\n${timeline()}`);
  await context.close();
  const jsGzip = [...scripts]
    .map((file): [string, number] => [
      file,
      gzipSync(readFileSync(path.join(distDir, file))).length,
    ])
    .sort((a, b) => b[1] - a[1]);
  return {
    visibleMs,
    jsFiles: scripts.size,
    sentBytes,
    jsGzip,
    jsGzipBytes: jsGzip.reduce((total, [, bytes]) => total + bytes, 0),
  };
}

/** Five cold loads summarised as one row of figures. */
async function measure(
  name: string,
  load: () => Promise<Load>,
): Promise<Record<string, string | number>> {
  await load(); // A first load warms the service and Chromium's own start, not the page's cache.
  const loads: Load[] = [];
  for (let run = 0; run < runs; run += 1) loads.push(await load());
  const first = loads[0];
  console.log(
    `${name}, first-route scripts (KB gzip):\n${(first?.jsGzip ?? [])
      .map(([file, bytes]) => `  ${(bytes / 1024).toFixed(1).padStart(6)} ${file}`)
      .join("\n")}`,
  );
  return {
    app: name,
    "first-route JS (KB gzip)": Number(((first?.jsGzipBytes ?? 0) / 1024).toFixed(1)),
    "JS files": first?.jsFiles ?? 0,
    "sent, all files (KB)": Number(((first?.sentBytes ?? 0) / 1024).toFixed(1)),
    "visible (ms, median)": Math.round(median(loads.map((one) => one.visibleMs))),
    "visible (ms, each)": loads.map((one) => Math.round(one.visibleMs)).join(" "),
  };
}

describe("tab cold start", () => {
  let stack: Stack;
  let browser: Browser;
  let fixtureServer: Server;
  let fixtureUrl = "";
  let fixtureDist = "";

  beforeAll(async () => {
    assertTabBuilt();
    fixtureDist = mkdtempSync(path.join(os.tmpdir(), "minimal-fluent-"));
    const build = spawnSync(
      path.join(root, "node_modules", ".bin", "vite"),
      ["build", fixture, "--outDir", fixtureDist, "--emptyOutDir", "--logLevel", "error"],
      // A production build, as the tab's (Jest runs with NODE_ENV=test).
      { cwd: root, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } },
    );
    if (build.status !== 0) throw new Error(`the minimal app did not build: ${build.stderr}`);
    // Served by the same static handler as the tab, so both get the same headers.
    const app = express().use(staticTab(fixtureDist, { sourceMaps: false }));
    fixtureServer = await new Promise<Server>((resolve) => {
      const server = app.listen(0, "127.0.0.1", () => resolve(server));
    });
    const address = fixtureServer.address();
    fixtureUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
    [stack, browser] = await Promise.all([
      startStack({ extraConfig: { TAB_DIST_DIR: tabDist } }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await new Promise((resolve) => fixtureServer?.close(resolve));
    if (fixtureDist) rmSync(fixtureDist, { recursive: true, force: true });
  });

  it("shows the canvas in under a second with at most 150 KB of first-route JavaScript", async () => {
    const minimal = await measure("minimal Fluent app", () =>
      coldLoad(browser, fixtureUrl, fixtureDist, { tag: "h1", text: "Minimal Fluent app" }),
    );
    const tab = await measure("Practice Hub (canvas)", () =>
      coldLoad(browser, `${stack.baseUrl}/?as=demo-member`, tabDist, {
        tag: "h3",
        text: "Purpose",
      }),
    );
    printTable(
      `Tab cold start, ${runs} fresh contexts each (targets: 150 KB gzip, visible under 1,000 ms)`,
      [minimal, tab],
    );
    expect(tab["first-route JS (KB gzip)"]).toBeLessThanOrEqual(150);
    expect(tab["visible (ms, median)"]).toBeLessThan(1_000);
  });
});
