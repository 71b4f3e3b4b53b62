import { apiPaths } from "@practice-hub/shared";
import { communityFactory } from "../support/factories";
import {
  printAndStop,
  walkBothSizes,
  type RecordingStack,
  type TripSize,
} from "../support/storageTrips";

// DESIGN.md: at most 2 storage round trips for a read and 3 for a write, whatever the size. The
// tenant-wide routes (who am I, the community list, digest settings) are asked with 5
// communities in the tenant, all of them the champion's, and again with 50.
let counting: RecordingStack;
const sizes: Record<TripSize, number> = { small: 5, large: 50 };
let made = 0;

async function walk(size: TripSize) {
  const { counted } = counting;
  let communityId = "";
  while (made < sizes[size]) {
    communityId = (await communityFactory(counting.api)).id;
    made += 1;
  }
  await counted("who am I", size, 200, () =>
    counting.api.get(apiPaths.me, { as: "demo-champion" }),
  );
  await counted("list communities", size, 200, () =>
    counting.api.get(apiPaths.communities, { as: "demo-head" }),
  );
  // Not linked to a channel: a 404, after the same reads as a linked one.
  await counted("read a community's channel", size, 404, () =>
    counting.api.get(apiPaths.communityChannel(communityId), { as: "demo-champion" }),
  );
  await counted("read digest settings", size, 200, () =>
    counting.api.get(apiPaths.digestSettings, { as: "demo-head" }),
  );
  await counted("save digest settings", size, 200, () =>
    counting.api.put(apiPaths.digestSettings, {
      as: "demo-head",
      body: { day: "tuesday", time: "08:30", timeZone: "Europe/London" },
    }),
  );
}

beforeAll(() => walkBothSizes((started) => (counting = started), walk), 180_000);

afterAll(() => printAndStop(counting));

it.each(["who am I", "list communities", "read a community's channel", "read digest settings"])(
  "%s: the same round trips at both sizes, at most 2",
  (name) => counting.expectConstant(name, 2),
);

it("saves digest settings in the same round trips at both sizes, at most 3", () => {
  counting.expectConstant("save digest settings", 3);
});
