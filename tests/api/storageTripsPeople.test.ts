import { apiPaths, type PeopleChangesResponse, type PeopleResponse } from "@practice-hub/shared";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { tableNames } from "../../bot/src/store";
import { memberCommunityFactory } from "../support/factories";
import {
  inBatches,
  startCountingStack,
  storedJoins,
  type CountingStack,
} from "../support/storageTrips";

// DESIGN.md: a read costs the same storage round trips whatever the size of the community (and
// of the tenant). The People routes are asked in a community of 20 members and one of 200 (with
// 200 joins and leaves), in a tenant whose other communities hold hundreds more memberships.
let counting: CountingStack;
const communities: Record<"small" | "large", string> = { small: "", large: "" };
const sizes = { small: 20, large: 200 } as const;

/** `count` people added to a community straight into storage, with as many recorded joins. */
async function grow(communityId: string, count: number, label: string) {
  const people = Array.from({ length: count }, (_, index) => ({
    userId: `${label}-${String(index).padStart(4, "0")}`,
    // Names out of id order, so name order is what the page shows.
    displayName: `${String.fromCharCode(97 + ((index * 7) % 26))}${label} person ${index}`,
  }));
  await inBatches(people, 45, (batch) =>
    counting.store.memberships.changeCommunityMemberships({
      tenantId: demoTenantId,
      communityId,
      put: batch.map((person) => ({
        ...person,
        roles: ["member"],
        leftTeamAt: null,
        expectedEtag: null,
      })),
    }),
  );
  await storedJoins(counting.store, communityId, people);
}

beforeAll(async () => {
  counting = await startCountingStack();
  communities.small = (await memberCommunityFactory(counting.api)).id;
  communities.large = (await memberCommunityFactory(counting.api)).id;
  // Every membership of the tenant shares one partition: fill it beside the communities asked.
  const other = (await memberCommunityFactory(counting.api)).id;
  await grow(other, 400, "other");
  await grow(communities.small, sizes.small - 2, "small");
  await grow(communities.large, sizes.large - 2, "large");
}, 120_000);

afterAll(async () => {
  await counting?.stack.stop();
});

/** The trips of one request in each community, and what it answered. */
const atBothSizes = (request: (communityId: string) => Promise<{ status: number }>) =>
  counting.atBothSizes(communities, request);

function expectConstant(result: { small: { trips: number }; large: { trips: number } }) {
  expect(result.large.trips).toBe(result.small.trips);
  expect(result.small.trips).toBeGreaterThan(0);
}

it("reads the first page of People in the same round trips at 20 and 200 members", async () => {
  const result = await atBothSizes((id) =>
    counting.api.get<PeopleResponse>(apiPaths.people(id), { as: "demo-member" }),
  );

  expect(result.small.status).toBe(200);
  expect(result.large.status).toBe(200);
  expectConstant(result);
  // The viewer's roles, then the page and the joins and leaves side by side.
  expect(result.large.trips).toBeLessThanOrEqual(3);
});

it("reads the tab's first page and the joins and leaves in 2 round trips each, at both sizes", async () => {
  const page = await atBothSizes((id) =>
    counting.api.get<PeopleResponse>(`${apiPaths.people(id)}?changes=omit`, { as: "demo-member" }),
  );
  const changes = await atBothSizes((id) =>
    counting.api.get<PeopleChangesResponse>(apiPaths.peopleChanges(id), { as: "demo-member" }),
  );

  expect([page.large.status, changes.large.status]).toEqual([200, 200]);
  expectConstant(page);
  expectConstant(changes);
  // The viewer's roles, then the page (or the joins and leaves).
  expect(page.large.trips).toBe(2);
  expect(changes.large.trips).toBe(2);
});

it("pages People in name order, 50 at a time, with a bounded list of joins and leaves", async () => {
  const first = await counting.api.get<PeopleResponse>(apiPaths.people(communities.large), {
    as: "demo-member",
  });
  const names = first.body.members.map((member) => member.person.displayName.toLowerCase());

  expect(first.body.members).toHaveLength(50);
  expect(names).toEqual([...names].sort());
  expect(first.body.recentChanges.length).toBeLessThanOrEqual(30);
  expect(first.body.nextCursor).not.toBeNull();
});

it("reads a later page and a search in the same round trips at both sizes", async () => {
  const later = await atBothSizes(async (id) => {
    const first = await counting.api.get<PeopleResponse>(`${apiPaths.people(id)}?limit=5`, {
      as: "demo-member",
    });
    // The inner count is the one answered: it starts after the first page.
    return counting.tripsOf(() =>
      counting.api.get(`${apiPaths.people(id)}?cursor=${first.body.nextCursor ?? ""}&limit=5`, {
        as: "demo-member",
      }),
    );
  });
  const search = await atBothSizes((id) =>
    counting.api.get(`${apiPaths.people(id)}?search=B`, { as: "demo-member" }),
  );

  expect(later.small.status).toBe(200);
  expectConstant(later);
  expect(search.small.status).toBe(200);
  expectConstant(search);
  expect(search.large.trips).toBeLessThanOrEqual(2);
});

it("finds people by the start of their name, whatever the case", async () => {
  const found = await counting.api.get<PeopleResponse>(
    `${apiPaths.people(communities.large)}?search=BEN%20m`,
    { as: "demo-member" },
  );

  expect(found.body.members.map((member) => member.person.displayName)).toEqual(["Ben Member"]);
});

it("adds a person and changes roles in the same round trips at both sizes", async () => {
  let sequence = 0;
  const added = await atBothSizes((id) => {
    sequence += 1;
    return counting.api.post(apiPaths.people(id), {
      as: "demo-champion",
      body: { userId: `added-${sequence}`, displayName: `Added ${sequence}` },
    });
  });
  const roles = await atBothSizes(async (id) => {
    const page = await counting.api.get<PeopleResponse>(`${apiPaths.people(id)}?search=Ben`, {
      as: "demo-champion",
    });
    const ben = page.body.members.find((member) => member.person.id === "demo-member");
    return counting.tripsOf(() =>
      counting.api.put(apiPaths.personRoles(id, "demo-member"), {
        as: "demo-champion",
        headers: { "if-match": ben?.etag ?? "" },
        body: { roles: ["member", "curator"] },
      }),
    );
  });

  expect(added.small.status).toBe(201);
  expectConstant(added);
  expect(roles.small.status).toBe(200);
  expect(roles.large.status).toBe(200);
  expect(roles.large.trips).toBe(roles.small.trips);
});

it("lists the members stored before the member index existed, after a start", async () => {
  const table = counting.store.tableClient(tableNames.memberships);
  // A membership as the service stored it before: the person's own row only.
  await table.createEntity({
    partitionKey: demoTenantId,
    rowKey: `older-member|${communities.small}`,
    roles: "member",
    displayName: "Olga Older",
    leftTeamAt: "",
    communityId: communities.small,
  });
  await table.deleteEntity("migrations", "memberIndex-1");
  await counting.stack.restartService();
  counting.api.forgetTokens();

  const found = await counting.api.get<PeopleResponse>(
    `${apiPaths.people(communities.small)}?search=olga`,
    { as: "demo-member" },
  );

  expect(found.body.members.map((member) => member.person.id)).toEqual(["older-member"]);
});
