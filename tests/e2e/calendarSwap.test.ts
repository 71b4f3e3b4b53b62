import { randomUUID } from "node:crypto";
import { apiPaths, wallClockOf, type Ritual } from "@practice-hub/shared";
import type { Browser, Page } from "playwright-core";
import { demoCommunityId } from "../../bot/src/local/demoIdentities";
import { apiClient, type ApiClient } from "../support/api";
import { startStack, type Stack } from "../support/stack";
import {
  assertTabBuilt,
  blockingViolations,
  launchBrowser,
  openTab,
  screenshot,
} from "./support/browser";
import { e2eClock } from "./support/clock";

// The service and the tab share one clock that starts at a fixed instant (./support/clock.ts):
// "two days from now" is then the same weekday of the same week and month on every run.
let stack: Stack;
let browser: Browser;
let api: ApiClient;

beforeAll(async () => {
  assertTabBuilt();
  [stack, browser] = await Promise.all([startStack({ now: e2eClock }), launchBrowser()]);
  api = apiClient(stack);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A one-off ritual two days from now with the champion, then the member, volunteering. */
async function ritualWithTwoVolunteers(name: string): Promise<Ritual> {
  const local = wallClockOf(new Date(e2eClock().getTime() + 2 * 24 * 60 * 60_000), "Europe/London");
  const response = await api.post<Ritual>(apiPaths.rituals(demoCommunityId), {
    as: "demo-champion",
    body: {
      name,
      schedule: {
        startDate: local.date,
        startTime: "12:00",
        durationMinutes: 30,
        timeZone: "Europe/London",
        recurrence: { kind: "once" },
        until: null,
      },
    },
  });
  if (response.status !== 201) throw new Error(`ritual not created: ${response.status}`);
  for (const person of ["demo-champion", "demo-member"] as const) {
    await api.put(apiPaths.ritualVolunteer(demoCommunityId, response.body.id), {
      as: person,
      body: {},
    });
  }
  return response.body;
}

/** Opens the agenda and the details of the session named `name`. */
async function openSession(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name: "Calendar" }).click();
  await page.getByRole("heading", { name: "Ritual calendar" }).waitFor();
  await page.getByRole("tab", { name: "Agenda" }).click();
  await page
    .getByRole("listitem")
    .filter({ hasText: name })
    .last()
    .getByRole("button", { name: "Details" })
    .click();
  await page.getByRole("dialog").waitFor();
}

it("lets the facilitator ask for a swap and another volunteer take the session", async () => {
  const name = `Swap clinic ${randomUUID().slice(0, 6)}`;
  await ritualWithTwoVolunteers(name);

  const champion = await openTab(browser, stack.baseUrl, {
    as: "demo-champion",
    community: demoCommunityId,
  });
  await openSession(champion.page, name);
  // Already volunteering: the button to volunteer is gone.
  expect(
    await champion.page
      .getByRole("button", { name: "Volunteer to facilitate this ritual" })
      .count(),
  ).toBe(0);
  await champion.page.getByRole("button", { name: "I can't make it: ask for a swap" }).click();
  await champion.page
    .getByRole("dialog")
    .getByText("Looking for a swap: Ana Champion can't make it.")
    .waitFor();
  await champion.context.close();

  const member = await openTab(browser, stack.baseUrl, {
    as: "demo-member",
    community: demoCommunityId,
  });
  await member.page.getByRole("tab", { name: "Calendar" }).click();
  await member.page.getByRole("tab", { name: "Agenda" }).click();
  await member.page
    .getByRole("listitem")
    .filter({ hasText: name })
    .last()
    .getByText("Looking for a swap")
    .waitFor();
  await screenshot(member.page, "calendar-swap-agenda");
  await openSession(member.page, name);
  await screenshot(member.page, "calendar-swap-offer");
  await member.page.getByRole("button", { name: "Take this session" }).click();
  await member.page.getByRole("dialog").getByText("Ben Member runs this session.").waitFor();
  expect(await blockingViolations(member.page)).toEqual([]);
  await member.context.close();
});
