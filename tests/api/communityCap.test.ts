import { apiErrorSchema, apiPaths } from "@practice-hub/shared";
import { demoTenantId, otherTenantId } from "../../bot/src/local/demoIdentities";
import { createStore, type Store } from "../../bot/src/store";
import { CommunityCapReachedError } from "../../bot/src/store/communityRepository";
import { apiClient, type ApiClient } from "../support/api";
import { communityRequestFactory } from "../support/factories";
import { startStack, type DemoPerson, type Stack } from "../support/stack";

/** The seed gives the demo tenant two communities and the other tenant one. */
const cap = 4;

let stack: Stack;
let api: ApiClient;
let store: Store;

beforeAll(async () => {
  stack = await startStack({
    extraConfig: { COMMUNITIES_PER_TENANT_MAX: cap, JOBS_ENABLED: false },
  });
  api = apiClient(stack);
  store = createStore(stack.storageConnectionString);
});

afterAll(async () => {
  await stack?.stop();
});

function create(as: DemoPerson) {
  return api.post(apiPaths.communities, { as, body: communityRequestFactory() });
}

describe("the cap on communities per organisation", () => {
  it("refuses the community past the cap with a 409 that says the cap and what to do", async () => {
    const before = await store.communities.listForTenant({ tenantId: otherTenantId });
    const demoBefore = await store.communities.readCount({ tenantId: demoTenantId });
    const allowed = cap - before.length;

    const statuses: number[] = [];
    for (let n = 0; n < allowed; n += 1) statuses.push((await create("demo-outsider")).status);
    const refused = await create("demo-outsider");

    expect(statuses).toEqual(Array.from({ length: allowed }, () => 201));
    expect(refused.status).toBe(409);
    const error = apiErrorSchema.parse(refused.body);
    expect(error.message).toContain(`already has ${cap} communities`);
    expect(error.message).toContain("Join one of them");
    expect(error.message).toContain("COMMUNITIES_PER_TENANT_MAX");
    expect(await store.communities.listForTenant({ tenantId: otherTenantId })).toHaveLength(cap);
    // Each organisation has its own count.
    expect(await store.communities.readCount({ tenantId: demoTenantId })).toEqual(demoBefore);
  });

  it("is never exceeded by creations sent at the same moment, and counts every community", async () => {
    const before = await store.communities.listForTenant({ tenantId: demoTenantId });

    const responses = await Promise.all(Array.from({ length: 8 }, () => create("demo-member")));

    const created = responses.filter((response) => response.status === 201);
    const refused = responses.filter((response) => response.status === 409);
    expect(created).toHaveLength(cap - before.length);
    expect(refused).toHaveLength(8 - (cap - before.length));
    expect(await store.communities.listForTenant({ tenantId: demoTenantId })).toHaveLength(cap);
    expect((await store.communities.readCount({ tenantId: demoTenantId })).count).toBe(cap);
  });

  it("counts, once, the communities an organisation had before counting began", async () => {
    const tenantId = "00000000-0000-4000-8000-0000000000c1";
    const table = store.tableClient("communities");
    for (const rowKey of ["older-one", "older-two"]) {
      await table.createEntity({ partitionKey: tenantId, rowKey, name: rowKey });
    }
    const community = (communityId: string) => ({
      tenantId,
      communityId,
      name: communityId,
      profession: "Research",
      description: "",
      createdAt: "2026-11-23T10:00:00.000Z",
      createdBy: "someone",
    });

    const counted = await store.communities.readCount({ tenantId });
    await store.communities.create({ community: community("third"), max: 3 });

    expect(counted).toEqual({ count: 2, etag: null });
    expect((await store.communities.readCount({ tenantId })).count).toBe(3);
    await expect(
      store.communities.create({ community: community("fourth"), max: 3 }),
    ).rejects.toThrow(CommunityCapReachedError);
  });
});
