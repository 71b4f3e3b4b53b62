import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { DemoPerson } from "../../support/stack";
import { installTabClock } from "./clock";

const repoRoot = path.resolve(__dirname, "../../..");
/** Where end-to-end screenshots go (git-ignored); look at them after a run. */
export const screenshotDir = path.join(repoRoot, ".screenshots");
const tabDist = path.join(repoRoot, "tab", "dist");

/** Fails early, with the fix, when the tab has not been built for the service to serve. */
export function assertTabBuilt(): void {
  if (!existsSync(path.join(tabDist, "index.html"))) {
    throw new Error("tab/dist is missing: run `npm run build -w tab` before the tab's e2e tests.");
  }
}

/** Debian's Chromium, headless, with the flags DESIGN.md lists. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** What to open: a route of the tab, as a demo person, in a theme. */
export interface TabUrlOptions {
  path?: "/" | "/config" | "/personal";
  as?: DemoPerson;
  theme?: "default" | "dark" | "contrast";
  community?: string;
}

/** What openTab opens, and when the tab believes it is. */
export interface OpenTabOptions extends TabUrlOptions {
  /** The tab's clock starts here (Playwright's clock); the test file's e2eClock by default. */
  now?: Date;
}

/** The tab's URL in browser mode. */
export function tabUrl(baseUrl: string, options: TabUrlOptions = {}): string {
  const url = new URL(options.path ?? "/", baseUrl);
  if (options.as) url.searchParams.set("as", options.as);
  if (options.theme) url.searchParams.set("theme", options.theme);
  if (options.community) url.searchParams.set("community", options.community);
  return url.toString();
}

/**
 * A fresh browser context (its own storage) with one page open on the tab, its clock fixed to
 * the test's instant (see ./clock.ts) so the page never depends on today's date.
 */
export async function openTab(
  browser: Browser,
  baseUrl: string,
  options: OpenTabOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Fail a step in seconds with Playwright's message, well before Jest's test timeout.
  context.setDefaultTimeout(15_000);
  await installTabClock(context, options.now);
  const page = await context.newPage();
  await page.goto(tabUrl(baseUrl, options));
  return { context, page };
}

/** Saves a full-page screenshot as .screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Records the JavaScript files a page downloads, and reports their size gzipped from tab/dist
 * (the service may serve them uncompressed; the budget is about what a CDN would send).
 */
export function recordScripts(page: Page): { gzipBytes(): number; files(): string[] } {
  const files = new Set<string>();
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith(".js")) files.add(url.pathname);
  });
  return {
    files: () => [...files],
    gzipBytes: () =>
      [...files].reduce(
        (total, file) => total + gzipSync(readFileSync(path.join(tabDist, file))).length,
        0,
      ),
  };
}

/**
 * Axe violations that would block someone: serious and critical, with where they are. Tabster's
 * focus sentinels (`<i data-tabster-dummy tabindex=0 aria-hidden>` around Fluent tab lists) are
 * left out: they hand focus on at once and are hidden from screen readers on purpose; Fluent
 * closed the report as by design (microsoft/fluentui#27517) and Accessibility Insights suppresses
 * the same false positive. Everything else on the page is checked.
 */
export async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join("; ")})`,
    );
}
