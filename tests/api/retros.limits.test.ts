import { TableClient } from "@azure/data-tables";
import {
  apiErrorSchema,
  apiPaths,
  retroLimits,
  retroListResponseSchema,
  retroSchema,
  type Retro,
  type RetroAction,
  type RetroTheme,
} from "@practice-hub/shared";
import { randomUUID } from "node:crypto";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore, tableNames, type Store } from "../../bot/src/store";
import { createRetroRepository } from "../../bot/src/store/retros";
import { apiClient, type ApiClient } from "../support/api";
import { communityFactory, memberCommunityFactory } from "../support/factories";
import {
  entryRequestFactory,
  moveRetroTo,
  retroClock,
  retroFactory,
  storedEntriesFactory,
  storedRetroHeadersFactory,
} from "../support/retroFactories";
import { rowRecordingTable } from "../support/rowRecorder";
import { startStack, type Stack } from "../support/stack";

/**
 * How big a retro may grow, and how much a read of retros costs as a community's history grows:
 * storage round trips are counted by the stack's hook (DESIGN.md: at most 2 for a read).
 */
let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let community: string;
let store: Store;
let roundTrips = 0;
const clock = retroClock();

beforeAll(async () => {
  stack = await startStack({
    now: clock.now,
    extraConfig: { JOBS_ENABLED: false },
    onStorageRoundTrip: () => (roundTrips += 1),
  });
  api = apiClient(stack);
  community = (await memberCommunityFactory(api)).id;
  store = createStore(stack.storageConnectionString);
});

afterAll(async () => {
  await stack?.stop();
});

const retroPath = (retro: Pick<Retro, "id">, rest = "") =>
  `${apiPaths.retro(community, retro.id)}${rest}`;

async function roundTripsOf<T extends { status: number }>(request: () => Promise<T>) {
  roundTrips = 0;
  const response = await request();
  return { response, roundTrips };
}

/** A retro repository whose reads are recorded row by row (see `rowRecordingTable`). */
function rowRecordingRetros() {
  const { table, rowKeys } = rowRecordingTable(stack.storageConnectionString, tableNames.retros);
  return { retros: createRetroRepository(table), rowKeys };
}

async function saveThemes(retro: Retro, themes: RetroTheme[]) {
  return api.put<Retro>(retroPath(retro, "/themes"), {
    as: "demo-champion",
    headers: { "if-match": retro.etag },
    body: { themes },
  });
}

describe("entries per retro", () => {
  it(`refuses a new entry beyond ${retroLimits.entriesMax} with 409, and still answers a retry`, async () => {
    const retro = await retroFactory(api, community);
    await storedEntriesFactory(store, retro, retroLimits.entriesMax - 1, demoTenantId);
    const last = entryRequestFactory();
    const lastAdded = await api.post(retroPath(retro, "/entries"), {
      as: "demo-member",
      body: last,
    });

    const beyond = await api.post(retroPath(retro, "/entries"), {
      as: "demo-member",
      body: entryRequestFactory(),
    });
    const retried = await api.post<{ created: boolean }>(retroPath(retro, "/entries"), {
      as: "demo-member",
      body: last,
    });

    expect(lastAdded.status).toBe(201);
    expect(beyond.status).toBe(409);
    expect(apiErrorSchema.parse(beyond.body).message).toContain(
      `already has ${retroLimits.entriesMax} entries`,
    );
    expect(retried.status).toBe(200);
    expect(retried.body.created).toBe(false);
  });
});

