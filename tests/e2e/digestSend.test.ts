import { apiPaths, digestSendResponseSchema } from "@practice-hub/shared";
import type { Browser } from "playwright-core";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore } from "../../bot/src/store";
import { conversationRowKey } from "../../bot/src/store/conversationReferenceRepository";
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

/** Monday 23 November 2026: the week never turns over between the page's calls. */
const now = new Date("2026-11-23T10:00:00.000Z");

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  assertTabBuilt();
  // Nothing sends here: a digest queued from the page stays on its way.
  [stack, browser] = await Promise.all([
    startStack({ now: () => now, extraConfig: { JOBS_ENABLED: false } }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it("shows a champion that this week's members' digest failed, and queues it again on Try again", async () => {
  const api = apiClient(stack);
  const store = createStore(stack.storageConnectionString);
  const community = await communityFactory(api, "demo-champion", { name: "Delivery Guild" });
  const channelId = "19:delivery-guild@thread.tacv2";
  await api.put(apiPaths.communityChannel(community.id), {
    as: "demo-champion",
    body: { channelId, teamId: channelId },
  });
  const { key } = digestSendResponseSchema.parse(
    (await api.get(apiPaths.digestSend(community.id), { as: "demo-champion" })).body,
  );
  // This week's post, as the worker leaves it when Teams refuses it for good.
  await store.deliveries.create({
    delivery: {
      key,
      tenantId: demoTenantId,
      conversationKey: conversationRowKey(channelId),
      card: {},
      summary: "Your weekly community digest",
    },
    now,
  });
  const record = await store.deliveries.find({ tenantId: demoTenantId, key });
  if (!record) throw new Error("expected the delivery record");
  await store.deliveries.markFailed({ record, reason: "400: BadArgument", now });

  const { context, page } = await openTab(browser, stack.baseUrl, {
    now,
    as: "demo-champion",
    community: community.id,
  });
  await page.getByRole("tab", { name: "Health" }).click();
  await page.getByText("This week's digest could not be posted").waitFor();
  await page.getByText("Teams answered: 400: BadArgument").waitFor();
  expect(await page.getByRole("button", { name: "Send to the channel now" }).count()).toBe(0);
  await screenshot(page, "health-digest-failed");
  expect(await blockingViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Try again" }).click();

  await page.getByText("This week's digest is on its way to the channel").first().waitFor();
  expect(await page.getByRole("button", { name: "Try again" }).count()).toBe(0);
  expect((await store.deliveries.find({ tenantId: demoTenantId, key }))?.state).toBe("pending");
  await screenshot(page, "health-digest-queued");
  await context.close();
});
