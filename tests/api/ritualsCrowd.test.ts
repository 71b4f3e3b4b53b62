import { TableClient } from "@azure/data-tables";
import {
  apiErrorSchema,
  apiPaths,
  occurrenceSchema,
  occurrencesResponseSchema,
  ritualLimits,
  ritualSchema,
  ritualVerbs,
  type Occurrence,
  type RitualInput,
} from "@practice-hub/shared";
import { registerRitualBot } from "../../bot/src/rituals/cardActions";
import { ritualUpdater } from "../../bot/src/rituals/ritualUpdater";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createLogger } from "../../bot/src/logger";
import { createStore, tableNames, type Store } from "../../bot/src/store";
import { createRitualRepository } from "../../bot/src/store/rituals";
import type { CardActionHandler, CardActionRegistry } from "../../bot/src/teams";
import { apiClient, type ApiClient } from "../support/api";
import { communityFactory } from "../support/factories";
import { rowRecordingTable } from "../support/rowRecorder";
import { startStack, type Stack } from "../support/stack";

// A reminder card in a busy channel: everybody presses an answer at the same moment. Each person
// signs in with their own Entra token (the fake Entra signs them), so the service sees 50 people.
const now = new Date("2026-03-09T12:00:00Z");
const crowdSize = 50;
let stack: Stack;
let api: ApiClient;
let store: Store;
let roundTrips = 0;
let people = 0;
const handlers = new Map<string, CardActionHandler>();

beforeAll(async () => {
  stack = await startStack({
    authMode: "entra",
    now: () => now,
    extraConfig: { JOBS_ENABLED: false },
    onStorageRoundTrip: () => (roundTrips += 1),
  });
  api = apiClient(stack);
  store = createStore(stack.storageConnectionString);
  // The real registry answers TurnContexts only; this one hands the handlers to the tests.
  const capturing = {
    register: (verb: string, handler: CardActionHandler) => handlers.set(verb, handler),
  };
  registerRitualBot({
    cardActions: capturing as unknown as CardActionRegistry,
    deps: { store, now: () => now, tabUrl: "https://hub.example.com/" },
  });
});

afterAll(async () => {
  await stack?.stop();
});

interface Person {
  id: string;
  displayName: string;
  token: string;
}

/** `count` new people, members of the community, each with their own token. */
async function crowdFactory(communityId: string, count: number): Promise<Person[]> {
  const entra = stack.fakeEntra;
  if (!entra) throw new Error("an entra stack starts a fake Entra");
  const crowd: Person[] = [];
  for (let index = 0; index < count; index += 1) {
    people += 1;
    const person = { id: `crowd-${people}`, displayName: `Crowd Person ${people}` };
    const added = await api.post(apiPaths.people(communityId), {
      as: "demo-champion",
      body: { userId: person.id, displayName: person.displayName, roles: ["member"] },
    });
    if (added.status !== 201) throw new Error(`member not added: ${added.status}`);
    const token = await entra.sign({ tid: demoTenantId, oid: person.id, name: person.displayName });
    crowd.push({ ...person, token });
  }
  return crowd;
}

/** A community with a weekly Monday ritual and a crowd of members. */
async function busyCommunity(count = crowdSize) {
  const community = await communityFactory(api);
  const input: RitualInput = {
    name: "Show and tell",
    schedule: {
      startDate: "2026-03-02",
      startTime: "09:00",
      durationMinutes: 45,
      timeZone: "Europe/London",
      recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
      until: null,
    },
  };
  const created = await api.post(apiPaths.rituals(community.id), {
    as: "demo-champion",
    body: input,
  });
  const ritual = ritualSchema.parse(created.body);
  const crowd = await crowdFactory(community.id, count);
  return { communityId: community.id, ritual, crowd };
}

async function occurrenceOn(communityId: string, ritualId: string, date: string, token?: string) {
  const response = await api.get(
    `${apiPaths.occurrences(communityId)}?from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z`,
    token ? { token } : { as: "demo-champion" },
  );
  const found = occurrencesResponseSchema
    .parse(response.body)
    .occurrences.find((o) => o.ritualId === ritualId && o.originalDate === date);
  if (!found) throw new Error(`no occurrence on ${date}`);
  return found;
}

