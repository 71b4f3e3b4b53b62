import type { Browser } from "playwright-core";
import { startStack, type Stack } from "../support/stack";
import { assertTabBuilt, launchBrowser, openTab, screenshot } from "./support/browser";

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

/** The part of the page's address that is the tab's own (after `#`). */
const hashOf = (url: string) => new URL(url).hash;

describe("addresses of the tab in browser mode", () => {
  it("gives each area an address that survives a reload, and goes back with Back", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, { as: "demo-member" });
    await page.getByRole("heading", { level: 3, name: "Purpose" }).waitFor();
    await page.getByRole("tab", { name: "Calendar" }).click();
    await page.getByRole("heading", { name: "Ritual calendar" }).waitFor();
    expect(hashOf(page.url())).toBe("#/calendar");

    await page.reload();
    await page.getByRole("heading", { name: "Ritual calendar" }).waitFor();
    expect(await page.getByRole("tab", { name: "Calendar" }).getAttribute("aria-selected")).toBe(
      "true",
    );

    await page.goBack();
    await page.getByRole("heading", { level: 3, name: "Purpose" }).waitFor();
    await page.goForward();
    await page.getByRole("heading", { name: "Ritual calendar" }).waitFor();
    await context.close();
  });

  it("gives a session its own address, which opens it again after a reload", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, { as: "demo-member" });
    await page.getByRole("tab", { name: "Calendar" }).click();
    await page.getByRole("tab", { name: "Agenda" }).click();
    await page.getByRole("button", { name: "Details" }).first().click();
    const dialog = page.getByRole("dialog");
    const title = await dialog.getByRole("heading").first().textContent();
    expect(hashOf(page.url())).toMatch(/^#\/calendar\/sessions\/[^/]+\/\d{4}-\d{2}-\d{2}$/);

    await page.reload();
    await page
      .getByRole("dialog")
      .getByRole("heading", { name: title ?? "" })
      .waitFor();
    await screenshot(page, "routes-session-reloaded");
    await page.getByRole("button", { name: "Close" }).click();
    await page.getByRole("heading", { name: "Ritual calendar" }).waitFor();
    expect(hashOf(page.url())).toBe("#/calendar");
    await context.close();
  });

  it("asks before Back drops unsaved canvas text, and keeps it when the person stays", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, { as: "demo-champion" });
    await page.getByRole("tab", { name: "Calendar" }).click();
    await page.getByRole("heading", { name: "Ritual calendar" }).waitFor();
    await page.getByRole("tab", { name: "Canvas" }).click();
    await page.getByRole("tab", { name: /^Values and norms/ }).click();
    await page.getByRole("button", { name: "Edit Values and norms" }).click();
    const editor = page.getByRole("textbox", { name: /Values and norms \(Markdown\)/ });
    await editor.fill("Typed but not saved");

    await page.goBack();
    await page.getByRole("button", { name: "Stay and keep editing" }).click();
    await expect(editor.inputValue()).resolves.toBe("Typed but not saved");
    expect(hashOf(page.url())).toBe("#/canvas");

    await page.getByRole("tab", { name: "Calendar" }).click();
    await page.getByRole("button", { name: "Leave without saving" }).click();
    await page.getByRole("heading", { name: "Ritual calendar" }).waitFor();
    expect(hashOf(page.url())).toBe("#/calendar");
    await context.close();
  });
});
