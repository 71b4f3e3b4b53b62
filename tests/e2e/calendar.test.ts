import type { Browser } from "playwright-core";
import { demoCommunityId } from "../../bot/src/local/demoIdentities";
import { startStack, type Stack } from "../support/stack";
import {
  assertTabBuilt,
  blockingViolations,
  launchBrowser,
  openTab,
  screenshot,
} from "./support/browser";

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  assertTabBuilt();
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("the calendar tab in browser mode", () => {
  it("lets a champion create a ritual and find it in the month and agenda views", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, {
      as: "demo-champion",
      community: demoCommunityId,
    });
    const name = `Roadmap critique ${Math.random().toString(36).slice(2, 8)}`;
    await page.getByRole("tab", { name: "Calendar" }).click();
    await page.getByRole("heading", { name: "Ritual calendar" }).waitFor();
    await screenshot(page, "calendar-month-light");

    await page.getByRole("button", { name: "New ritual" }).click();
    await page.getByRole("combobox", { name: "Start from" }).selectOption("skillPractice");
    await page.getByRole("textbox", { name: "Name" }).fill(name);
    await page.getByRole("combobox", { name: "Repeats" }).selectOption("weekly");
    await page.getByRole("button", { name: "Add ritual" }).click();

    await page
      .getByRole("button", { name: new RegExp(`^${name} at`) })
      .first()
      .waitFor();
    await page.getByRole("tab", { name: "Agenda" }).click();
    await page.getByRole("list", { name: "Upcoming sessions" }).getByText(name).first().waitFor();
    await screenshot(page, "calendar-agenda-light");
    expect(await blockingViolations(page)).toEqual([]);
    await context.close();
  });

  it("shows the calendar in the dark theme with session details and the rotation's reason", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, {
      as: "demo-member",
      community: demoCommunityId,
      theme: "dark",
    });
    await page.getByRole("tab", { name: "Calendar" }).click();
    await page.getByRole("heading", { name: "Ritual calendar" }).waitFor();
    await screenshot(page, "calendar-month-dark");
    await page.getByRole("tab", { name: "Agenda" }).click();
    await page
      .getByText(/is next: /)
      .first()
      .waitFor();
    // No dialog fade-in, so the screenshot shows the dialog as people read it.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.getByRole("button", { name: "Details" }).first().click();
    await page.getByRole("group", { name: "Will you attend?" }).waitFor();
    await screenshot(page, "calendar-details-dark");
    expect(await blockingViolations(page)).toEqual([]);
    await context.close();
  });
});
