import type { Browser, Page } from "playwright-core";
import { startStack, type DemoPerson, type Stack } from "../support/stack";
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

async function openArea(
  as: DemoPerson,
  area: "Library" | "People" | "Health",
  theme: "default" | "dark" = "default",
) {
  const opened = await openTab(browser, stack.baseUrl, { as, theme });
  await opened.page.getByRole("tab", { name: area }).click();
  return opened;
}

async function waitForResource(page: Page, title: string) {
  await page.getByRole("link", { name: title }).waitFor();
}

describe("the library in the tab", () => {
  const title = "Pairing on discovery interviews";

  it("takes a member's suggestion, which a curator approves into the next digest", async () => {
    const member = await openArea("demo-member", "Library");
    await member.page.getByRole("button", { name: "Suggest a resource" }).click();
    const form = member.page.getByRole("form", { name: "Suggest a resource" });
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Web address").fill("https://example.com/pairing-on-interviews");
    await form.getByLabel("Why is it worth everyone's time?").fill("Two interviewers notice more.");
    await form.getByLabel("Tags").fill("discovery, research");
    await form.getByRole("button", { name: "Suggest" }).click();
    await member.page.getByText("your suggestion is with the curators").first().waitFor();
    await member.context.close();

    const curator = await openArea("demo-champion", "Library");
    await waitForResource(curator.page, title);
    const card = curator.page.getByRole("group", { name: title });
    await card.getByRole("button", { name: "Approve" }).click();
    // The same words go to the screen reader announcer, so take the visible message bar.
    await curator.page.getByText("Approved: it now shows to everyone").first().waitFor();
    await screenshot(curator.page, "library-curator-light");
    await curator.context.close();

    const head = await openArea("demo-head", "Health");
    const preview = head.page.getByRole("region", { name: "Preview of your weekly digest" });
    await preview.getByText(title).waitFor();
    await screenshot(head.page, "health-digest-light");
    await head.context.close();
  });

  it("points out a page that is already in the library instead of adding it twice", async () => {
    const { context, page } = await openArea("demo-member", "Library");
    await page.getByRole("button", { name: "Suggest a resource" }).click();
    const form = page.getByRole("form", { name: "Suggest a resource" });
    await form.getByLabel("Title").fill("Same page again");
    await form.getByLabel("Web address").fill("https://www.example.com/library/one-page-strategy/");
    await form.getByLabel("Why is it worth everyone's time?").fill("I liked it.");
    await form.getByRole("button", { name: "Suggest" }).click();

    await page.getByText("This page is already in the library as").waitFor();
    await context.close();
  });

  it("filters resources by search text and section", async () => {
    const { context, page } = await openArea("demo-member", "Library");
    await waitForResource(page, "Opportunity solution tree template");

    await page.getByRole("searchbox").fill("strategy");

    await waitForResource(page, "Writing a one-page product strategy");
    expect(
      await page.getByRole("link", { name: "Opportunity solution tree template" }).count(),
    ).toBe(0);
    await context.close();
  });
});

describe("screenshots in the dark theme", () => {
  it("renders the library, people and health pages with no serious accessibility violations", async () => {
    for (const [as, area] of [
      ["demo-champion", "Library"],
      ["demo-champion", "People"],
      ["demo-head", "Health"],
    ] as const) {
      const { context, page } = await openArea(as, area, "dark");
      await page.getByRole("heading", { level: 2 }).first().waitFor();
      if (area === "Health") {
        await page
          .getByRole("region", { name: "Preview of your weekly digest" })
          .getByText("Your weekly community digest")
          .waitFor();
      }
      if (area === "People") await page.getByRole("table").waitFor();
      if (area === "Library") await waitForResource(page, "Opportunity solution tree template");
      await screenshot(page, `${area.toLowerCase()}-dark`);
      expect(await blockingViolations(page)).toEqual([]);
      await context.close();
    }
    const { context, page } = await openArea("demo-champion", "People");
    await page.getByRole("table").waitFor();
    await screenshot(page, "people-light");
    await context.close();

    const champion = await openArea("demo-champion", "Health");
    await champion.page
      .getByRole("region", { name: "Preview of the members' digest of Product Management" })
      .getByText("This week in our community")
      .waitFor();
    await champion.page.getByRole("button", { name: "Send to the channel now" }).waitFor();
    await screenshot(champion.page, "health-champion-light");
    await champion.context.close();
  });
});
