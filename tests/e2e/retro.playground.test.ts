import path from "node:path";
import { apiPaths, retroListResponseSchema, retroVerbs } from "@practice-hub/shared";
import type { Browser, Locator, Page } from "playwright-core";
import { demoCommunityId, demoTenantId } from "../../bot/src/local/demoIdentities";
import { startPlayground, type Playground } from "../../bot/src/local/playground";
import { createStore } from "../../bot/src/store";
import { apiClient, type ApiClient } from "../support/api";
import { startStack, type Stack } from "../support/stack";
import {
  assertTabBuilt,
  blockingViolations,
  launchBrowser,
  openTab,
  screenshot,
  screenshotDir,
} from "./support/browser";
import { e2eClock } from "./support/clock";

/** The General channel of the Playground's team (.m365agentsplayground.yml). */
const generalChannelId = "19:practice-hub-demo-general@thread.tacv2";
const ben = { id: "29:demo-member", name: "Ben Member", aadObjectId: "demo-member" };

let stack: Stack;
let playground: Playground;
let browser: Browser;
let api: ApiClient;
/** Where the Playground receives the bot's messages, read from a stored conversation reference. */
let serviceUrl = "";

beforeAll(async () => {
  assertTabBuilt();
  stack = await startStack({
    now: e2eClock,
    extraConfig: { MicrosoftAppId: "", JOBS_TICK_SECONDS: 1 },
  });
  api = apiClient(stack);
  [playground, browser] = await Promise.all([
    startPlayground({ botEndpoint: `${stack.baseUrl}/api/messages`, port: 0 }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await stack?.stop();
});

function cards(page: Page, text: string | RegExp): Locator {
  return page.locator(".ac-adaptiveCard").filter({ hasText: text });
}

/** Posts "@Practice Hub <text>" as a new post in the open channel, choosing the mention. */
async function postMention(page: Page, text: string): Promise<void> {
  const input = page.getByRole("textbox").first();
  await input.click();
  await page.keyboard.type("@Pra");
  await page.getByRole("menuitem", { name: "Practice Hub" }).click();
  await page.keyboard.type(` ${text}`);
  await page.getByRole("button", { name: "Post" }).click();
}

/**
 * Ben presses a card button. The Playground fixes its current user when it starts, so the
 * second person acts through its "Mock an Activity" custom-activity endpoint: an Action.Execute
 * invoke in the same channel, from Ben's identity, exactly as Teams would send it.
 */
async function actAsBen(verb: string, data: Record<string, string>): Promise<void> {
  await sendAsBen({
    type: "invoke",
    name: "adaptiveCard/action",
    id: `ben-${verb}-${Date.now()}`,
    value: { action: { type: "Action.Execute", verb, data } },
  });
}

/** Sends an activity from Ben in the General channel through the Playground's custom activity. */
async function sendAsBen(fields: Record<string, unknown>): Promise<void> {
  const activity = {
    channelId: "msteams",
    serviceUrl,
    from: ben,
    recipient: { id: "00000000-0000-4000-8000-00000000b001", name: "Practice Hub" },
    conversation: {
      id: generalChannelId,
      conversationType: "channel",
      isGroup: true,
      tenantId: demoTenantId,
    },
    channelData: {
      tenant: { id: demoTenantId },
      team: { id: generalChannelId },
      channel: { id: generalChannelId },
    },
    ...fields,
  };
  const response = await fetch(new URL("/_internal/v1/customActivities", playground.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
  });
  expect(response.status).toBe(200);
}

async function latestRetro() {
  const response = await api.get(apiPaths.retros(demoCommunityId), { as: "demo-champion" });
  const list = retroListResponseSchema.parse(response.body);
  const retro = list.retros.find((item) => item.phase !== "closed");
  if (!retro) throw new Error("no open retro");
  return retro;
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("condition not met in time");
}

describe("a retro in a Playground team channel", () => {
  it("runs from the retro command to the summary card and the owner's personal card", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(playground.url);
    // Opening the Playground installs the app in Ana's personal chat: her reference is stored.
    await cards(page, "Welcome to Practice Hub").first().waitFor();
    await page.getByRole("treeitem", { name: "General" }).click();
    const store = createStore(stack.storageConnectionString);
    const personal = await store.conversationReferences.listForTenant({ tenantId: demoTenantId });
    serviceUrl = personal.find((reference) => reference.kind === "personal")?.serviceUrl ?? "";
    expect(serviceUrl).not.toBe("");

    // Ben is a member, not a champion or facilitator: he is told so, politely.
    await sendAsBen({
      type: "message",
      id: `ben-retro-${Date.now()}`,
      text: "<at>Practice Hub</at> retro",
      entities: [
        {
          type: "mention",
          text: "<at>Practice Hub</at>",
          mentioned: { id: "00000000-0000-4000-8000-00000000b001", name: "Practice Hub" },
        },
      ],
    });
    await page
      .getByText("Only the community's champions and facilitators can run a retro.")
      .first()
      .waitFor();

    await postMention(page, "retro");
    const retroCard = cards(page, "Retro: Collecting entries").first();
    await retroCard.waitFor();
    const retro = await latestRetro();
    const ids = { communityId: demoCommunityId, retroId: retro.id };

    // Ana answers on the card.
    await retroCard.getByLabel("Your entry").fill("Show and tell keeps us honest");
    await retroCard.getByRole("button", { name: "Add entry" }).click();
    await cards(page, /Keep\s*1 entry/)
      .first()
      .waitFor();

    // Ben answers too, anonymously, under "Drop".
    await actAsBen(retroVerbs.addEntry, {
      ...ids,
      promptId: "drop",
      text: "Status updates in the learning session",
      visibility: "anonymous",
    });
    await waitFor(async () => {
      const response = await api.get(apiPaths.retro(demoCommunityId, retro.id), {
        as: "demo-member",
      });
      return (response.body as { counts: Record<string, number> }).counts["drop"] === 1;
    });
    // The card shows the new count once it is refreshed by Ana's next press.
    const collecting = cards(page, "Retro: Collecting entries").first();
    await collecting.getByLabel("Your entry").fill("Rotating facilitators");
    await collecting.getByRole("button", { name: "Add entry" }).click();
    const counted = cards(page, /Keep\s*2 entries/).first();
    await counted.waitFor();
    await expect(counted.innerText()).resolves.toMatch(/Drop\s*1 entry/);
    await expect(counted.innerText()).resolves.not.toMatch(/Status updates/);
    await counted.screenshot({ path: path.join(screenshotDir, "retro-card-collecting.png") });

    // The facilitator moves on: group, then vote.
    await counted.getByRole("button", { name: "Stop collecting and group" }).click();
    const grouping = cards(page, "Retro: Grouping entries").first();
    await grouping.waitFor();
    await grouping.getByRole("button", { name: "Open the vote" }).click();
    const voting = cards(page, "Retro: Voting").first();
    await voting.waitFor();
    await voting.screenshot({ path: path.join(screenshotDir, "retro-card-voting.png") });

    const ballot = await api.get(apiPaths.retro(demoCommunityId, retro.id), {
      as: "demo-champion",
    });
    const items = (ballot.body as { voteItems: { target: string; title: string }[] }).voteItems;
    const statusUpdates = items.find((item) => item.title.startsWith("Status updates"));
    if (!statusUpdates) throw new Error("Ben's entry is not on the ballot");
    await actAsBen(retroVerbs.vote, { ...ids, target: statusUpdates.target });
    await voting.getByRole("combobox").click();
    await page.getByRole("option", { name: "Status updates in the learning session" }).click();
    await voting.getByRole("button", { name: "Vote", exact: true }).click();
    await cards(page, "2 votes cast so far").first().waitFor();

    await cards(page, "Retro: Voting")
      .first()
      .getByRole("button", { name: "Close the vote and decide" })
      .click();
    const deciding = cards(page, "Retro: Deciding actions").first();
    await deciding.waitFor();
    await expect(deciding.innerText()).resolves.toMatch(
      /Status updates in the learning session: 2 votes/,
    );

    // Actions are decided in the tab (here through its API): Ana owns one.
    const added = await api.post(`${apiPaths.retro(demoCommunityId, retro.id)}/actions`, {
      as: "demo-champion",
      body: {
        text: "Keep the learning session for learning, move status to a written update",
        owner: { id: "demo-champion" },
        dueDate: "2030-03-31",
        escalate: true,
        submissionKey: "e2e-owner-card-action",
      },
    });
    expect(added.status).toBe(201);
    await deciding.getByRole("button", { name: "Close the retro" }).click();

    const summary = cards(page, "Retro summary").first();
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toMatch(
      /Status updates in the learning session\s*2 votes/,
    );
    await expect(summary.innerText()).resolves.toMatch(
      /move status to a written update: Ana Champion, due 2030-03-31/,
    );
    await summary.screenshot({ path: path.join(screenshotDir, "retro-card-summary.png") });
    await screenshot(page, "retro-playground-channel");

    // The owner's personal card arrives through the delivery backbone.
    await page.getByText("Personal Chat").first().click();
    const ownerCard = cards(page, "You own a retro action").first();
    await ownerCard.waitFor({ timeout: 60_000 });
    await ownerCard.screenshot({ path: path.join(screenshotDir, "retro-card-owner.png") });
    await ownerCard.getByRole("button", { name: "Done", exact: true }).click();
    await cards(page, "Marked done").first().waitFor();
    await context.close();

    // The same retro, with its action, is in the tab.
    const tab = await openTab(browser, stack.baseUrl, {
      as: "demo-member",
      community: demoCommunityId,
    });
    await tab.page.getByRole("tab", { name: "Retros" }).click();
    await tab.page.getByRole("button", { name: `Open ${retro.title}` }).click();
    await tab.page.getByText("Keep the learning session for learning").first().waitFor();
    await screenshot(tab.page, "retro-tab-closed");
    await expect(blockingViolations(tab.page)).resolves.toEqual([]);
    await tab.page.getByRole("button", { name: "Back to retros" }).click();
    await tab.page.getByTestId("pulse-chart").waitFor();
    await screenshot(tab.page, "retro-tab-history");
    await expect(blockingViolations(tab.page)).resolves.toEqual([]);
    await tab.context.close();
  });

  it("lets the facilitator group entries into themes in the tab with the keyboard alone", async () => {
    const started = await api.post<{ id: string }>(apiPaths.retros(demoCommunityId), {
      as: "demo-champion",
      body: { format: "keepDropAdd", title: "Grouping by keyboard" },
    });
    const retroId = started.body.id;
    for (const text of ["Too many meetings", "Meetings start late"]) {
      await api.post(`${apiPaths.retro(demoCommunityId, retroId)}/entries`, {
        as: "demo-member",
        body: { promptId: "drop", text, submissionKey: `kbd-${text.replace(/\W/g, "")}` },
      });
    }
    await api.post(`${apiPaths.retro(demoCommunityId, retroId)}/phase`, {
      as: "demo-champion",
      body: { to: "group" },
    });
    const { context, page } = await openTab(browser, stack.baseUrl, {
      as: "demo-champion",
      community: demoCommunityId,
    });
    await page.getByRole("tab", { name: "Retros" }).click();
    await page.getByRole("button", { name: "Open Grouping by keyboard" }).click();

    await page.getByLabel("New theme").focus();
    await page.keyboard.type("Meetings");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    for (const text of ["Too many meetings", "Meetings start late"]) {
      await page.getByLabel(`Theme for: ${text}`).focus();
      await page.keyboard.press("ArrowDown");
    }
    await page.getByRole("button", { name: "Save themes" }).focus();
    await page.keyboard.press("Enter");

    await page.getByTestId("announcer").filter({ hasText: "Themes saved" }).waitFor();
    const saved = await api.get(apiPaths.retro(demoCommunityId, retroId), { as: "demo-champion" });
    expect((saved.body as { themes: { title: string; entryIds: string[] }[] }).themes).toEqual([
      { id: "t1", title: "Meetings", entryIds: expect.arrayContaining([expect.any(String)]) },
    ]);
    expect((saved.body as { themes: { entryIds: string[] }[] }).themes[0]?.entryIds).toHaveLength(
      2,
    );
    await screenshot(page, "retro-tab-grouping");
    await expect(blockingViolations(page)).resolves.toEqual([]);
    await context.close();
  });

  it("shows the canvas purpose, keeps a grouping someone else overtook, and adds one action per double click", async () => {
    const retroPath = (retroId: string, rest = "") =>
      `${apiPaths.retro(demoCommunityId, retroId)}${rest}`;
    const started = await api.post<{ id: string }>(apiPaths.retros(demoCommunityId), {
      as: "demo-champion",
      body: { format: "quarterly", title: "Quarter in the tab" },
    });
    const retroId = started.body.id;
    const entryIds: string[] = [];
    for (const text of ["Office hours work", "Too few newcomers"]) {
      const added = await api.post<{ entryId: string }>(retroPath(retroId, "/entries"), {
        as: "demo-member",
        body: { promptId: "keep-doing", text, submissionKey: `tab-${text.replace(/\W/g, "")}` },
      });
      entryIds.push(added.body.entryId);
    }
    const grouping = await api.post<{ etag: string }>(retroPath(retroId, "/phase"), {
      as: "demo-champion",
      body: { to: "group" },
    });
    const { context, page } = await openTab(browser, stack.baseUrl, {
      as: "demo-champion",
      community: demoCommunityId,
    });
    await page.getByRole("tab", { name: "Retros" }).click();
    await page.getByRole("button", { name: "Open Quarter in the tab" }).click();

    // The purpose question is read against the purpose written on the canvas.
    await expect(page.getByTestId("canvas-purpose").innerText()).resolves.toMatch(
      /^Our purpose on the canvas:\s*We help product managers/,
    );

    // The facilitator groups one entry while someone else saves a theme for the other.
    await page.getByLabel("New theme").fill("Mine");
    await page.getByRole("button", { name: "Add theme" }).click();
    await page.getByLabel("Theme for: Office hours work").selectOption({ label: "Mine" });
    const theirs = await api.put(retroPath(retroId, "/themes"), {
      as: "demo-champion",
      headers: { "if-match": grouping.body.etag },
      body: { themes: [{ id: "theirs", title: "Theirs", entryIds: [entryIds[1]] }] },
    });
    expect(theirs.status).toBe(200);
    await page.getByRole("button", { name: "Save themes" }).click();
    await page.getByText("Their new themes were added: Theirs.").first().waitFor();
    await page.getByRole("button", { name: "Save themes" }).click();
    await page.getByTestId("announcer").filter({ hasText: "Themes saved" }).waitFor();
    const saved = await api.get<{ themes: { title: string; entryIds: string[] }[] }>(
      retroPath(retroId),
      { as: "demo-champion" },
    );
    expect(saved.body.themes.map(({ title, entryIds: ids }) => ({ title, ids }))).toEqual([
      { title: "Mine", ids: [entryIds[0]] },
      { title: "Theirs", ids: [entryIds[1]] },
    ]);

    // A double click on "Add action" stores one action.
    await page.getByRole("button", { name: "Open the vote" }).click();
    await page.getByRole("button", { name: "Close the vote and decide" }).click();
    await page.getByLabel("What will be done").fill("Pair each newcomer with a buddy");
    await page.getByLabel("Owner").selectOption({ label: "Ben Member" });
    await page.getByLabel("Due date").fill("2030-06-30");
    await page.getByRole("button", { name: "Add action" }).dblclick();
    await page.getByTestId("announcer").filter({ hasText: "Action added" }).waitFor();
    await expect(page.getByLabel("What will be done").inputValue()).resolves.toBe("");
    const decided = await api.get<{ actions: { text: string; owner: { displayName: string } }[] }>(
      retroPath(retroId),
      { as: "demo-champion" },
    );
    expect(decided.body.actions).toEqual([
      expect.objectContaining({
        text: "Pair each newcomer with a buddy",
        owner: { id: "demo-member", displayName: "Ben Member" },
      }),
    ]);
    await screenshot(page, "retro-tab-deciding");
    await context.close();
  });
});
