import {
  apiPaths,
  canvasResponseSchema,
  communitiesResponseSchema,
  daysBetween,
  meResponseSchema,
  occurrencesResponseSchema,
} from "@practice-hub/shared";
import { demoCommunityId } from "../../bot/src/local/demoIdentities";
import { seedDemoData } from "../../bot/src/local/seed";
import { createStore } from "../../bot/src/store";
import { apiClient, type ApiClient } from "../support/api";
import { startStack, type Stack } from "../support/stack";

const seededAt = new Date("2026-03-10T12:00:00.000Z");
let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  stack = await startStack({ now: () => seededAt });
  api = apiClient(stack);
});

afterAll(async () => {
  await stack?.stop();
});

async function snapshot() {
  return {
    canvas: (await api.get(apiPaths.canvas(demoCommunityId), { as: "demo-champion" })).body,
    communities: (await api.get(apiPaths.communities, { as: "demo-head" })).body,
    me: (await api.get(apiPaths.me, { as: "demo-champion" })).body,
    history: (
      await api.get(`${apiPaths.canvasHistory(demoCommunityId)}?section=purpose`, {
        as: "demo-member",
      })
    ).body,
  };
}

it("seeds purpose, values and rituals, leaves the rest empty, and dates the review 40 days back", async () => {
  const canvas = canvasResponseSchema.parse(
    (await api.get(apiPaths.canvas(demoCommunityId), { as: "demo-member" })).body,
  );

  const filled = canvas.sections.filter((section) => section.content !== "").map((s) => s.id);
  expect(filled).toEqual(["purpose", "values", "rituals"]);
  expect(daysBetween(canvas.reviewedAt ?? "", seededAt)).toBe(40);
});

it("gives the head of profession two communities to look across", async () => {
  const list = communitiesResponseSchema.parse(
    (await api.get(apiPaths.communities, { as: "demo-head" })).body,
  );
  const me = meResponseSchema.parse((await api.get(apiPaths.me, { as: "demo-head" })).body);

  expect(list.communities.map((community) => community.name)).toEqual([
    "Product Management",
    "Service Design",
  ]);
  expect(me.tenantRoles).toEqual(["headOfProfession"]);
});

it("changes nothing when it runs again, not even ETags or dates", async () => {
  const before = await snapshot();
  const store = createStore(stack.storageConnectionString);

  await seedDemoData({ store, now: new Date("2026-06-01T08:00:00.000Z") });

  expect(await snapshot()).toEqual(before);
});

// Moved here from rituals.test.ts, whose other tests use a community of their own.
describe("demo data", () => {
  it("gives the demo community the starter rhythm with past attendance and upcoming sessions", async () => {
    const now = seededAt;
    const response = await api.get(
      `${apiPaths.occurrences(demoCommunityId)}?from=2026-02-01T00:00:00Z&to=2026-04-01T00:00:00Z`,
      { as: "demo-member" },
    );
    const result = occurrencesResponseSchema.parse(response.body);
    const seeded = result.occurrences.filter((o) => o.ritualId.startsWith("seed"));
    const past = seeded.filter((o) => o.start < now.toISOString());
    const upcoming = seeded.filter((o) => o.start >= now.toISOString());
    expect(new Set(seeded.map((o) => o.ritualName))).toEqual(
      new Set(["Office hours", "Show and tell", "Learning session"]),
    );
    expect(past.length).toBeGreaterThan(0);
    expect(past.every((o) => o.attendance !== null && o.facilitator !== null)).toBe(true);
    expect(upcoming.length).toBeGreaterThan(0);
    expect(upcoming.every((o) => o.facilitator?.source === "rotation")).toBe(true);
    expect(result.warnings.facilitationConcentrated).toBe(false);
  });
});