/** Every stored row of the community's ritual table whose RowKey starts with `prefix`. */
async function storedRows(communityId: string, prefix: string) {
  const table = TableClient.fromConnectionString(
    stack.storageConnectionString,
    tableNames.rituals,
    { allowInsecureConnection: true },
  );
  const rows: { rowKey: string; etag: string; seat?: number }[] = [];
  for await (const row of table.listEntities<{ seat?: number }>({
    queryOptions: { filter: `PartitionKey eq '${demoTenantId}__${communityId}'` },
  })) {
    if (row.rowKey?.startsWith(prefix)) {
      rows.push({ rowKey: row.rowKey, etag: row.etag, seat: row.seat });
    }
  }
  return rows;
}

const date = "2026-03-16";

describe("a crowd answering one session", () => {
  it("stores every answer when 50 people press Going at the same moment", async () => {
    const { communityId, ritual, crowd } = await busyCommunity();
    const path = apiPaths.occurrenceRsvp(communityId, ritual.id, date);

    const answers = await Promise.all(
      crowd.map((person) => api.put(path, { token: person.token, body: { response: "going" } })),
    );

    expect(answers.map((answer) => answer.status)).toEqual(crowd.map(() => 200));
    const shown = await occurrenceOn(communityId, ritual.id, date);
    expect(shown.rsvpCounts).toEqual({ going: crowdSize, maybe: 0, notGoing: 0 });
    expect(shown.responses.map((r) => r.person.displayName).sort()).toEqual(
      crowd.map((person) => person.displayName).sort(),
    );
    const rows = await storedRows(communityId, `occ|${date}|${ritual.id}|rsvp|`);
    expect(rows).toHaveLength(crowdSize);
    expect(new Set(rows.map((row) => row.seat)).size).toBe(crowdSize);
  });

  it("replaces only the answer of the person who changes it", async () => {
    const { communityId, ritual, crowd } = await busyCommunity();
    const path = apiPaths.occurrenceRsvp(communityId, ritual.id, date);
    await Promise.all(
      crowd.map((person) => api.put(path, { token: person.token, body: { response: "going" } })),
    );
    const before = await storedRows(communityId, `occ|${date}|${ritual.id}|rsvp|`);
    const changer = crowd[7];
    if (!changer) throw new Error("the crowd is too small");

    const changed = await api.put<Occurrence>(path, {
      token: changer.token,
      body: { response: "maybe" },
    });

    expect(changed.status).toBe(200);
    expect(occurrenceSchema.parse(changed.body).myRsvp).toBe("maybe");
    const after = await storedRows(communityId, `occ|${date}|${ritual.id}|rsvp|`);
    const changedKeys = after
      .filter((row) => before.find((old) => old.rowKey === row.rowKey)?.etag !== row.etag)
      .map((row) => row.rowKey);
    expect(changedKeys).toEqual([`occ|${date}|${ritual.id}|rsvp|${changer.id}`]);
    expect(after).toHaveLength(crowdSize);
    const shown = await occurrenceOn(communityId, ritual.id, date, changer.token);
    expect([shown.rsvpCounts, shown.myRsvp]).toEqual([
      { going: crowdSize - 1, maybe: 1, notGoing: 0 },
      "maybe",
    ]);
  });

  it("reads a session's answers with names in at most 2 storage round trips", async () => {
    const { communityId, ritual, crowd } = await busyCommunity();
    const path = apiPaths.occurrenceRsvp(communityId, ritual.id, date);
    await Promise.all(
      crowd.map((person, index) =>
        api.put(path, {
          token: person.token,
          body: { response: index % 2 === 0 ? "going" : "notGoing" },
        }),
      ),
    );

    roundTrips = 0;
    const shown = await occurrenceOn(communityId, ritual.id, date);

    expect(roundTrips).toBeGreaterThan(0);
    expect(roundTrips).toBeLessThanOrEqual(2);
    expect(shown.rsvpCounts).toEqual({ going: crowdSize / 2, maybe: 0, notGoing: crowdSize / 2 });
    expect(shown.responses).toHaveLength(crowdSize);
  });

  it("records an answer in at most 3 storage round trips, however many answered before", async () => {
    const { communityId, ritual, crowd } = await busyCommunity();
    const path = apiPaths.occurrenceRsvp(communityId, ritual.id, date);
    const [last, ...others] = crowd;
    if (!last) throw new Error("the crowd is empty");
    await Promise.all(
      others.map((person) => api.put(path, { token: person.token, body: { response: "going" } })),
    );

    roundTrips = 0;
    const answer = await api.put(path, { token: last.token, body: { response: "maybe" } });

    expect(answer.status).toBe(200);
    expect(roundTrips).toBeLessThanOrEqual(3);
  });

  it("takes exactly the seats left when more people answer together than the session holds", async () => {
    const { communityId, ritual, crowd } = await busyCommunity(20);
    const left = 10;
    await store.rituals.importRsvps({
      tenantId: demoTenantId,
      communityId,
      ritualId: ritual.id,
      originalDate: date,
      answers: Array.from({ length: ritualLimits.peoplePerOccurrence - left }, (_, index) => ({
        userId: `earlier-${index}`,
        response: "going" as const,
        displayName: `Earlier ${index}`,
      })),
    });
    const path = apiPaths.occurrenceRsvp(communityId, ritual.id, date);

    const answers = await Promise.all(
      crowd.map((person) => api.put(path, { token: person.token, body: { response: "maybe" } })),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(left);
    expect(statuses.filter((status) => status === 409)).toHaveLength(crowd.length - left);
    const refused = answers.find((answer) => answer.status === 409);
    expect(apiErrorSchema.parse(refused?.body).message).toContain(
      `${ritualLimits.peoplePerOccurrence} people have already answered`,
    );
    const shown = await occurrenceOn(communityId, ritual.id, date);
    expect(shown.rsvpCounts).toEqual({
      going: ritualLimits.peoplePerOccurrence - left,
      maybe: left,
      notGoing: 0,
    });
  });

  it("stores every answer pressed on the channel's reminder card at the same moment", async () => {
    const { communityId, ritual, crowd } = await busyCommunity();
    const rsvp = handlers.get(ritualVerbs.rsvp);
    if (!rsvp) throw new Error("no RSVP handler");
    const logger = createLogger(stack.config);

    const answers = await Promise.all(
      crowd.map((person) =>
        rsvp({
          actor: { tenantId: demoTenantId, userId: person.id, displayName: person.displayName },
          data: { communityId, ritualId: ritual.id, date, lead: 1440, response: "going" },
          conversation: {
            tenantId: demoTenantId,
            conversationId: "19:crowd@thread.tacv2",
            kind: "channel",
          },
          logger,
          post: async () => undefined,
        }),
      ),
    );

    expect(answers.every((answer) => "card" in answer)).toBe(true);
    const shown = await occurrenceOn(communityId, ritual.id, date);
    expect(shown.rsvpCounts.going).toBe(crowdSize);
    expect(await storedRows(communityId, `occ|${date}|${ritual.id}|rsvp|`)).toHaveLength(crowdSize);
  });

  it("checks a schedule change without reading anyone's answers", async () => {
    const { communityId, ritual, crowd } = await busyCommunity(5);
    const path = apiPaths.occurrenceRsvp(communityId, ritual.id, date);
    for (const person of crowd) {
      await api.put(path, { token: person.token, body: { response: "going" } });
    }
    const current = await store.rituals.readRitual({
      tenantId: demoTenantId,
      communityId,
      ritualId: ritual.id,
    });
    if (!current) throw new Error("ritual not stored");
    const { table, rowKeys } = rowRecordingTable(stack.storageConnectionString, tableNames.rituals);

    const saved = await ritualUpdater({
      store: { ...store, rituals: createRitualRepository(table) },
      viewer: {
        actor: { tenantId: demoTenantId, userId: "demo-champion", displayName: "Ana Champion" },
        roles: { tenantRoles: [], communities: [] },
      },
      communityId,
      ritualId: ritual.id,
      fields: { ...current.fields, schedule: { ...current.fields.schedule, startTime: "10:00" } },
      ifMatch: current.etag,
      now,
    });

    expect(saved?.schedule.startTime).toBe("10:00");
    expect(rowKeys.filter((key) => key.includes("|rsvp|"))).toEqual([]);
    const shown = await occurrenceOn(communityId, ritual.id, date);
    expect([shown.start, shown.rsvpCounts.going]).toEqual(["2026-03-16T10:00:00.000Z", 5]);
  });
});
