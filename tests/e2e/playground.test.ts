import path from "node:path";
import { TableClient } from "@azure/data-tables";
import type { Browser, Locator, Page } from "playwright-core";
import { startPlayground, type Playground } from "../../bot/src/local/playground";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createConversationReferenceRepository } from "../../bot/src/store/conversationReferenceRepository";
import { tableNames } from "../../bot/src/store/tables";
import type { ConversationReferenceStore } from "../../bot/src/teams/conversationReferences";
import { startStack, type Stack } from "../support/stack";
import { launchBrowser, screenshot, screenshotDir } from "./support/browser";
import { e2eClock } from "./support/clock";

/** Conversation ids from .m365agentsplayground.yml. */
const personalChatId = "a:practice-hub-demo-personal-chat";
const teamId = "19:practice-hub-demo-general@thread.tacv2";

describe("the bot in the Agents Playground", () => {
  let stack: Stack;
  let playground: Playground;
  let browser: Browser;
  let references: ConversationReferenceStore;

  beforeAll(async () => {
    stack = await startStack({ now: e2eClock, extraConfig: { MicrosoftAppId: "" } });
    playground = await startPlayground({ botEndpoint: `${stack.baseUrl}/api/messages`, port: 0 });
    browser = await launchBrowser();
    references = createConversationReferenceRepository(
      TableClient.fromConnectionString(
        stack.storageConnectionString,
        tableNames.conversationReferences,
        {
          allowInsecureConnection: true,
        },
      ),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await stack?.stop();
  });

  /** A fresh Playground page: opening it installs the app in the personal chat. */
  async function openPlayground(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(playground.url);
    return page;
  }

  function cards(page: Page, text: string): Locator {
    return page.locator(".ac-adaptiveCard").filter({ hasText: text });
  }

  it("shows the welcome card when the app is installed in the personal chat", async () => {
    const page = await openPlayground();

    const welcome = cards(page, "Welcome to Practice Hub").first();
    await welcome.waitFor();

    await expect(welcome.innerText()).resolves.toMatch(/community of practice a home/);
    await expect(welcome.innerText()).resolves.toMatch(/Type help at any time/);
    await expect(welcome.getByLabel("Open Practice Hub").count()).resolves.toBe(1);
    await screenshot(page, "playground-welcome");
    await welcome.screenshot({ path: path.join(screenshotDir, "playground-welcome-card.png") });
    await page.context().close();
  });

  it("answers help with the help card", async () => {
    const page = await openPlayground();
    await cards(page, "Welcome to Practice Hub").first().waitFor();

    const input = page.getByRole("textbox");
    await input.fill("help");
    await input.press("Enter");

    const help = cards(page, "Shows this list").first();
    await help.waitFor();
    await expect(help.innerText()).resolves.toMatch(/^What I can do/);
    await screenshot(page, "playground-help");
    await page.context().close();
  });

  it("answers text it does not understand with a hint to type help", async () => {
    const page = await openPlayground();
    await cards(page, "Welcome to Practice Hub").first().waitFor();

    const input = page.getByRole("textbox");
    await input.fill("what's on this week?");
    await input.press("Enter");

    await page.getByText("Sorry, I didn't catch that.").first().waitFor();
    await page.context().close();
  });

  it("stores the personal chat's conversation reference for the demo tenant and person", async () => {
    const page = await openPlayground();
    await cards(page, "Welcome to Practice Hub").first().waitFor();

    const stored = await references.find({
      tenantId: demoTenantId,
      conversationId: personalChatId,
    });

    expect(stored).toMatchObject({ kind: "personal", aadObjectId: "demo-champion" });
    expect(JSON.parse(stored?.reference ?? "{}")).toMatchObject({
      conversation: { id: personalChatId },
      serviceUrl: expect.stringContaining("localhost"),
    });
    await page.context().close();
  });

  it("welcomes the team and stores its reference when installed from Mock an Activity", async () => {
    const page = await openPlayground();
    await cards(page, "Welcome to Practice Hub").first().waitFor();
    await page.getByRole("treeitem", { name: "General" }).click();
    const teamWelcomes = cards(page, "Mention me with help");
    await teamWelcomes.first().waitFor();
    const before = await teamWelcomes.count();

    await page.getByText("Mock an Activity").click();
    await page.getByText("Install application", { exact: true }).click();
    // The Playground shows the activity it will send and waits for a confirmation.
    await page.getByRole("button", { name: "Send activity" }).click();

    await teamWelcomes.nth(before).waitFor();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await screenshot(page, "playground-team-welcome");
    await expect(
      references.find({ tenantId: demoTenantId, conversationId: teamId }),
    ).resolves.toMatchObject({
      kind: "channel",
      teamId,
      channelId: teamId,
    });
    await page.context().close();
  });
});
