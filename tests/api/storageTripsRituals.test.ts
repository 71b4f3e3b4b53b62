import { apiPaths } from "@practice-hub/shared";
import { communityFactory } from "../support/factories";
import {
  ritualInputFactory,
  startCountingStack,
  type CountingStack,
} from "../support/storageTrips";

// DESIGN.md: at most 2 storage round trips for a read and 3 for a write, whatever the size. The
// ritual routes are asked in a community of 3 series and one of 30 (half the cap of 60).
let counting: CountingStack;
const communities: Record<"small" | "large", string> = { small: "", large: "" };

async function createRitual(communityId: string, index: number) {
  return counting.api.post(apiPaths.rituals(communityId), {
    as: "demo-champion",
    body: ritualInputFactory(index),
  });
}

beforeAll(async () => {
  counting = await startCountingStack();
  communities.small = (await communityFactory(counting.api)).id;
  communities.large = (await communityFactory(counting.api)).id;
  for (let index = 0; index < 30; index += 1) {
    if (index < 3) await createRitual(communities.small, index);
    await createRitual(communities.large, index);
  }
}, 120_000);

afterAll(async () => {
  await counting?.stack.stop();
});

const atBothSizes = (request: (communityId: string) => Promise<{ status: number }>) =>
  counting.atBothSizes(communities, request);

it("creates a ritual in 3 round trips with 3 series and with 30", async () => {
  let index = 100;
  const result = await atBothSizes((id) => createRitual(id, (index += 1)));

  expect(result.small.status).toBe(201);
  expect(result.large.status).toBe(201);
  expect(result.small.trips).toBe(3);
  expect(result.large.trips).toBe(3);
});

it("reads the series and the occurrences in the same round trips at both sizes", async () => {
  const rituals = await atBothSizes((id) =>
    counting.api.get(apiPaths.rituals(id), { as: "demo-champion" }),
  );
  const occurrences = await atBothSizes((id) =>
    counting.api.get(
      `${apiPaths.occurrences(id)}?from=2026-03-01T00:00:00Z&to=2026-06-08T00:00:00Z`,
      { as: "demo-champion" },
    ),
  );

  expect([rituals.small.status, occurrences.small.status]).toEqual([200, 200]);
  expect(rituals.large.trips).toBe(rituals.small.trips);
  expect(rituals.large.trips).toBeLessThanOrEqual(2);
  expect(occurrences.large.trips).toBe(occurrences.small.trips);
});
