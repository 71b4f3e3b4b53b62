import {
  apiErrorSchema,
  apiPaths,
  communityMemberSchema,
  peopleResponseSchema,
  type PeopleResponse,
} from "@practice-hub/shared";
import { createStore } from "../../bot/src/store";
import { createMembershipEventSink } from "../../bot/src/teams/membershipEvents";
import { createLogger } from "../../bot/src/logger";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { apiClient, type ApiClient } from "../support/api";
import { linkedTeamFactory, memberCommunityFactory } from "../support/factories";
import { startStack, type DemoPerson, type Stack } from "../support/stack";

let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;
/** The team linked to it. */
let ownTeamId: string;
let counter = 0;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
  ownTeamId = await linkedTeamFactory(api, ownCommunityId);
});

afterAll(async () => {
  await stack?.stop();
});

function newPersonFactory(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return { userId: `person-${counter}`, displayName: `New Person ${counter}`, ...overrides };
}

async function peopleAs(person: DemoPerson): Promise<PeopleResponse> {
  const response = await api.get(apiPaths.people(ownCommunityId), { as: person });
  return peopleResponseSchema.parse(response.body);
}

describe("the people of a community", () => {
  it("lists members with their roles, and recent joins", async () => {
    const people = await peopleAs("demo-member");

    expect(people.members.find((m) => m.person.id === "demo-champion")?.roles).toEqual(
      expect.arrayContaining(["champion"]),
    );
    expect(people.recentChanges.map((c) => c.person.id)).toContain("demo-member");
    expect(people.allowedActions).toEqual(["read"]);
  });

  it("lets a champion add someone by hand, recorded as a join", async () => {
    const person = newPersonFactory({ roles: ["member", "curator"] });

    const response = await api.post(apiPaths.people(ownCommunityId), {
      as: "demo-champion",
      body: person,
    });

    expect(response.status).toBe(201);
    expect(communityMemberSchema.parse(response.body).roles).toEqual(["member", "curator"]);
    const people = await peopleAs("demo-champion");
    expect(people.recentChanges[0]).toMatchObject({
      person: { id: person.userId },
      change: "joined",
      source: "manual",
    });
  });

  it("answers 409 when a champion adds someone already in the community", async () => {
    const person = newPersonFactory();
    await api.post(apiPaths.people(ownCommunityId), { as: "demo-champion", body: person });

    const again = await api.post(apiPaths.people(ownCommunityId), {
      as: "demo-champion",
      body: person,
    });

    expect(again.status).toBe(409);
    expect(apiErrorSchema.parse(again.body).error).toBe("conflict");
  });

  it.each(["team/lead", "a#b", "who?", "x|y", "back\\slash", "tab\there"])(
    "refuses with 400 a hand-added user id with a character keys and URLs forbid (%j)",
    async (userId) => {
      const response = await api.post(apiPaths.people(ownCommunityId), {
        as: "demo-champion",
        body: newPersonFactory({ userId }),
      });

      expect(response.status).toBe(400);
    },
  );

  it("refuses a member's addition with 403", async () => {
    const response = await api.post(apiPaths.people(ownCommunityId), {
      as: "demo-member",
      body: newPersonFactory(),
    });

    expect(response.status).toBe(403);
  });

  it("changes roles against the member's etag and answers 412 when stale", async () => {
    const added = communityMemberSchema.parse(
      (
        await api.post(apiPaths.people(ownCommunityId), {
          as: "demo-champion",
          body: newPersonFactory(),
        })
      ).body,
    );
    const path = apiPaths.personRoles(ownCommunityId, added.person.id);

    const changed = await api.put(path, {
      as: "demo-champion",
      headers: { "if-match": added.etag },
      body: { roles: ["member", "facilitator"] },
    });
    const stale = await api.put(path, {
      as: "demo-champion",
      headers: { "if-match": added.etag },
      body: { roles: ["member"] },
    });

    expect(communityMemberSchema.parse(changed.body).roles).toEqual(["member", "facilitator"]);
    expect(stale.status).toBe(412);
    expect(apiErrorSchema.parse(stale.body).error).toBe("stale_version");
  });

  it("never removes the last champion", async () => {
    const champion = (await peopleAs("demo-champion")).members.find(
      (m) => m.person.id === "demo-champion",
    );

    const response = await api.put(apiPaths.personRoles(ownCommunityId, "demo-champion"), {
      as: "demo-champion",
      headers: { "if-match": champion?.etag ?? "" },
      body: { roles: ["member"] },
    });

    expect(response.status).toBe(400);
  });
});

describe("Teams membership events", () => {
  it("record joins and leaves in the linked team against its community", async () => {
    const store = createStore(stack.storageConnectionString);
    // The leave is a minute after the join, so newest-first order is certain.
    let clock = Date.now() - 60_000;
    const sink = createMembershipEventSink({
      store,
      logger: createLogger({ LOG_LEVEL: "silent" }),
      now: () => new Date((clock += 60_000)),
    });
    const person = { id: "teams-newcomer", displayName: "Tea Newcomer" };

    await sink.record({
      tenantId: demoTenantId,
      teamId: ownTeamId,
      change: "joined",
      people: [person],
    });
    const afterJoin = await peopleAs("demo-champion");
    await sink.record({
      tenantId: demoTenantId,
      teamId: ownTeamId,
      change: "left",
      people: [person],
    });
    const afterLeave = await peopleAs("demo-champion");

    expect(afterJoin.members.map((m) => m.person.id)).toContain("teams-newcomer");
    expect(afterLeave.members.map((m) => m.person.id)).not.toContain("teams-newcomer");
    expect(
      afterLeave.recentChanges
        .filter((c) => c.person.id === "teams-newcomer")
        .map((c) => [c.change, c.source]),
    ).toEqual([
      ["left", "teams"],
      ["joined", "teams"],
    ]);
  });
});
