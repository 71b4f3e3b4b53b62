import { TableClient } from "@azure/data-tables";
import { apiPaths, entryTarget, retroSchema } from "@practice-hub/shared";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore, tableNames, type Store } from "../../bot/src/store";
import { apiClient, type ApiClient } from "../support/api";
import { memberCommunityFactory } from "../support/factories";
import { entryFactory, moveRetroTo, retroFactory } from "../support/retroFactories";
import { startStack, type Stack } from "../support/stack";

// A retro card in a busy channel: everybody votes for the same entry at the same moment. Each
// person signs in with their own Entra token, so the service sees 50 people.
const crowdSize = 50;
let stack: Stack;
let api: ApiClient;
let store: Store;

beforeAll(async () => {
  stack = await startStack({ authMode: "entra", extraConfig: { JOBS_ENABLED: false } });
  api = apiClient(stack);
  store = createStore(stack.storageConnectionString);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

/** `count` new members of the community, each with their own token. */
async function crowdFactory(communityId: string, count: number): Promise<string[]> {
  const entra = stack.fakeEntra;
  if (!entra) throw new Error("an entra stack starts a fake Entra");
  const tokens: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const person = { id: `voter-${index}`, displayName: `Voter ${index}` };
    const added = await api.post(apiPaths.people(communityId), {
      as: "demo-champion",
      body: { userId: person.id, displayName: person.displayName, roles: ["member"] },
    });
    if (added.status !== 201) throw new Error(`member not added: ${added.status}`);
    tokens.push(await entra.sign({ tid: demoTenantId, oid: person.id, name: person.displayName }));
  }
  return tokens;
}

it(`counts all ${crowdSize} votes cast at once for the same entry`, async () => {
  const community = await memberCommunityFactory(api);
  const retro = await retroFactory(api, community.id);
  const entryId = await entryFactory(api, retro);
  await moveRetroTo(api, retro, "group", "vote");
  const tokens = await crowdFactory(community.id, crowdSize);
  const target = entryTarget(entryId);

  const answers = await Promise.all(
    tokens.map((token, index) =>
      api.post(apiPaths.retroVotes(community.id, retro.id), {
        token,
        body: { target, submissionKey: `crowd-vote-${index}` },
      }),
    ),
  );
  // Each person's retry of the same submission stores nothing.
  const retries = await Promise.all(
    tokens.slice(0, 5).map((token, index) =>
      api.post(apiPaths.retroVotes(community.id, retro.id), {
        token,
        body: { target, submissionKey: `crowd-vote-${index}` },
      }),
    ),
  );
  const decided = await moveRetroTo(api, retro, "decide");

  expect(answers.map((answer) => answer.status)).toEqual(tokens.map(() => 201));
  expect(retries.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
  expect(decided.votesCast).toBe(crowdSize);
  expect(decided.voteItems.find((item) => item.target === target)?.votes).toBe(crowdSize);
}, 120_000);

it("moves votes stored a row each (before tallies) into the tallies, once", async () => {
  const community = await memberCommunityFactory(api);
  const retro = await retroFactory(api, community.id);
  const entryId = await entryFactory(api, retro);
  await moveRetroTo(api, retro, "group", "vote");
  const table = TableClient.fromConnectionString(stack.storageConnectionString, tableNames.retros, {
    allowInsecureConnection: true,
  });
  const partitionKey = `${demoTenantId}__${community.id}`;
  const target = entryTarget(entryId);
  // The old layout: a row per vote in the person's slot, a marker per submission key.
  for (const [userId, slot, key] of [
    ["old-a", 0, "k1"],
    ["old-a", 1, "k2"],
    ["old-b", 0, "k3"],
  ] as const) {
    await table.createEntity({
      partitionKey,
      rowKey: `r|${retro.id}|v|${userId}|0${slot}`,
      target,
    });
    await table.createEntity({ partitionKey, rowKey: `r|${retro.id}|k|${key}`, userId });
  }
  await table.deleteEntity("migrations", "retroVotes-1").catch(() => undefined);

  const moved = await store.retros.migrateVotes();
  const again = await store.retros.migrateVotes();
  const read = await store.retros.read({
    tenantId: demoTenantId,
    communityId: community.id,
    retroId: retro.id,
    userId: "old-a",
    withActions: false,
  });
  const shown = retroSchema.parse(
    (await api.get(apiPaths.retro(community.id, retro.id), { as: "demo-champion" })).body,
  );

  expect(moved).toBeGreaterThanOrEqual(1);
  expect(again).toBe(0);
  expect(read?.mine.targets).toEqual([target, target]);
  expect(read?.mine.keyHashes).toEqual(["k1", "k2"]);
  expect(shown.votesCast).toBe(3);
});
