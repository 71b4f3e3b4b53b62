import {
  apiErrorSchema,
  apiPaths,
  occurrencesResponseSchema,
  ritualLimits,
  ritualSchema,
  type Occurrence,
  type Ritual,
} from "@practice-hub/shared";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore, type RsvpImport, type Store } from "../../bot/src/store";
import { apiClient, type ApiClient } from "../support/api";
import { memberCommunityFactory } from "../support/factories";
import { startStack, type Stack } from "../support/stack";

// A full session must fit in storage: the attendance of one occurrence lives in one row, whose
// string properties Table Storage (and Azurite) cap at 32K characters, and a session takes at most
// `peoplePerOccurrence` answers. The data below is the largest the API can write: the longest
// ids, and names whose every character JSON escapes.
const now = new Date("2026-03-09T12:00:00Z");
const cap = ritualLimits.peoplePerOccurrence;
let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;
let store: Store;

beforeAll(async () => {
  stack = await startStack({ now: () => now });
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
  store = createStore(stack.storageConnectionString);
});

afterAll(async () => {
  await stack?.stop();
});

/** The longest user id a token may carry (128 key-safe characters), numbered. */
const longId = (index: number) => `${"p".repeat(124)}${String(index).padStart(4, "0")}`;

/** `count` answers with the longest ids and names at their longest JSON form. */
function fullAnswers(count: number): RsvpImport[] {
  return Array.from({ length: count }, (_, index) => ({
    userId: longId(index),
    response: "notGoing" as const,
    displayName: '"\\'.repeat(ritualLimits.rsvpDisplayName / 2),
  }));
}

async function weeklyRitual(): Promise<Ritual> {
  const response = await api.post(apiPaths.rituals(ownCommunityId), {
    as: "demo-champion",
    body: {
      name: "A very popular session",
      schedule: {
        startDate: "2026-03-02",
        startTime: "09:00",
        durationMinutes: 60,
        timeZone: "Europe/London",
        recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
        until: null,
      },
    },
  });
  return ritualSchema.parse(response.body);
}

/** Stores answers straight into storage, as earlier RSVPs would have left them. */
async function seedAnswers(ritual: Ritual, date: string, count: number) {
  await store.rituals.importRsvps({
    tenantId: demoTenantId,
    communityId: ownCommunityId,
    ritualId: ritual.id,
    originalDate: date,
    answers: fullAnswers(count),
  });
}

async function occurrenceOn(ritual: Ritual, date: string, as: "demo-member" | "demo-champion") {
  const response = await api.get(
    `${apiPaths.occurrences(ownCommunityId)}?from=2026-03-01T00:00:00Z&to=2026-03-20T00:00:00Z`,
    { as },
  );
  const found = occurrencesResponseSchema
    .parse(response.body)
    .occurrences.find((o) => o.ritualId === ritual.id && o.originalDate === date);
  if (!found) throw new Error(`no occurrence on ${date}`);
  return found;
}

describe("a full session", () => {
  it("takes RSVPs up to the cap, refuses one more with 409, and lets people change their answer", async () => {
    const ritual = await weeklyRitual();
    await seedAnswers(ritual, "2026-03-16", cap - 1);
    const path = apiPaths.occurrenceRsvp(ownCommunityId, ritual.id, "2026-03-16");

    const last = await api.put<Occurrence>(path, {
      as: "demo-member",
      body: { response: "going" },
    });
    expect(last.status).toBe(200);
    expect(last.body.responses).toHaveLength(cap);

    const oneMore = await api.put(path, { as: "demo-champion", body: { response: "going" } });
    expect(oneMore.status).toBe(409);
    expect(apiErrorSchema.parse(oneMore.body).message).toContain(`${cap} people have already`);

    const changed = await api.put(path, { as: "demo-member", body: { response: "maybe" } });
    expect(changed.status).toBe(200);
    const shown = await occurrenceOn(ritual, "2026-03-16", "demo-member");
    expect(shown.myRsvp).toBe("maybe");
    expect(shown.rsvpCounts).toEqual({ going: 0, maybe: 1, notGoing: cap - 1 });
  });

  it("records the attendance of a full session with the longest ids and notes", async () => {
    const ritual = await weeklyRitual();
    await seedAnswers(ritual, "2026-03-02", cap);
    const past = await occurrenceOn(ritual, "2026-03-02", "demo-champion");
    const attendeeIds = Array.from({ length: cap }, (_, index) => longId(index));
    const notes = '"'.repeat(ritualLimits.sessionNotes);
    const path = apiPaths.occurrenceAttendance(ownCommunityId, ritual.id, "2026-03-02");

    const tooMany = await api.put(path, {
      as: "demo-champion",
      body: { attendeeIds: [...attendeeIds, longId(cap)], notes },
      headers: { "if-match": past.etag },
    });
    expect(tooMany.status).toBe(400);
    expect(apiErrorSchema.parse(tooMany.body).message).toContain(`at most ${cap} attendees`);

    const recorded = await api.put(path, {
      as: "demo-champion",
      body: { attendeeIds, notes },
      headers: { "if-match": past.etag },
    });
    expect(recorded.status).toBe(200);
    const shown = await occurrenceOn(ritual, "2026-03-02", "demo-champion");
    expect(shown.attendance?.attendeeIds).toEqual(attendeeIds);
    expect(shown.attendance?.notes).toBe(notes);
    expect(shown.responses).toHaveLength(cap);
  });
});
