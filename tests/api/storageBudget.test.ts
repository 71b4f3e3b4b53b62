import { apiPaths, type CanvasResponse } from "@practice-hub/shared";
import { apiClient, type ApiClient } from "../support/api";
import {
  communityFactory,
  communityRequestFactory,
  memberCommunityFactory,
  sectionContentFactory,
  writtenCanvasFactory,
} from "../support/factories";
import { startStack, type DemoPerson, type Stack } from "../support/stack";

// DESIGN.md budget: at most 2 storage round trips for a read and 3 for a write, whatever the
// size of the community. Counted by the store's round-trip hook, never timed.
let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;
let roundTrips = 0;

beforeAll(async () => {
  stack = await startStack({ onStorageRoundTrip: () => (roundTrips += 1) });
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
  await writtenCanvasFactory(api, ownCommunityId);
  // Tokens come from /api/dev/token, which does not touch storage; fetch them up front anyway.
  for (const person of ["demo-champion", "demo-member", "demo-head"] as const) {
    await api.get(apiPaths.me, { as: person });
  }
});

afterAll(async () => {
  await stack?.stop();
});

async function roundTripsOf(request: () => Promise<{ status: number }>) {
  roundTrips = 0;
  const response = await request();
  return { status: response.status, roundTrips };
}

// Paths are functions: the file's own community exists only once beforeAll has run.
const reads: [string, DemoPerson, () => string][] = [
  ["/api/me", "demo-champion", () => apiPaths.me],
  ["the community list of a head of profession", "demo-head", () => apiPaths.communities],
  ["the canvas of a member", "demo-member", () => apiPaths.canvas(ownCommunityId)],
  ["the canvas of a head of profession", "demo-head", () => apiPaths.canvas(ownCommunityId)],
  [
    "a page of history",
    "demo-head",
    () => `${apiPaths.canvasHistory(ownCommunityId)}?section=purpose&limit=1`,
  ],
];

it.each(reads)("reads %s in at most 2 storage round trips", async (_name, person, path) => {
  const result = await roundTripsOf(() => api.get(path(), { as: person }));

  expect(result.status).toBe(200);
  expect(result.roundTrips).toBeGreaterThan(0);
  expect(result.roundTrips).toBeLessThanOrEqual(2);
});

it("saves a section in at most 3 storage round trips, however long its history", async () => {
  const community = await communityFactory(api);
  const canvas = await api.get<CanvasResponse>(apiPaths.canvas(community.id), {
    as: "demo-champion",
  });
  let etag = canvas.body.sections[0]?.etag ?? "";
  const counts: number[] = [];
  for (let save = 0; save < 4; save += 1) {
    const result = await roundTripsOf(async () => {
      const response = await api.put<{ etag: string }>(
        apiPaths.canvasSection(community.id, "purpose"),
        {
          as: "demo-champion",
          headers: { "if-match": etag },
          body: { content: sectionContentFactory() },
        },
      );
      etag = response.body.etag;
      return response;
    });
    expect(result.status).toBe(200);
    counts.push(result.roundTrips);
  }

  expect(Math.max(...counts)).toBeLessThanOrEqual(3);
});

it("reviews the canvas in at most 3 storage round trips", async () => {
  const result = await roundTripsOf(() =>
    api.post(apiPaths.canvasReview(ownCommunityId), { as: "demo-champion" }),
  );

  expect(result.status).toBe(200);
  expect(result.roundTrips).toBeLessThanOrEqual(3);
});

// The one write above 3: a community's rows live in three tables that no transaction spans, and
// creating one also reads the tenant's count (the cap) and notes the creation for the sweeper, so
// a crash part-way leaves nothing visible (communityCreator). Still a constant.
it("creates a community in at most 5 storage round trips", async () => {
  const result = await roundTripsOf(() =>
    api.post(apiPaths.communities, { as: "demo-member", body: communityRequestFactory() }),
  );

  expect(result.status).toBe(201);
  expect(result.roundTrips).toBeLessThanOrEqual(5);
});
