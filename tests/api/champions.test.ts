import {
  apiPaths,
  healthSignalsResponseSchema,
  peopleResponseSchema,
  type PeopleResponse,
} from "@practice-hub/shared";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createLogger } from "../../bot/src/logger";
import { createStore } from "../../bot/src/store";
import { createMembershipEventSink } from "../../bot/src/teams/membershipEvents";
import { apiClient, type ApiClient } from "../support/api";
import { communityFactory } from "../support/factories";
import { startStack, type DemoPerson, type Stack } from "../support/stack";

// A community must always have a champion: someone has to be able to manage it. These tests race
// the ways a champion can go (a demotion, a Teams leave) against each other.
const now = new Date("2026-03-09T12:00:00Z");
const tries = 10;
let stack: Stack;
let api: ApiClient;
let teams = 0;

beforeAll(async () => {
  stack = await startStack({ now: () => now, extraConfig: { JOBS_ENABLED: false } });
  api = apiClient(stack);
});

afterAll(async () => {
  await stack?.stop();
});

/** Tells the service that people left (or joined) a team, as the bot's activity handler does. */
function teamsEvents() {
  return createMembershipEventSink({
    store: createStore(stack.storageConnectionString),
    logger: createLogger({ LOG_LEVEL: "silent" }),
    now: () => now,
  });
}

async function peopleOf(communityId: string, as: DemoPerson = "demo-champion") {
  const response = await api.get(apiPaths.people(communityId), { as });
  return peopleResponseSchema.parse(response.body);
}

const championsOf = (people: PeopleResponse) =>
  people.members.filter((m) => m.roles.includes("champion")).map((m) => m.person.id);

const etagOf = (people: PeopleResponse, id: string) =>
  people.members.find((m) => m.person.id === id)?.etag ?? "";

/**
 * A new community championed by demo-champion and demo-member, linked to a team of its own (so
 * Teams events reach it).
 */
async function twoChampionCommunity() {
  const community = await communityFactory(api);
  const added = await api.post(apiPaths.people(community.id), {
    as: "demo-champion",
    body: { userId: "demo-member", displayName: "Ben Member", roles: ["member", "champion"] },
  });
  if (added.status !== 201) throw new Error(`champion not added: ${added.status}`);
  teams += 1;
  const teamId = `19:champions-${teams}@thread.tacv2`;
  const linked = await api.put(apiPaths.communityChannel(community.id), {
    as: "demo-champion",
    body: { channelId: teamId, teamId },
  });
  if (linked.status !== 200) throw new Error(`channel not linked: ${linked.status}`);
  return { communityId: community.id, teamId };
}

/** `person` makes `target` a plain member, naming the version they saw. */
function demote(communityId: string, person: DemoPerson, target: string, etag: string) {
  return api.put(apiPaths.personRoles(communityId, target), {
    as: person,
    headers: { "if-match": etag },
    body: { roles: ["member"] },
  });
}

describe("a community's last champion", () => {
  it("survives two champions demoting each other at the same moment, in every one of 10 tries", async () => {
    const communities = await Promise.all(
      Array.from({ length: tries }, () => twoChampionCommunity()),
    );

    const outcomes = await Promise.all(
      communities.map(async ({ communityId }) => {
        const before = await peopleOf(communityId);
        const answers = await Promise.all([
          demote(communityId, "demo-champion", "demo-member", etagOf(before, "demo-member")),
          demote(communityId, "demo-member", "demo-champion", etagOf(before, "demo-champion")),
        ]);
        const after = await peopleOf(communityId, "demo-head");
        return { statuses: answers.map((a) => a.status), champions: championsOf(after) };
      }),
    );

    for (const { statuses, champions } of outcomes) {
      expect(champions).toHaveLength(1);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      // The other is refused: by the rule (400), because they are no longer a champion (403),
      // or because the version they named is gone (412).
      expect(statuses.filter((status) => [400, 403, 412].includes(status))).toHaveLength(1);
    }
  });

  it("keeps a community's champions through a Teams leave racing a demotion, in every one of 10 tries", async () => {
    const communities = await Promise.all(
      Array.from({ length: tries }, () => twoChampionCommunity()),
    );
    const sink = teamsEvents();

    const champions = await Promise.all(
      communities.map(async ({ communityId, teamId }) => {
        const before = await peopleOf(communityId);
        await Promise.all([
          demote(communityId, "demo-champion", "demo-member", etagOf(before, "demo-member")),
          sink.record({
            tenantId: demoTenantId,
            teamId,
            change: "left",
            people: [{ id: "demo-champion", displayName: "Ana Champion" }],
          }),
        ]);
        return championsOf(await peopleOf(communityId, "demo-head"));
      }),
    );

    for (const found of champions) expect(found.length).toBeGreaterThanOrEqual(1);
  });

  it("stays champion when Teams says they left, until someone else is named", async () => {
    const community = await communityFactory(api);
    const teamId = `19:last-champion@thread.tacv2`;
    await api.put(apiPaths.communityChannel(community.id), {
      as: "demo-champion",
      body: { channelId: teamId, teamId },
    });
    const sink = teamsEvents();
    const left = {
      tenantId: demoTenantId,
      teamId,
      change: "left" as const,
      people: [{ id: "demo-champion", displayName: "Ana Champion" }],
    };

    await sink.record(left);
    await sink.record(left);

    const kept = await peopleOf(community.id, "demo-head");
    expect(championsOf(kept)).toEqual(["demo-champion"]);
    expect(
      kept.recentChanges.filter((c) => c.person.id === "demo-champion").map((c) => c.change),
    ).toEqual(["left"]);
    const named = await api.post(apiPaths.people(community.id), {
      as: "demo-champion",
      body: { userId: "demo-member", displayName: "Ben Member", roles: ["champion"] },
    });
    expect(named.status).toBe(201);
    const after = await peopleOf(community.id, "demo-head");
    expect(after.members.map((m) => m.person.id)).toEqual(["demo-member"]);
    expect(championsOf(after)).toEqual(["demo-member"]);
  });

  it("shows heads of profession a warning while the last champion has left the team", async () => {
    const community = await communityFactory(api);
    const teamId = `19:warning@thread.tacv2`;
    await api.put(apiPaths.communityChannel(community.id), {
      as: "demo-champion",
      body: { channelId: teamId, teamId },
    });
    const sink = teamsEvents();
    const change = {
      tenantId: demoTenantId,
      teamId,
      people: [{ id: "demo-champion", displayName: "Ana Champion" }],
    };
    const signalsOfCommunity = async () => {
      const response = await api.get(apiPaths.healthSignals, { as: "demo-head" });
      return healthSignalsResponseSchema
        .parse(response.body)
        .communities.find((c) => c.communityId === community.id)
        ?.signals.map((signal) => signal.kind);
    };

    await sink.record({ ...change, change: "left" });
    const warned = await signalsOfCommunity();
    await sink.record({ ...change, change: "joined" });
    const back = await signalsOfCommunity();

    expect(warned).toContain("championLeft");
    expect(back).not.toContain("championLeft");
    expect(championsOf(await peopleOf(community.id))).toEqual(["demo-champion"]);
  });

  it("removes a champion who leaves the team while another champion stays", async () => {
    const { communityId, teamId } = await twoChampionCommunity();

    await teamsEvents().record({
      tenantId: demoTenantId,
      teamId,
      change: "left",
      people: [{ id: "demo-member", displayName: "Ben Member" }],
    });

    const people = await peopleOf(communityId);
    expect(people.members.map((m) => m.person.id)).toEqual(["demo-champion"]);
  });
});
