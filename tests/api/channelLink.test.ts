import {
  apiErrorSchema,
  apiPaths,
  channelLinkSchema,
  communitySchema,
  peopleResponseSchema,
} from "@practice-hub/shared";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createLogger } from "../../bot/src/logger";
import { createStore, type Store } from "../../bot/src/store";
import { createMembershipEventSink } from "../../bot/src/teams/membershipEvents";
import { apiClient, type ApiClient } from "../support/api";
import { memberCommunityFactory } from "../support/factories";
import { startStack, type Stack } from "../support/stack";

let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;
let store: Store;
let counter = 0;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
  store = createStore(stack.storageConnectionString);
});

afterAll(async () => {
  await stack?.stop();
});

/** A channel and team pair of ids as Teams writes them, new for each test. */
function teamFactory() {
  counter += 1;
  const teamId = `19:team-${counter}@thread.tacv2`;
  return { teamId, channelId: `19:channel-${counter}@thread.tacv2` };
}

async function newCommunity(name: string): Promise<string> {
  const response = await api.post(apiPaths.communities, {
    as: "demo-champion",
    body: { name, profession: "Design" },
  });
  return communitySchema.parse(response.body).id;
}

describe("linking a community to its channel", () => {
  it("lets a champion make a channel the community's home, readable by its members", async () => {
    const { teamId, channelId } = teamFactory();

    const put = await api.put(apiPaths.communityChannel(ownCommunityId), {
      as: "demo-champion",
      body: { channelId, teamId },
    });
    const get = await api.get(apiPaths.communityChannel(ownCommunityId), { as: "demo-member" });

    expect(put.status).toBe(200);
    expect(channelLinkSchema.parse(get.body)).toMatchObject({
      communityId: ownCommunityId,
      channelId,
      teamId,
      linkedBy: "demo-champion",
    });
  });

  it("refuses a member with 403, another tenant with 404 and a malformed channel id with 400", async () => {
    const { teamId, channelId } = teamFactory();
    const path = apiPaths.communityChannel(ownCommunityId);

    const member = await api.put(path, { as: "demo-member", body: { channelId, teamId } });
    const outsider = await api.put(path, { as: "demo-outsider", body: { channelId, teamId } });
    const malformed = await api.put(path, {
      as: "demo-champion",
      body: { channelId: "general", teamId },
    });

    expect([member.status, outsider.status, malformed.status]).toEqual([403, 404, 400]);
    expect(apiErrorSchema.parse(malformed.body).data).toMatchObject({
      fields: [{ path: "channelId", message: expect.stringContaining("starts with 19:") }],
    });
    expect(
      await store.channelLinks.findByConversation({
        tenantId: demoTenantId,
        conversationId: channelId,
      }),
    ).toBeNull();
  });

  it("moves a community to a new channel and team, leaving none of its old rows behind", async () => {
    const first = teamFactory();
    const second = teamFactory();
    const design = await newCommunity(`Design ${counter}`);
    const path = apiPaths.communityChannel(design);

    await api.put(path, { as: "demo-champion", body: first });
    const moved = await api.put(path, { as: "demo-champion", body: second });

    const links = store.channelLinks;
    expect(channelLinkSchema.parse(moved.body)).toMatchObject(second);
    expect(
      await links.findByConversation({ tenantId: demoTenantId, conversationId: first.channelId }),
    ).toBeNull();
    expect(await links.findByTeam({ tenantId: demoTenantId, teamId: first.teamId })).toBeNull();
    expect(
      (await links.findByConversation({ tenantId: demoTenantId, conversationId: second.channelId }))
        ?.communityId,
    ).toBe(design);
    expect(
      (await links.findByTeam({ tenantId: demoTenantId, teamId: second.teamId }))?.communityId,
    ).toBe(design);
  });

  it("refuses another community's channel with 409 and leaves a held team with its community", async () => {
    const shared = teamFactory();
    const design = await newCommunity(`Design ${counter}`);
    const research = await newCommunity(`Research ${counter}`);
    await api.put(apiPaths.communityChannel(design), { as: "demo-champion", body: shared });

    const taken = await api.put(apiPaths.communityChannel(research), {
      as: "demo-champion",
      body: shared,
    });
    const sameTeam = await api.put(apiPaths.communityChannel(research), {
      as: "demo-champion",
      body: { channelId: `19:research-${counter}@thread.tacv2`, teamId: shared.teamId },
    });

    expect(taken.status).toBe(409);
    expect(apiErrorSchema.parse(taken.body).message).toContain(design);
    expect(sameTeam.status).toBe(200);
    expect(channelLinkSchema.parse(sameTeam.body).teamId).toBeNull();
    const links = store.channelLinks;
    expect(
      (await links.findByConversation({ tenantId: demoTenantId, conversationId: shared.channelId }))
        ?.communityId,
    ).toBe(design);
    expect(
      (await links.findByTeam({ tenantId: demoTenantId, teamId: shared.teamId }))?.communityId,
    ).toBe(design);
    expect(
      (await links.findByCommunity({ tenantId: demoTenantId, communityId: design }))
        ?.conversationId,
    ).toBe(shared.channelId);
  });

  it("counts the Teams joins of the linked team for the community", async () => {
    const { teamId, channelId } = teamFactory();
    const design = await newCommunity(`Guild ${counter}`);
    await api.put(apiPaths.communityChannel(design), {
      as: "demo-champion",
      body: { channelId, teamId },
    });
    const sink = createMembershipEventSink({
      store,
      logger: createLogger({ LOG_LEVEL: "silent" }),
      now: () => new Date(),
    });

    await sink.record({
      tenantId: demoTenantId,
      teamId,
      change: "joined",
      people: [{ id: "teams-joiner", displayName: "Tam Joiner" }],
    });

    const people = await api.get(apiPaths.people(design), { as: "demo-champion" });
    expect(peopleResponseSchema.parse(people.body).members.map((m) => m.person.id)).toContain(
      "teams-joiner",
    );
  });
});
