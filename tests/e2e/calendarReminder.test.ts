import { randomUUID } from "node:crypto";
import { apiPaths, wallClockOf, type Ritual } from "@practice-hub/shared";
import type { Browser, Locator, Page } from "playwright-core";
import { createJobs } from "../../bot/src/jobs";
import { createReminderSource } from "../../bot/src/jobs/reminders";
import { demoCommunityId, demoTenantId } from "../../bot/src/local/demoIdentities";
import { startPlayground, type Playground } from "../../bot/src/local/playground";
import { createLogger } from "../../bot/src/logger";
import { createStore, type Store } from "../../bot/src/store";
import { createProactiveSender } from "../../bot/src/teams/proactiveSender";
import { apiClient } from "../support/api";
import { startStack, type Stack } from "../support/stack";
import { assertTabBuilt, launchBrowser, openTab, screenshot } from "./support/browser";
import { e2eClock } from "./support/clock";

/** The team's General channel in .m365agentsplayground.yml. */
const channelId = "19:practice-hub-demo-general@thread.tacv2";

let stack: Stack;
let playground: Playground;
let browser: Browser;
let store: Store;

beforeAll(async () => {
  assertTabBuilt();
  stack = await startStack({ now: e2eClock, extraConfig: { MicrosoftAppId: "" } });
  [playground, browser] = await Promise.all([
    startPlayground({ botEndpoint: `${stack.baseUrl}/api/messages`, port: 0 }),
    launchBrowser(),
  ]);
  store = createStore(stack.storageConnectionString);
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await stack?.stop();
});

function cards(page: Page, text: string): Locator {
  return page.locator(".ac-adaptiveCard").filter({ hasText: text });
}

/** Installs the app in the Playground's team, so the bot stores the channel's reference. */
async function installInTeam(page: Page): Promise<void> {
  await cards(page, "Welcome to Practice Hub").first().waitFor();
  await page.getByRole("treeitem", { name: "General" }).click();
  await page.getByText("Mock an Activity").click();
  await page.getByText("Install application", { exact: true }).click();
  await page.getByRole("button", { name: "Send activity" }).click();
  await page.getByRole("dialog").waitFor({ state: "hidden" });
  await cards(page, "Mention me with help").first().waitFor();
}

/** A one-off ritual a day and ten minutes from now, created in the API as the champion. */
async function ritualTomorrow(name: string): Promise<{ ritual: Ritual; start: Date }> {
  const start = new Date(e2eClock().getTime() + (24 * 60 + 10) * 60_000);
  const local = wallClockOf(start, "Europe/London");
  const response = await apiClient(stack).post<Ritual>(apiPaths.rituals(demoCommunityId), {
    as: "demo-champion",
    body: {
      name,
      schedule: {
        startDate: local.date,
        startTime: local.time,
        durationMinutes: 30,
        timeZone: "Europe/London",
        recurrence: { kind: "once" },
        until: null,
      },
    },
  });
  if (response.status !== 201) throw new Error(`ritual not created: ${response.status}`);
  return { ritual: response.body, start };
}

/**
 * Runs the reminder source over the minute in which the 24-hour reminder falls and queues what
 * it finds; the service's own workers (the stack runs the jobs) send it to the channel.
 */
async function sendDayBeforeReminder(ritual: Ritual, start: Date): Promise<void> {
  const logger = createLogger(stack.config);
  const source = createReminderSource({ store, tabUrl: `${stack.baseUrl}/`, logger });
  const dueAt = start.getTime() - 24 * 60 * 60_000;
  const due = await source.due({ since: new Date(dueAt - 60_000), now: new Date(dueAt) });
  const jobs = createJobs({
    config: stack.config,
    store,
    logger,
    sender: createProactiveSender({ config: stack.config, logger }),
    sources: [],
    now: e2eClock,
  });
  for (const delivery of due.filter((d) => d.key.includes(ritual.id))) {
    await jobs.enqueueDelivery(delivery);
  }
}

it("takes an RSVP from the reminder card in the channel and shows the count in the tab", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(playground.url);
  await installInTeam(page);
  await store.channelLinks.link({
    tenantId: demoTenantId,
    communityId: demoCommunityId,
    conversationId: channelId,
    linkedAt: e2eClock().toISOString(),
    linkedBy: "demo-champion",
    teamId: null,
  });
  const name = `Discovery clinic ${randomUUID().slice(0, 6)}`;
  const { ritual, start } = await ritualTomorrow(name);

  await sendDayBeforeReminder(ritual, start);
  const reminder = cards(page, name).last();
  await reminder.waitFor();
  await reminder.getByRole("button", { name: "Going (0)", exact: true }).click();
  await reminder.getByRole("button", { name: "Going (1)", exact: true }).waitFor();
  await screenshot(page, "calendar-reminder-playground");
  await context.close();

  const tab = await openTab(browser, stack.baseUrl, {
    as: "demo-champion",
    community: demoCommunityId,
  });
  await tab.page.getByRole("tab", { name: "Calendar" }).click();
  await tab.page.getByRole("tab", { name: "Agenda" }).click();
  // A day's list item holds every session of that day; the one without a nested list is the session.
  const row = tab.page
    .getByRole("listitem")
    .filter({ hasText: name })
    .filter({ hasNot: tab.page.getByRole("list") });
  await row.getByText("1 going").waitFor();
  await screenshot(tab.page, "calendar-reminder-count-tab");
  await tab.context.close();
});
