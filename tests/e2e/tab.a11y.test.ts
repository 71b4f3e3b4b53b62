import type { Browser } from "playwright-core";
import { startStack, type Stack } from "../support/stack";
import {
  assertTabBuilt,
  blockingViolations,
  launchBrowser,
  openTab,
  screenshot,
} from "./support/browser";
import { e2eClock } from "./support/clock";

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  assertTabBuilt();
  [stack, browser] = await Promise.all([startStack({ now: e2eClock }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("accessibility and themes of the tab", () => {
  it.each(["default", "dark", "contrast"] as const)(
    "renders the canvas in the %s theme with no serious accessibility violations",
    async (theme) => {
      const { context, page } = await openTab(browser, stack.baseUrl, {
        as: "demo-champion",
        theme,
      });
      await page.getByRole("heading", { level: 3, name: "Purpose" }).waitFor();
      await screenshot(page, `canvas-${theme}`);
      expect(await blockingViolations(page)).toEqual([]);
      await context.close();
    },
  );

  it("renders the section editor in the dark theme with no serious accessibility violations", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, {
      as: "demo-champion",
      theme: "dark",
    });
    await page.getByRole("tab", { name: /^Values and norms/ }).click();
    await page.getByRole("button", { name: "Edit Values and norms" }).click();
    await page.getByRole("textbox", { name: /Values and norms \(Markdown\)/ }).waitFor();
    await screenshot(page, "canvas-editor-dark");
    expect(await blockingViolations(page)).toEqual([]);
    await context.close();
  });

  it("renders the configuration page with no serious accessibility violations", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, {
      path: "/config",
      as: "demo-champion",
    });
    await page.getByRole("radio", { name: /Product Management/ }).check();
    await page.getByText("Teams would open this tab at").waitFor();
    await screenshot(page, "config");
    expect(await blockingViolations(page)).toEqual([]);
    await context.close();
  });

  it("renders the personal tab's community list with no serious accessibility violations", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, {
      path: "/personal",
      as: "demo-head",
    });
    await page.getByRole("heading", { level: 2, name: "My communities" }).waitFor();
    await page
      .getByRole("button", { name: /Open the canvas of/ })
      .first()
      .waitFor();
    await screenshot(page, "personal");
    expect(await blockingViolations(page)).toEqual([]);
    await context.close();
  });

  it("offers the demo people to pick from when no one is named in the URL", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl);
    await page.getByRole("button", { name: /Ben Member/ }).click();
    await page.getByRole("heading", { level: 3, name: "Purpose" }).waitFor();
    expect(new URL(page.url()).searchParams.get("as")).toBe("demo-member");
    await context.close();
  });
});
