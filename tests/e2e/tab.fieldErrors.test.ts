import type { Browser } from "playwright-core";
import { apiPaths, ritualsResponseSchema } from "@practice-hub/shared";
import { apiClient } from "../support/api";
import { communityFactory } from "../support/factories";
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

describe("a form the API refuses", () => {
  it("shows the API's sentence beside the ritual field it concerns, and takes a time zone picked from the list by keyboard", async () => {
    const api = apiClient(stack);
    const community = await communityFactory(api, "demo-champion");
    const name = `Critique clinic ${Math.random().toString(36).slice(2, 8)}`;
    const { context, page } = await openTab(browser, stack.baseUrl, {
      as: "demo-champion",
      community: community.id,
    });
    // No dialog fade-in, so the screenshot shows the dialog as people read it.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.getByRole("tab", { name: "Calendar" }).click();
    await page.getByRole("heading", { name: "Ritual calendar" }).waitFor();
    await page.getByRole("button", { name: "New ritual" }).click();
    const form = page.getByRole("dialog", { name: "New ritual" });
    await form.getByRole("textbox", { name: "Name" }).fill(name);
    // The browser lets 2 minutes through (the button does not submit a form): only the API
    // refuses it, and its sentence must land by the field, not as a path at the top.
    const minutes = form.getByRole("spinbutton", { name: "Minutes" });
    await minutes.fill("2");
    await form.getByRole("button", { name: "Add ritual" }).click();

    await form.getByText("A session lasts at least 5 minutes.", { exact: true }).waitFor();
    expect(await minutes.getAttribute("aria-invalid")).toBe("true");
    const described = (await minutes.getAttribute("aria-describedby")) ?? "";
    const descriptions = await Promise.all(
      described
        .split(" ")
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions).toContain("A session lasts at least 5 minutes.");
    // Every problem sits by its field: no form-level message with paths or references.
    expect(await form.getByText("The ritual was not saved").count()).toBe(0);
    expect(await form.textContent()).not.toMatch(/schedule\.|durationMinutes|reference/);
    await screenshot(page, "ritual-form-field-error");
    expect(await blockingViolations(page)).toEqual([]);

    // Pick a zone by keyboard: type to search, arrow to the match, Enter to choose.
    const zone = form.getByRole("combobox", { name: "Time zone" });
    await zone.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("tokyo");
    await form.getByRole("option", { name: "Asia/Tokyo" }).waitFor();
    expect(await form.getByRole("option", { name: "Europe/London" }).count()).toBe(0);
    await screenshot(page, "ritual-form-time-zone-search");
    expect(await blockingViolations(page)).toEqual([]);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    expect(await zone.inputValue()).toBe("Asia/Tokyo");

    // The sentence was about 2 minutes: once the value changes it goes.
    await minutes.fill("45");
    await form.getByText("A session lasts at least 5 minutes.", { exact: true }).waitFor({
      state: "detached",
    });
    expect(await minutes.getAttribute("aria-invalid")).not.toBe("true");
    await form.getByRole("button", { name: "Add ritual" }).click();
    await form.waitFor({ state: "detached" });

    const saved = await api.get(apiPaths.rituals(community.id), { as: "demo-champion" });
    const ritual = ritualsResponseSchema.parse(saved.body).rituals.find((r) => r.name === name);
    expect(ritual?.schedule).toMatchObject({ timeZone: "Asia/Tokyo", durationMinutes: 45 });
    await context.close();
  });

  it("offers only zones from the list: text that names no zone is not taken", async () => {
    const api = apiClient(stack);
    const community = await communityFactory(api, "demo-champion");
    const { context, page } = await openTab(browser, stack.baseUrl, {
      as: "demo-champion",
      community: community.id,
    });
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.getByRole("tab", { name: "Calendar" }).click();
    await page.getByRole("button", { name: "New ritual" }).click();
    const form = page.getByRole("dialog", { name: "New ritual" });
    const zone = form.getByRole("combobox", { name: "Time zone" });
    const before = await zone.inputValue();

    await zone.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Narnia/Cair_Paravel");
    await form.getByRole("option", { name: /No time zone matches/ }).waitFor();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await form.getByRole("textbox", { name: "Name" }).focus();

    expect(await zone.inputValue()).toBe(before);
    await context.close();
  });
});
