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
  // No seed: the demo people exist but belong to no community yet, as in a new tenant.
  [stack, browser] = await Promise.all([
    startStack({ seed: false, now: e2eClock }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("a person who belongs to no community", () => {
  it("is told why the tab is empty, can start a community, and lands on its canvas as champion", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, { as: "demo-member" });
    await page.getByRole("heading", { level: 2, name: "No communities yet" }).waitFor();
    await screenshot(page, "no-communities");
    expect(await blockingViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Start a community" }).click();
    await page.getByText("Give the community a name.", { exact: true }).waitFor();

    await page.getByRole("textbox", { name: /Community name/ }).fill("Delivery Leads");
    await page.getByRole("textbox", { name: /Profession/ }).fill("Delivery management");
    await page.getByRole("button", { name: "Start a community" }).click();
    await page.getByRole("heading", { level: 2, name: "Community canvas" }).waitFor();
    await page.getByRole("button", { name: "Edit Purpose" }).waitFor();
    expect(new URL(page.url()).searchParams.get("community")).not.toBeNull();
    await context.close();
  });
});
