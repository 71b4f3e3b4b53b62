import type { Browser } from "playwright-core";
import { apiPaths, ritualsResponseSchema, ritualSchema, type Ritual } from "@practice-hub/shared";
import { demoCommunityId } from "../../bot/src/local/demoIdentities";
import { apiClient } from "../support/api";
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

  it("lets a champion edit a ritual's schedule and reminders, survive a stale edit, and delete it by keyboard", async () => {
    const api = apiClient(stack);
    const suffix = Math.random().toString(36).slice(2, 8);
    const created = await api.post(apiPaths.rituals(demoCommunityId), {
      as: "demo-champion",
      body: {
        name: `Book club ${suffix}`,
        schedule: {
          startDate: "2026-01-05",
          startTime: "12:00",
          durationMinutes: 45,
          timeZone: "Europe/London",
          recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
          until: null,
        },
      },
    });
    const ritual = ritualSchema.parse(created.body);
    const current = async (): Promise<Ritual | undefined> =>
      ritualsResponseSchema
        .parse((await api.get(apiPaths.rituals(demoCommunityId), { as: "demo-champion" })).body)
        .rituals.find((r) => r.id === ritual.id);

    const { context, page } = await openTab(browser, stack.baseUrl, {
      as: "demo-champion",
      community: demoCommunityId,
    });
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.getByRole("tab", { name: "Calendar" }).click();
    const rituals = page.getByRole("region", { name: "Rituals" });

    // Edit: a new name, Thursdays, and a reminder an hour before instead of 15 minutes before.
    await rituals.getByRole("button", { name: `Edit ${ritual.name}` }).click();
    const form = page.getByRole("dialog", { name: `Edit ${ritual.name}` });
    await form.getByRole("textbox", { name: "Name" }).fill(`Reading circle ${suffix}`);
    await form.getByRole("combobox", { name: "Weekday" }).selectOption("TH");
    await form.getByRole("checkbox", { name: "1 h before" }).check();
    await form.getByRole("checkbox", { name: "15 min before" }).uncheck();
    expect(await blockingViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Save changes" }).click();
    await rituals.getByText(`Reading circle ${suffix}`).waitFor();
    const edited = await current();
    expect(edited?.schedule.recurrence).toEqual({ kind: "weekly", interval: 1, weekday: "TH" });
    expect(edited?.reminderOffsetsMinutes).toEqual([1440, 60]);

    // Stale: someone renames it while the form is open; saving says so, keeps what was typed,
    // names where it differs from their version, and a second save keeps the typed name.
    await rituals.getByRole("button", { name: `Edit Reading circle ${suffix}` }).click();
    await page.getByRole("dialog", { name: `Edit Reading circle ${suffix}` }).waitFor();
    // The title follows the saved version once the form shows it, so find the form by role.
    const again = page.getByRole("dialog");
    const elsewhere = await api.put(apiPaths.ritual(demoCommunityId, ritual.id), {
      as: "demo-champion",
      headers: { "if-match": edited?.etag ?? "" },
      body: { ...edited, name: `Renamed elsewhere ${suffix}` },
    });
    expect(elsewhere.status).toBe(200);
    await again.getByRole("textbox", { name: "Name" }).fill(`Kept name ${suffix}`);
    await again.getByRole("button", { name: "Save changes" }).click();
    await again.getByText(/Someone changed Renamed elsewhere .* while you were editing/).waitFor();
    expect(await again.getByRole("textbox", { name: "Name" }).inputValue()).toBe(
      `Kept name ${suffix}`,
    );
    const differences = again.getByRole("list", {
      name: "Where your changes differ from the saved version",
    });
    expect(await differences.getByRole("listitem").allInnerTexts()).toEqual([
      `Name: saved 'Renamed elsewhere ${suffix}', yours 'Kept name ${suffix}'`,
    ]);
    expect(await blockingViolations(page)).toEqual([]);
    await again.getByRole("button", { name: "Save changes" }).click();
    await again.waitFor({ state: "detached" });
    await rituals.getByText(`Kept name ${suffix}`).waitFor();
    const merged = await current();
    expect(merged?.name).toBe(`Kept name ${suffix}`);
    expect(merged?.schedule.recurrence).toEqual({ kind: "weekly", interval: 1, weekday: "TH" });

    // Delete, by keyboard, after confirming.
    await rituals.getByRole("button", { name: `Delete Kept name ${suffix}` }).focus();
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("dialog", { name: `Delete Kept name ${suffix}?` });
    await confirm.getByRole("button", { name: "Delete ritual" }).focus();
    await page.keyboard.press("Enter");
    await confirm.waitFor({ state: "detached" });
    await page
      .getByRole("region", { name: "Rituals" })
      .getByText(`Kept name ${suffix}`)
      .waitFor({ state: "detached" });
    expect(await current()).toBeUndefined();
    await context.close();
  });
});