describe("themes at the size limit", () => {
  /** A grouping retro holding the most entries a retro takes. */
  async function fullRetro() {
    const retro = await retroFactory(api, community);
    const entryIds = await storedEntriesFactory(store, retro, retroLimits.entriesMax, demoTenantId);
    return { grouping: await moveRetroTo(api, retro, "group"), entryIds };
  }

  it(`saves ${retroLimits.themesMax} long themes grouping every entry, more than one property holds`, async () => {
    const { grouping, entryIds } = await fullRetro();
    const perTheme = entryIds.length / retroLimits.themesMax;
    const themes = Array.from({ length: retroLimits.themesMax }, (_, index) => ({
      id: `theme-${index}`.padEnd(40, "x"),
      // Quotes are escaped in JSON, so these titles take twice their length in storage.
      title: `${index} ${'"'.repeat(retroLimits.themeTitle - 6)} ${index % 10}`,
      entryIds: entryIds.slice(index * perTheme, (index + 1) * perTheme),
    }));
    // One Table Storage string property holds 32K characters: this grouping would not fit in one.
    expect(JSON.stringify(themes).length).toBeGreaterThan(32 * 1024);

    const saved = await saveThemes(grouping, themes);
    const read = retroSchema.parse(
      (await api.get(retroPath(grouping), { as: "demo-champion" })).body,
    );

    expect(saved.status).toBe(200);
    expect(read.themes).toEqual(themes);
    expect(read.voteItems).toHaveLength(retroLimits.themesMax);
  });

  it("saves a shorter grouping over a long one without keeping any of the long one", async () => {
    const { grouping, entryIds } = await fullRetro();
    const long = Array.from({ length: retroLimits.themesMax }, (_, index) => ({
      id: `t${index}`,
      title: "x".repeat(retroLimits.themeTitle),
      entryIds: entryIds.slice(index * 10, index * 10 + 10),
    }));
    const first = await saveThemes(grouping, long);
    const short = [{ id: "one", title: "One", entryIds: entryIds.slice(0, 2) }];

    const second = await saveThemes(first.body, short);

    expect(second.status).toBe(200);
    const read = retroSchema.parse(
      (await api.get(retroPath(grouping), { as: "demo-member" })).body,
    );
    expect(read.themes).toEqual(short);
  });

  it(`refuses more than ${retroLimits.themesMax} themes with 400 naming the limit`, async () => {
    const { grouping, entryIds } = await fullRetro();
    const themes = Array.from({ length: retroLimits.themesMax + 1 }, (_, index) => ({
      id: `t${index}`,
      title: `Theme ${index}`,
      entryIds: entryIds.slice(index, index + 1),
    }));

    const response = await saveThemes(grouping, themes);

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).message).toContain(
      `at most ${retroLimits.themesMax} themes`,
    );
  });

  it(`refuses themes holding more than ${retroLimits.entriesMax} entries with 400 naming the limit`, async () => {
    const { grouping, entryIds } = await fullRetro();
    const themes = [
      { id: "most", title: "Most", entryIds: entryIds.slice(0, 400) },
      { id: "rest", title: "Rest", entryIds: [...entryIds.slice(400), randomUUID()] },
    ];

    const response = await saveThemes(grouping, themes);

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).message).toContain(
      `at most ${retroLimits.entriesMax} entries`,
    );
  });
});

