import {
  apiPaths,
  communitiesResponseSchema,
  meResponseSchema,
  type Community,
} from "@practice-hub/shared";
import type { Actor } from "../../bot/src/auth/actor";
import { communityCreator, sweepAfterMs } from "../../bot/src/communities/communityCreator";
import { createCommunitySweepSource } from "../../bot/src/jobs/communitySweep";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createLogger } from "../../bot/src/logger";
import { createStore, type Store } from "../../bot/src/store";
import { apiClient, type ApiClient } from "../support/api";
import { communityFactory, communityRequestFactory } from "../support/factories";
import { startStack, type Stack } from "../support/stack";

const now = new Date("2026-11-23T10:00:00.000Z");
const champion: Actor = {
  tenantId: demoTenantId,
  userId: "demo-champion",
  displayName: "Ana Champion",
};

let stack: Stack;
let api: ApiClient;
let store: Store;

beforeAll(async () => {
  // This file runs the sweep itself, at the instants it chooses.
  stack = await startStack({ now: () => now, extraConfig: { JOBS_ENABLED: false } });
  api = apiClient(stack);
  store = createStore(stack.storageConnectionString);
});

afterAll(async () => {
  await stack?.stop();
});

/** Runs the scheduler leader's sweep source as a tick at `at` would. */
async function sweepAt(at: Date): Promise<void> {
  const source = createCommunitySweepSource({ store, logger: createLogger(stack.config) });
  await expect(source.due({ since: new Date(at.getTime() - 30_000), now: at })).resolves.toEqual(
    [],
  );
}

type Step = "canvas" | "membership" | "community";

/**
 * The store as a creation sees it when the process dies at one of its writes: that write and
 * everything after it never happen. Remembers the id of the community being created.
 */
function storeDyingAt(step: Step): { store: Store; communityId: () => string } {
  let communityId: string | null = null;
  const die = async (): Promise<never> => {
    throw new Error(`the process died at the ${step} write`);
  };
  const dying: Store = {
    ...store,
    communities: {
      ...store.communities,
      async notePendingCreation(creation) {
        communityId = creation.communityId;
        await store.communities.notePendingCreation(creation);
      },
      create: step === "community" ? die : store.communities.create,
    },
    canvas: step === "canvas" ? { ...store.canvas, createCanvas: die } : store.canvas,
    memberships:
      step === "membership"
        ? { ...store.memberships, addCommunityMembership: die }
        : store.memberships,
  };
  return {
    store: dying,
    communityId: () => {
      if (communityId === null) throw new Error("the creation noted no community");
      return communityId;
    },
  };
}

async function listedIds(): Promise<string[]> {
  const response = await api.get(apiPaths.communities, { as: "demo-champion" });
  return communitiesResponseSchema.parse(response.body).communities.map((c) => c.id);
}

async function championRolesIn(communityId: string): Promise<string[]> {
  const response = await api.get(apiPaths.me, { as: "demo-champion" });
  const me = meResponseSchema.parse(response.body);
  return me.communities.find((entry) => entry.communityId === communityId)?.roles ?? [];
}

/** Every row a creation writes, as storage holds them now. */
async function rowsOf(communityId: string) {
  const [community, canvas, membership] = await Promise.all([
    store.communities.find({ tenantId: demoTenantId, communityId }),
    store.canvas.readCanvas({ tenantId: demoTenantId, communityId }),
    store.memberships.findCommunityMembership({
      tenantId: demoTenantId,
      userId: "demo-champion",
      communityId,
    }),
  ]);
  return { community: community !== null, canvas: canvas !== null, champion: membership !== null };
}

async function notedCreations(): Promise<string[]> {
  const noted = await store.communities.listPendingCreations({
    startedBefore: new Date("2100-01-01T00:00:00.000Z"),
    limit: 1_000,
  });
  return noted.map((creation) => creation.communityId);
}

