import type { Browser, Page } from "playwright-core";
import { startStack, type Stack } from "../support/stack";
import {
  assertTabBuilt,
  launchBrowser,
  openTab,
  recordScripts,
  screenshot,
} from "./support/browser";
import { e2eClock, installTabClock } from "./support/clock";

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

/** Unique text per test, so tests sharing the seeded canvas never read each other's saves. */
function textFor(label: string): string {
  return `${label} ${Math.random().toString(36).slice(2, 10)}`;
}

async function openSection(page: Page, title: string): Promise<void> {
  await page.getByRole("tab", { name: new RegExp(`^${title}`) }).click();
  await page.getByRole("heading", { level: 3, name: title }).waitFor();
}

async function startEditing(page: Page, title: string): Promise<void> {
  await openSection(page, title);
  await page.getByRole("button", { name: `Edit ${title}` }).click();
}

describe("the canvas tab in browser mode", () => {
  it("lets a champion edit a section, save it, and find the text again after a reload", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, { as: "demo-champion" });
    const text = textFor("Members say a session changed how they work.");
    await startEditing(page, "Success definition");
    const editor = page.getByRole("textbox", { name: /Success definition \(Markdown\)/ });
    await editor.fill(text);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Success definition saved as version").first().waitFor();

    await page.reload();
    await openSection(page, "Success definition");
    await page.getByText(text).waitFor();
    await page.getByRole("button", { name: "Show version history" }).click();
    await page.getByText("Version 1", { exact: true }).waitFor();
    await context.close();
  });

  it("shows both texts after a stale save, and keeping mine saves it over theirs", async () => {
    const first = await openTab(browser, stack.baseUrl, { as: "demo-champion" });
    const second = await openTab(browser, stack.baseUrl, { as: "demo-champion" });
    await startEditing(first.page, "Roles");
    await startEditing(second.page, "Roles");
    const theirs = textFor("Ana runs the retros this quarter.");
    const mine = textFor("Facilitators rotate every month.");

    await first.page.getByRole("textbox", { name: /Roles \(Markdown\)/ }).fill(theirs);
    await first.page.getByRole("button", { name: "Save", exact: true }).click();
    await first.page.getByText("Roles saved as version").first().waitFor();

    await second.page.getByRole("textbox", { name: /Roles \(Markdown\)/ }).fill(mine);
    await second.page.getByRole("button", { name: "Save", exact: true }).click();
    const theirSide = second.page.getByRole("textbox", { name: /Their version/ });
    const mySide = second.page.getByRole("textbox", { name: /Your version/ });
    await theirSide.waitFor();
    expect(await theirSide.inputValue()).toBe(theirs);
    expect(await mySide.inputValue()).toBe(mine);
    await screenshot(second.page, "canvas-conflict");

    await second.page.getByRole("button", { name: "Keep mine (save over theirs)" }).click();
    await second.page.getByText("Roles saved as version").first().waitFor();
    await second.page.reload();
    await openSection(second.page, "Roles");
    await second.page.getByText(mine).waitFor();
    expect(await second.page.getByText(theirs).count()).toBe(0);
    await Promise.all([first.context.close(), second.context.close()]);
  });

  it("asks before moving to another section with unsaved text, and keeps the text on stay", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, { as: "demo-champion" });
    const draft = textFor("Half-written thought");
    await startEditing(page, "Incentives and sponsorship");
    await page.getByRole("textbox", { name: /Incentives and sponsorship/ }).fill(draft);
    await page.getByRole("tab", { name: /^Purpose/ }).click();
    const dialog = page.getByRole("alertdialog", { name: "Leave without saving?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Stay and keep editing" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(
      await page.getByRole("textbox", { name: /Incentives and sponsorship/ }).inputValue(),
    ).toBe(draft);
    await context.close();
  });

  it("lets a keyboard user pick a section, edit it and save it, with focus shown and kept", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, { as: "demo-champion" });
    const text = textFor("Content lives in the channel's Files tab.");
    await page.getByRole("tab", { name: /^Purpose/ }).focus();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 3, name: "Content and curation" }).waitFor();
    await page.keyboard.press("Tab");
    const edit = page.getByRole("button", { name: "Edit Content and curation" });
    // Fluent marks keyboard focus with this attribute; its focus ring is drawn from it.
    expect(await edit.getAttribute("data-fui-focus-visible")).not.toBeNull();
    await page.keyboard.press("Enter");
    const editor = page.getByRole("textbox", { name: /Content and curation \(Markdown\)/ });
    await editor.waitFor();
    await page.keyboard.type(text);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByText("Content and curation saved as version").first().waitFor();
    expect(await edit.evaluate((element) => element === document.activeElement)).toBe(true);
    await page
      .getByTestId("announcer")
      .filter({ hasText: "Content and curation saved as version" })
      .waitFor();
    await context.close();
  });

  it("says so when the tab's configured community is not one the user can see", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, {
      as: "demo-member",
      community: "no-such-community",
    });
    await page.getByText("This tab was set up for a community you cannot see").waitFor();
    await page.getByRole("heading", { level: 3, name: "Purpose" }).waitFor();
    await context.close();
  });

  it("opens a community's canvas from the personal tab's list", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, {
      path: "/personal",
      as: "demo-head",
    });
    await page.getByRole("button", { name: "Open the canvas of Service Design" }).click();
    await page.getByRole("heading", { level: 2, name: "Community canvas" }).waitFor();
    await page.getByRole("heading", { level: 3, name: "Purpose" }).waitFor();
    expect(await page.getByRole("combobox", { name: "Community" }).inputValue()).toBe(
      new URL(page.url()).searchParams.get("community"),
    );
    expect(
      await page
        .getByRole("combobox", { name: "Community" })
        .locator("option:checked")
        .textContent(),
    ).toBe("Service Design");
    await context.close();
  });

  it("falls back to browser mode inside a frame where no Teams host answers", async () => {
    const context = await browser.newContext();
    await installTabClock(context);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    // The framing page comes from the tab's own origin: frame-ancestors allows only 'self' and
    // the Microsoft hosts, which a test cannot serve.
    const framingPage = `${stack.baseUrl}/frame-test-host`;
    await page.route(framingPage, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<iframe title="Practice Hub" width="1200" height="800" src="${stack.baseUrl}/?as=demo-member"></iframe>`,
      }),
    );
    await page.goto(framingPage);
    const tab = page.frameLocator("iframe");
    await tab.getByRole("heading", { level: 3, name: "Purpose" }).waitFor();
    await tab.getByText("Signed in as").waitFor();
    await context.close();
  });

  it("cannot be framed by a page of another origin", async () => {
    const context = await browser.newContext();
    await installTabClock(context);
    const page = await context.newPage();
    const refusal = page.waitForEvent("console", (message) =>
      message.text().includes("frame-ancestors"),
    );
    await page.setContent(
      `<iframe title="Practice Hub" width="1200" height="800" src="${stack.baseUrl}/?as=demo-member"></iframe>`,
    );

    expect((await refusal).text()).toContain("The request has been blocked.");
    expect(await page.frameLocator("iframe").getByText("Signed in as").count()).toBe(0);
    await context.close();
  });

  it("shows a member the canvas without any Edit or Mark reviewed button", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, { as: "demo-member" });
    await page.getByRole("heading", { level: 3, name: "Purpose" }).waitFor();
    await page.getByText("Signed in as").waitFor();
    expect(await page.getByRole("button", { name: /^Edit/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Mark reviewed" }).count()).toBe(0);
    await context.close();
  });

  it("lets a champion mark the canvas reviewed today", async () => {
    const { context, page } = await openTab(browser, stack.baseUrl, { as: "demo-champion" });
    await page.getByRole("button", { name: "Mark reviewed" }).click();
    await page.getByText("Last reviewed today by Ana Champion.").waitFor();
    await context.close();
  });

  it("loads the canvas route with less than 200 KB of gzipped JavaScript", async () => {
    const context = await browser.newContext();
    await installTabClock(context);
    const page = await context.newPage();
    const scripts = recordScripts(page);
    await page.goto(`${stack.baseUrl}/?as=demo-member`);
    await page.getByRole("heading", { level: 3, name: "Purpose" }).waitFor();
    const kilobytes = scripts.gzipBytes() / 1024;
    console.log(
      `first-route JS: ${kilobytes.toFixed(1)} KB gzip in ${scripts.files().length} files`,
    );
    expect(kilobytes).toBeLessThan(200);
    await context.close();
  });
});
