import path from "node:path";
import type { Browser } from "playwright-core";
import { startPlayground, type Playground } from "../../bot/src/local/playground";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore } from "../../bot/src/store";
import { startStack, type Stack } from "../support/stack";
import { launchBrowser, screenshot, screenshotDir } from "./support/browser";

/**
 * The service's clock starts ten seconds before Monday 09:00 UTC and is moved past it once the
 * personal chat exists, so the scheduler (ticking every second) finds the digest due.
 */
const beforeSlot = new Date("2026-11-23T08:59:50.000Z");
const afterSlot = new Date("2026-11-23T09:00:10.000Z");

describe("the weekly digest in the Agents Playground", () => {
  let clock = beforeSlot;
  let stack: Stack;
  let playground: Playground;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack({
      now: () => clock,
      extraConfig: { MicrosoftAppId: "", JOBS_TICK_SECONDS: 1 },
    });
    playground = await startPlayground({ botEndpoint: `${stack.baseUrl}/api/messages`, port: 0 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await stack?.stop();
  });

  it("arrives in the personal chat of a head of profession at their day and time", async () => {
    // The Playground's user is the demo champion: make them a head of profession who wants the
    // digest on Mondays at 09:00 UTC.
    const store = createStore(stack.storageConnectionString);
    await store.memberships.addTenantRoles({
      tenantId: demoTenantId,
      userId: "demo-champion",
      displayName: "Ana Champion",
      roles: ["headOfProfession"],
    });
    await store.digests.saveSettings({
      tenantId: demoTenantId,
      userId: "demo-champion",
      settings: {
        day: "monday",
        time: "09:00",
        timeZone: "UTC",
      },
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(playground.url);
    // Opening the Playground installs the app in the personal chat, which stores its reference.
    await page
      .locator(".ac-adaptiveCard")
      .filter({ hasText: "Welcome to Practice Hub" })
      .first()
      .waitFor();

    clock = afterSlot;

    const digest = page
      .locator(".ac-adaptiveCard")
      .filter({ hasText: "Your weekly community digest" })
      .first();
    await digest.waitFor({ timeout: 60_000 });
    await expect(digest.innerText()).resolves.toMatch(/Product Management/);
    await expect(digest.innerText()).resolves.toMatch(/Curated picks/);
    await screenshot(page, "playground-digest");
    await digest.screenshot({ path: path.join(screenshotDir, "playground-digest-card.png") });
    await context.close();
  });
});