describe("creating a community", () => {
  it("answers with a community that is listed, has its canvas, and has its creator as champion", async () => {
    const community: Community = await communityFactory(api);

    const canvas = await api.get(apiPaths.canvas(community.id), { as: "demo-champion" });

    expect(await listedIds()).toContain(community.id);
    expect(canvas.status).toBe(200);
    expect(await championRolesIn(community.id)).toEqual(
      expect.arrayContaining(["champion", "member"]),
    );
  });

  it.each<[string, Step]>([
    ["at the canvas", "canvas"],
    ["at the champion's membership", "membership"],
    ["at the community row, after the canvas and the champion", "community"],
  ])("that dies %s is never listed, and the sweep leaves nothing of it", async (_point, step) => {
    const dying = storeDyingAt(step);

    await expect(
      communityCreator({
        store: dying.store,
        actor: champion,
        request: communityRequestFactory(),
        now: () => now,
        maxPerTenant: 200,
      }),
    ).rejects.toThrow(`the process died at the ${step} write`);
    const communityId = dying.communityId();
    const stranger = await api.get(apiPaths.canvas(communityId), { as: "demo-member" });

    expect(await listedIds()).not.toContain(communityId);
    // The canvas route takes a canvas row as the community's existence: 403 once the canvas is
    // written, 404 before. Either way nobody outside the creation sees its canvas.
    expect([403, 404]).toContain(stranger.status);
    expect((await rowsOf(communityId)).community).toBe(false);

    await sweepAt(new Date(now.getTime() + sweepAfterMs + 60_000));

    expect(await rowsOf(communityId)).toEqual({
      community: false,
      canvas: false,
      champion: false,
    });
    expect(await championRolesIn(communityId)).toEqual([]);
    expect(await notedCreations()).not.toContain(communityId);
  });

  it("that stopped part-way is left alone by a sweep before its time, then undone", async () => {
    const dying = storeDyingAt("community");
    await communityCreator({
      store: dying.store,
      actor: champion,
      request: communityRequestFactory(),
      now: () => now,
      maxPerTenant: 200,
    }).catch(() => undefined);
    const communityId = dying.communityId();

    await sweepAt(new Date(now.getTime() + 60_000));
    const early = await rowsOf(communityId);
    await sweepAt(new Date(now.getTime() + sweepAfterMs + 60_000));

    expect(early).toEqual({ community: false, canvas: true, champion: true });
    expect(await rowsOf(communityId)).toEqual({
      community: false,
      canvas: false,
      champion: false,
    });
  });

  it("that took longer than its deadline gives up before its last write, and is undone", async () => {
    const noted: string[] = [];
    let clock = now;
    const slow: Store = {
      ...store,
      communities: {
        ...store.communities,
        async notePendingCreation(creation) {
          noted.push(creation.communityId);
          await store.communities.notePendingCreation(creation);
        },
      },
      memberships: {
        ...store.memberships,
        async addCommunityMembership(props) {
          // Storage answered, but six minutes late.
          clock = new Date(now.getTime() + 6 * 60_000);
          return store.memberships.addCommunityMembership(props);
        },
      },
    };

    const creation = communityCreator({
      store: slow,
      actor: champion,
      request: communityRequestFactory(),
      now: () => clock,
      maxPerTenant: 200,
    });

    await expect(creation).rejects.toMatchObject({ status: 503 });
    const [communityId = ""] = noted;
    expect(await listedIds()).not.toContain(communityId);
    await sweepAt(new Date(now.getTime() + sweepAfterMs + 60_000));
    expect(await rowsOf(communityId)).toEqual({
      community: false,
      canvas: false,
      champion: false,
    });
  });

  it("that finished is kept whole by the sweep, which only forgets its note", async () => {
    const community = await communityFactory(api);
    expect(await notedCreations()).toContain(community.id);

    await sweepAt(new Date(now.getTime() + sweepAfterMs + 60_000));

    expect(await rowsOf(community.id)).toEqual({ community: true, canvas: true, champion: true });
    expect(await listedIds()).toContain(community.id);
    expect(await notedCreations()).not.toContain(community.id);
  });
});
