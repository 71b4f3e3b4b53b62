import type { Browser } from "playwright-core";
import { startStack, type Stack } from "../support/stack";
import { assertTabBuilt, launchBrowser, screenshot, tabUrl } from "./support/browser";

// The demo seed marks the canvas reviewed 40 days before the stack's clock; the browser's clock
// is fixed far enough after that for the review to be overdue (more than a quarter).
const seededAt = new Date("2026-01-05T09:00:00.000Z");
const browserNow = new Date("2026-06-01T09:00:00.000Z");

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  assertTabBuilt();
  [stack, browser] = await Promise.all([startStack({ now: () => seededAt }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function openAt(as: "demo-champion" | "demo-member", now: Date) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.clock.setFixedTime(now);
  await page.goto(tabUrl(stack.baseUrl, { as }));
  await page.getByRole("heading", { level: 3, name: "Purpose" }).waitFor();
  return { context, page };
}

describe("the canvas review nudge", () => {
  it("nudges a champion to review a canvas last reviewed more than a quarter ago", async () => {
    const { context, page } = await openAt("demo-champion", browserNow);
    await page.getByText("Time to review the canvas").waitFor();
    await page.getByText("Last reviewed 187 days ago by Ana Champion.").waitFor();
    await page.getByRole("button", { name: "Mark reviewed" }).waitFor();
    await screenshot(page, "canvas-review-due");
    await context.close();
  });

  it("shows no nudge while the last review is within the quarter", async () => {
    const { context, page } = await openAt("demo-member", new Date("2026-01-20T09:00:00.000Z"));
    await page.getByText("Last reviewed 55 days ago by Ana Champion.").waitFor();
    expect(await page.getByText("Time to review the canvas").count()).toBe(0);
    await context.close();
  });
});
