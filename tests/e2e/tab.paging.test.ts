import { apiPaths, pageSizes } from "@practice-hub/shared";
import type { Browser } from "playwright-core";
import { apiClient, type ApiClient } from "../support/api";
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
let api: ApiClient;
let browser: Browser;

beforeAll(async () => {
  assertTabBuilt();
  [stack, browser] = await Promise.all([
    startStack({ now: e2eClock, extraConfig: { JOBS_ENABLED: false } }),
    launchBrowser(),
  ]);
  api = apiClient(stack);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it("shows a large community's people a page at a time, and the rest after Show more", async () => {
  const community = await communityFactory(api);
  const added = pageSizes.people.size + 4;
  for (let start = 0; start < added; start += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, added - start) }, async (_, offset) => {
        const index = String(start + offset).padStart(3, "0");
        const response = await api.post(apiPaths.people(community.id), {
          as: "demo-champion",
          body: { userId: `paged-${community.id}-${index}`, displayName: `Paged Person ${index}` },
        });
        if (response.status !== 201) throw new Error(`not added: ${response.status}`);
      }),
    );
  }
  const { context, page } = await openTab(browser, stack.baseUrl, {
    as: "demo-champion",
    community: community.id,
  });
  await page.getByRole("tab", { name: "People" }).click();
  const rows = page.getByRole("table", { name: "Members and their roles" }).getByRole("row");
  await rows.nth(pageSizes.people.size).waitFor();

  // A header row and one page of members, then everyone (the champion too) after Show more.
  expect(await rows.count()).toBe(pageSizes.people.size + 1);
  const more = page.getByRole("button", { name: "Show more people" });
  expect(await blockingViolations(page)).toEqual([]);
  await more.click();
  await rows.nth(added + 1).waitFor();
  expect(await rows.count()).toBe(added + 2);
  await more.waitFor({ state: "detached" });
  await screenshot(page, "people-after-show-more");

  // A search by the start of a name, then everyone again.
  await page
    .getByRole("searchbox", { name: "Find people by the start of their name" })
    .fill("paged person 05");
  await page.getByRole("button", { name: "Find", exact: true }).click();
  // A header row and the four people named "Paged Person 050" to "053".
  await rows.nth(5).waitFor({ state: "detached" });
  expect(await rows.count()).toBe(5);
  expect(await blockingViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Show everyone" }).click();
  await rows.nth(pageSizes.people.size).waitFor();
  await context.close();
});