describe("reads that stay the same size as history grows", () => {
  async function addAction(retro: Retro, text: string): Promise<RetroAction> {
    const response = await api.post<RetroAction>(retroPath(retro, "/actions"), {
      as: "demo-champion",
      body: {
        text,
        owner: { id: "demo-member" },
        dueDate: clock.dateIn(30),
        submissionKey: randomUUID(),
      },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function markDone(action: RetroAction) {
    const response = await api.post(`${apiPaths.retroAction(community, action.id)}/status`, {
      as: "demo-member",
      body: { status: "done" },
    });
    expect(response.status).toBe(200);
  }

  it(`lists the newest ${retroLimits.historyPageSize} retros in at most 2 round trips, reading as many rows however long the history`, async () => {
    const { id: communityId } = await communityFactory(api);
    const started: string[] = [];
    for (let index = 0; index < retroLimits.historyPageSize + 5; index += 1) {
      started.push((await retroFactory(api, communityId)).id);
    }
    // Older than every retro above. Past one page of headers: below that, a bounded read and a
    // full one send the same rows.
    const olderHistory = (before: string) => ({ tenantId: demoTenantId, before: new Date(before) });
    await storedRetroHeadersFactory(store, communityId, 300, olderHistory("2026-01-01T00:00:00Z"));
    const { retros, rowKeys } = rowRecordingRetros();

    const { response, roundTrips: trips } = await roundTripsOf(() =>
      api.get(apiPaths.retros(communityId), { as: "demo-champion" }),
    );
    await retros.list({ tenantId: demoTenantId, communityId, limit: retroLimits.historyPageSize });
    const rowsRead = rowKeys.splice(0).length;
    await storedRetroHeadersFactory(store, communityId, 300, olderHistory("2025-01-01T00:00:00Z"));
    await retros.list({ tenantId: demoTenantId, communityId, limit: retroLimits.historyPageSize });

    expect(response.status).toBe(200);
    const list = retroListResponseSchema.parse(response.body);
    expect(list.retros.map((retro) => retro.id)).toEqual(
      started.reverse().slice(0, retroLimits.historyPageSize),
    );
    expect(trips).toBeLessThanOrEqual(2);
    expect(rowsRead).toBeGreaterThanOrEqual(retroLimits.historyPageSize);
    expect(rowsRead).toBeLessThan(started.length + 300);
    expect(rowKeys).toHaveLength(rowsRead);
  });

  it("keeps done actions out of the list and of other retros' reads, but not of their own retro", async () => {
    const earlier = await moveRetroTo(
      api,
      await retroFactory(api, community),
      "group",
      "vote",
      "decide",
    );
    const open = await addAction(earlier, "Still to do");
    const done = await addAction(earlier, "Already done");
    await markDone(done);
    const later = await retroFactory(api, community);

    const listed = await store.retros.list({
      tenantId: demoTenantId,
      communityId: community,
      limit: 1,
    });
    const ofLater = await store.retros.read({
      userId: null,
      withActions: true,
      tenantId: demoTenantId,
      communityId: community,
      retroId: later.id,
    });
    const ofEarlier = await store.retros.read({
      userId: null,
      withActions: true,
      tenantId: demoTenantId,
      communityId: community,
      retroId: earlier.id,
    });

    const ids = (actions: { actionId: string }[]) => actions.map((action) => action.actionId);
    expect(ids(listed.actions)).toContain(open.id);
    expect(ids(listed.actions)).not.toContain(done.id);
    expect(ids(ofLater?.communityActions ?? [])).toContain(open.id);
    expect(ids(ofLater?.communityActions ?? [])).not.toContain(done.id);
    expect(ids(ofEarlier?.communityActions ?? [])).toEqual(
      expect.arrayContaining([open.id, done.id]),
    );
    const shown = retroSchema.parse(
      (await api.get(retroPath(earlier), { as: "demo-member" })).body,
    );
    expect(shown.actions.map((action) => [action.id, action.status])).toEqual([
      [open.id, "open"],
      [done.id, "done"],
    ]);
    expect(later.reviewActions.map((action) => action.id)).toEqual(
      expect.arrayContaining([open.id]),
    );
  });

  it("reads a retro in at most 2 round trips, however many actions were done before", async () => {
    const earlier = await moveRetroTo(
      api,
      await retroFactory(api, community),
      "group",
      "vote",
      "decide",
    );
    for (let index = 0; index < 5; index += 1)
      await markDone(await addAction(earlier, `Done ${index}`));
    const retro = await retroFactory(api, community);
    const { retros, rowKeys } = rowRecordingRetros();

    const { response, roundTrips: trips } = await roundTripsOf(() =>
      api.get(retroPath(retro), { as: "demo-member" }),
    );
    await retros.read({
      tenantId: demoTenantId,
      communityId: community,
      retroId: retro.id,
      userId: "demo-member",
      withActions: true,
    });

    expect(response.status).toBe(200);
    expect(trips).toBeLessThanOrEqual(2);
    // Done actions of other retros are never sent: the read stays the same size as they pile up.
    expect(rowKeys).toContain(`retro|${retro.id}`);
    expect(rowKeys.filter((key) => key.startsWith(`action|${earlier.id}-`))).toEqual([]);
  });

  it("reads a retro header written before themes were split over several properties", async () => {
    const retro = await retroFactory(api, community);
    const entryId = await storedEntriesFactory(store, retro, 1, demoTenantId);
    const table = TableClient.fromConnectionString(
      stack.storageConnectionString,
      tableNames.retros,
      { allowInsecureConnection: true },
    );
    const partitionKey = `${demoTenantId}__${community}`;
    const rowKey = `retro|${retro.id}`;
    const row = await table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
    const themes = [{ id: "old", title: "Written the old way", entryIds: entryId }];
    // The old layout: all themes in `themesJson`, and no other theme property at all.
    const oldRow: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(row)) {
      if (!/^themesJson\d+$/.test(name) && !["etag", "timestamp"].includes(name)) {
        oldRow[name] = value;
      }
    }
    await table.upsertEntity(
      {
        ...oldRow,
        partitionKey,
        rowKey,
        phase: "group",
        themesJson: JSON.stringify(themes),
      },
      "Replace",
    );

    const read = retroSchema.parse((await api.get(retroPath(retro), { as: "demo-member" })).body);

    expect(read.themes).toEqual(themes);
  });
});
