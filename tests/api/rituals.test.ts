import {
  apiErrorSchema,
  apiPaths,
  occurrencesResponseSchema,
  ritualLimits,
  ritualSchema,
  scheduleConflictDataSchema,
  type Occurrence,
  type OccurrencesResponse,
  type Ritual,
  type RitualInput,
  unchangedOccurrence,
} from "@practice-hub/shared";
import { ritualUpdater } from "../../bot/src/rituals/ritualUpdater";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore, tableNames } from "../../bot/src/store";
import { createRitualRepository } from "../../bot/src/store/rituals";
import { apiClient, type ApiClient } from "../support/api";
import { communityFactory, memberCommunityFactory } from "../support/factories";
import { rowRecordingTable } from "../support/rowRecorder";
import { startStack, type DemoPerson, type Stack } from "../support/stack";

// A fixed clock: Monday 9 March 2026, between New York's and London's spring changes.
const now = new Date("2026-03-09T12:00:00Z");
let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;
let sequence = 0;

beforeAll(async () => {
  stack = await startStack({ now: () => now });
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
});

afterAll(async () => {
  await stack?.stop();
});

function ritualInputFactory(overrides: Partial<RitualInput> = {}): RitualInput {
  sequence += 1;
  return {
    name: `Test ritual ${sequence}`,
    purpose: "Made by a test.",
    schedule: {
      startDate: "2026-03-02",
      startTime: "09:00",
      durationMinutes: 60,
      timeZone: "Europe/London",
      recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
      until: null,
    },
    ...overrides,
  };
}

async function ritualFactory(
  communityId = ownCommunityId,
  overrides: Partial<RitualInput> = {},
): Promise<Ritual> {
  const response = await api.post(apiPaths.rituals(communityId), {
    as: "demo-champion",
    body: ritualInputFactory(overrides),
  });
  if (response.status !== 201)
    throw new Error(`ritual not created: ${JSON.stringify(response.body)}`);
  return ritualSchema.parse(response.body);
}

async function calendar(
  from: string,
  to: string,
  as: DemoPerson = "demo-member",
  communityId = ownCommunityId,
): Promise<OccurrencesResponse> {
  const response = await api.get(
    `${apiPaths.occurrences(communityId)}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    { as },
  );
  if (response.status !== 200) throw new Error(`calendar: ${JSON.stringify(response.body)}`);
  return occurrencesResponseSchema.parse(response.body);
}

const of = (response: OccurrencesResponse, ritual: Ritual): Occurrence[] =>
  response.occurrences.filter((o) => o.ritualId === ritual.id);

async function occurrenceOn(ritual: Ritual, date: string, as: DemoPerson = "demo-member") {
  const response = await calendar("2026-02-01T00:00:00Z", "2026-05-01T00:00:00Z", as);
  const occurrence = of(response, ritual).find((o) => o.originalDate === date);
  if (!occurrence) throw new Error(`no occurrence on ${date}`);
  return occurrence;
}

async function volunteer(ritual: Ritual, as: DemoPerson, body: object = {}): Promise<Ritual> {
  const response = await api.put(apiPaths.ritualVolunteer(ownCommunityId, ritual.id), {
    as,
    body,
  });
  if (response.status !== 200) throw new Error(`volunteer: ${JSON.stringify(response.body)}`);
  return ritualSchema.parse(response.body);
}

describe("rituals", () => {
  it("lets a champion create a ritual that members then see", async () => {
    const ritual = await ritualFactory();
    const response = await api.get<{ rituals: Ritual[] }>(apiPaths.rituals(ownCommunityId), {
      as: "demo-member",
    });
    expect(response.status).toBe(200);
    expect(response.body.rituals.map((r) => r.id)).toContain(ritual.id);
    expect(ritual.reminderOffsetsMinutes).toEqual([1440, 15]);
  });

  it("refuses a member who tries to create a ritual with 403", async () => {
    const response = await api.post(apiPaths.rituals(ownCommunityId), {
      as: "demo-member",
      body: ritualInputFactory(),
    });
    expect(response.status).toBe(403);
    expect(apiErrorSchema.parse(response.body).error).toBe("forbidden");
  });

  it("answers 404 to someone from another organisation", async () => {
    const response = await api.get(apiPaths.rituals(ownCommunityId), { as: "demo-outsider" });
    expect(response.status).toBe(404);
  });

  it("refuses a schedule in an unknown time zone, naming the field", async () => {
    const input = ritualInputFactory();
    const response = await api.post(apiPaths.rituals(ownCommunityId), {
      as: "demo-champion",
      body: { ...input, schedule: { ...input.schedule, timeZone: "Mars/Olympus" } },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain("schedule.timeZone");
  });

  it("answers 428 to an update without If-Match and 412 with the current ritual to a stale one", async () => {
    const ritual = await ritualFactory();
    const path = apiPaths.ritual(ownCommunityId, ritual.id);
    const body = ritualInputFactory({ name: "Renamed" });
    expect((await api.put(path, { as: "demo-champion", body })).status).toBe(428);

    const saved = await api.put<Ritual>(path, {
      as: "demo-champion",
      body,
      headers: { "if-match": ritual.etag },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.name).toBe("Renamed");

    const stale = await api.put(path, {
      as: "demo-champion",
      body: ritualInputFactory({ name: "Lost" }),
      headers: { "if-match": ritual.etag },
    });
    expect(stale.status).toBe(412);
    const error = apiErrorSchema.parse(stale.body);
    expect((error.data as { current: Ritual }).current.name).toBe("Renamed");
  });

  it("deletes a ritual with its current etag", async () => {
    const ritual = await ritualFactory();
    const path = apiPaths.ritual(ownCommunityId, ritual.id);
    const response = await api.request("DELETE", path, {
      as: "demo-champion",
      headers: { "if-match": ritual.etag },
    });
    expect(response.status).toBe(204);
    const list = await api.get<{ rituals: Ritual[] }>(apiPaths.rituals(ownCommunityId), {
      as: "demo-member",
    });
    expect(list.body.rituals.map((r) => r.id)).not.toContain(ritual.id);
  });

  it("creates the starter rhythm in one step", async () => {
    const community = await communityFactory(api);
    const response = await api.post<{ rituals: Ritual[] }>(apiPaths.starterRhythm(community.id), {
      as: "demo-champion",
      body: { from: "2026-03-09", weekday: "WE", time: "12:00", timeZone: "Europe/London" },
    });
    expect(response.status).toBe(201);
    const result = await calendar(
      "2026-03-09T00:00:00Z",
      "2026-04-06T00:00:00Z",
      "demo-champion",
      community.id,
    );
    expect(result.occurrences.map((o) => [o.start.slice(0, 10), o.ritualName])).toEqual([
      ["2026-03-11", "Office hours"],
      ["2026-03-18", "Show and tell"],
      ["2026-03-25", "Office hours"],
      ["2026-04-01", "Learning session"],
    ]);
    expect(result.warnings.startingBig).toBe(false);
  });

  it("does not count rituals that have ended towards starting big", async () => {
    const community = await communityFactory(api);
    const ended = ritualInputFactory().schedule;
    await ritualFactory(community.id, {
      schedule: { ...ended, startDate: "2026-02-02", until: "2026-03-02" },
    });
    for (let i = 0; i < 3; i += 1) await ritualFactory(community.id);
    const result = await calendar(
      "2026-03-09T00:00:00Z",
      "2026-03-20T00:00:00Z",
      "demo-champion",
      community.id,
    );
    expect(result.warnings.startingBig).toBe(false);
  });

  it("refuses a ritual beyond the most a community may run", async () => {
    const community = await communityFactory(api);
    for (let i = 0; i < ritualLimits.ritualsPerCommunity; i += 1) {
      await ritualFactory(community.id);
    }
    const response = await api.post(apiPaths.rituals(community.id), {
      as: "demo-champion",
      body: ritualInputFactory(),
    });
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).message).toContain(
      `at most ${ritualLimits.ritualsPerCommunity} rituals`,
    );
  });

  it("warns a young community that runs more than three rituals", async () => {
    const community = await communityFactory(api);
    for (let i = 0; i < 4; i += 1) await ritualFactory(community.id);
    const result = await calendar(
      "2026-03-09T00:00:00Z",
      "2026-03-20T00:00:00Z",
      "demo-champion",
      community.id,
    );
    expect(result.warnings.startingBig).toBe(true);
  });
});

describe("occurrences", () => {
  it("keeps a London 09:00 session at 09:00 local across the change to summer time", async () => {
    const ritual = await ritualFactory();
    const result = await calendar("2026-03-23T00:00:00Z", "2026-04-01T00:00:00Z");
    expect(of(result, ritual).map((o) => o.start)).toEqual([
      "2026-03-23T09:00:00.000Z",
      "2026-03-30T08:00:00.000Z",
    ]);
  });

  it("refuses a range longer than 100 days", async () => {
    const response = await api.get(
      `${apiPaths.occurrences(ownCommunityId)}?from=2026-01-01T00:00:00Z&to=2026-05-01T00:00:00Z`,
      { as: "demo-member" },
    );
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).message).toContain("100 days");
  });

  it("cancels one occurrence with a reason and moves another, leaving the series alone", async () => {
    const ritual = await ritualFactory();
    const cancel = await occurrenceOn(ritual, "2026-03-16");
    const cancelled = await api.put<Occurrence>(
      apiPaths.occurrence(ownCommunityId, ritual.id, "2026-03-16"),
      {
        as: "demo-champion",
        body: { cancelledReason: "Everyone is at the offsite" },
        headers: { "if-match": cancel.etag },
      },
    );
    expect(cancelled.status).toBe(200);
    const move = await occurrenceOn(ritual, "2026-03-23");
    const moved = await api.put(apiPaths.occurrence(ownCommunityId, ritual.id, "2026-03-23"), {
      as: "demo-champion",
      body: { movedTo: { date: "2026-03-24", time: "14:00" } },
      headers: { "if-match": move.etag },
    });
    expect(moved.status).toBe(200);

    const result = await calendar("2026-03-09T00:00:00Z", "2026-04-01T00:00:00Z");
    expect(of(result, ritual).map((o) => [o.originalDate, o.start, o.status])).toEqual([
      ["2026-03-09", "2026-03-09T09:00:00.000Z", "scheduled"],
      ["2026-03-16", "2026-03-16T09:00:00.000Z", "cancelled"],
      ["2026-03-23", "2026-03-24T14:00:00.000Z", "moved"],
      ["2026-03-30", "2026-03-30T08:00:00.000Z", "scheduled"],
    ]);
    expect(of(result, ritual)[1]?.cancelledReason).toBe("Everyone is at the offsite");
  });

  it("keeps the assigned facilitator when a session is moved, and the move when it is cancelled", async () => {
    const ritual = await ritualFactory();
    await volunteer(ritual, "demo-member");
    const path = apiPaths.occurrence(ownCommunityId, ritual.id, "2026-03-16");
    const before = await occurrenceOn(ritual, "2026-03-16");
    const assigned = await api.put<Occurrence>(path, {
      as: "demo-champion",
      body: { facilitatorId: "demo-member" },
      headers: { "if-match": before.etag },
    });
    const moved = await api.put<Occurrence>(path, {
      as: "demo-champion",
      body: { movedTo: { date: "2026-03-17", time: "14:00" } },
      headers: { "if-match": assigned.body.etag },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.facilitator?.person.id).toBe("demo-member");
    const shown = await occurrenceOn(ritual, "2026-03-16");
    expect([shown.start, shown.facilitator?.person.id, shown.facilitator?.source]).toEqual([
      "2026-03-17T14:00:00.000Z",
      "demo-member",
      "assigned",
    ]);

    const cancelled = await api.put<Occurrence>(path, {
      as: "demo-champion",
      body: { cancelledReason: "Room unavailable" },
      headers: { "if-match": moved.body.etag },
    });
    expect([cancelled.body.status, cancelled.body.start]).toEqual([
      "cancelled",
      "2026-03-17T14:00:00.000Z",
    ]);
  });

  it("answers 412 to a change made against an old version of the occurrence", async () => {
    const ritual = await ritualFactory();
    const before = await occurrenceOn(ritual, "2026-03-16");
    const path = apiPaths.occurrence(ownCommunityId, ritual.id, "2026-03-16");
    const first = await api.put(path, {
      as: "demo-champion",
      body: { cancelledReason: "Bank holiday" },
      headers: { "if-match": before.etag },
    });
    expect(first.status).toBe(200);
    const second = await api.put(path, {
      as: "demo-champion",
      body: { cancelledReason: "Another reason" },
      headers: { "if-match": before.etag },
    });
    expect(second.status).toBe(412);
  });

  it("answers 404 for a date on which the ritual does not happen", async () => {
    const ritual = await ritualFactory();
    const response = await api.put(
      apiPaths.occurrenceRsvp(ownCommunityId, ritual.id, "2026-03-17"),
      {
        as: "demo-member",
        body: { response: "going" },
      },
    );
    expect(response.status).toBe(404);
  });

  it("counts RSVPs and shows each person their own answer", async () => {
    const ritual = await ritualFactory();
    const path = apiPaths.occurrenceRsvp(ownCommunityId, ritual.id, "2026-03-16");
    await api.put(path, { as: "demo-member", body: { response: "going" } });
    await api.put(path, { as: "demo-champion", body: { response: "maybe" } });
    await api.put(path, { as: "demo-member", body: { response: "notGoing" } });

    const mine = await occurrenceOn(ritual, "2026-03-16", "demo-member");
    expect(mine.rsvpCounts).toEqual({ going: 0, maybe: 1, notGoing: 1 });
    expect(mine.myRsvp).toBe("notGoing");
  });
});

describe("swap requests", () => {
  const swapRequest = (ritual: Ritual, date: string) =>
    apiPaths.occurrenceSwapRequest(ownCommunityId, ritual.id, date);
  const acceptance = (ritual: Ritual, date: string) =>
    apiPaths.occurrenceSwapAcceptance(ownCommunityId, ritual.id, date);

  it("lets the facilitator ask for a swap and another volunteer take the session", async () => {
    const ritual = await ritualFactory();
    await volunteer(ritual, "demo-champion");
    await volunteer(ritual, "demo-member");
    // The rotation gives 16 March to the first volunteer, the champion.
    const before = await occurrenceOn(ritual, "2026-03-16", "demo-champion");
    expect(before.canAskForSwap).toBe(true);

    const asked = await api.post<Occurrence>(swapRequest(ritual, "2026-03-16"), {
      as: "demo-champion",
      headers: { "if-match": before.etag },
    });
    expect(asked.status).toBe(200);
    const seen = await occurrenceOn(ritual, "2026-03-16", "demo-member");
    expect(seen.swapRequestedBy?.id).toBe("demo-champion");
    expect(seen.canTakeSwap).toBe(true);

    const taken = await api.post<Occurrence>(acceptance(ritual, "2026-03-16"), {
      as: "demo-member",
      headers: { "if-match": seen.etag },
    });
    expect(taken.status).toBe(200);
    const after = await occurrenceOn(ritual, "2026-03-16", "demo-member");
    expect([after.facilitator?.person.id, after.facilitator?.source]).toEqual([
      "demo-member",
      "assigned",
    ]);
    expect(after.swapRequestedBy).toBeNull();
  });

  it("refuses a swap request from someone who is not the session's facilitator", async () => {
    const ritual = await ritualFactory();
    await volunteer(ritual, "demo-champion");
    await volunteer(ritual, "demo-member");
    const before = await occurrenceOn(ritual, "2026-03-16", "demo-member");
    expect(before.canAskForSwap).toBe(false);
    const response = await api.post(swapRequest(ritual, "2026-03-16"), {
      as: "demo-member",
      headers: { "if-match": before.etag },
    });
    expect(response.status).toBe(403);
  });

  it("refuses acceptance from a non-volunteer and the requester, and a stale one with 412", async () => {
    const ritual = await ritualFactory();
    await volunteer(ritual, "demo-champion");
    const before = await occurrenceOn(ritual, "2026-03-16", "demo-champion");
    await api.post(swapRequest(ritual, "2026-03-16"), {
      as: "demo-champion",
      headers: { "if-match": before.etag },
    });
    const open = await occurrenceOn(ritual, "2026-03-16", "demo-member");
    expect(open.canTakeSwap).toBe(false);

    const notVolunteer = await api.post(acceptance(ritual, "2026-03-16"), {
      as: "demo-member",
      headers: { "if-match": open.etag },
    });
    expect(notVolunteer.status).toBe(403);
    const requester = await api.post(acceptance(ritual, "2026-03-16"), {
      as: "demo-champion",
      headers: { "if-match": open.etag },
    });
    expect(requester.status).toBe(403);

    await volunteer(ritual, "demo-member");
    const stale = await api.post(acceptance(ritual, "2026-03-16"), {
      as: "demo-member",
      headers: { "if-match": before.etag },
    });
    expect(stale.status).toBe(412);
    expect((await occurrenceOn(ritual, "2026-03-16")).swapRequestedBy?.id).toBe("demo-champion");
  });
});

describe("volunteers", () => {
  it("keeps a volunteer's away days when they press Volunteer again", async () => {
    const ritual = await ritualFactory();
    await volunteer(ritual, "demo-member", { awayDates: ["2026-03-16"] });
    const again = await volunteer(ritual, "demo-member");
    expect(again.volunteers.find((v) => v.id === "demo-member")?.awayDates).toEqual(["2026-03-16"]);
    const seen = await occurrenceOn(ritual, "2026-03-16", "demo-member");
    expect(seen.viewerVolunteers).toBe(true);
  });
});

describe("rotation and attendance", () => {
  it("rotates facilitators among volunteers and explains who served when", async () => {
    const ritual = await ritualFactory();
    for (const person of ["demo-champion", "demo-member"] as const) {
      const response = await api.put(apiPaths.ritualVolunteer(ownCommunityId, ritual.id), {
        as: person,
        body: {},
      });
      expect(response.status).toBe(200);
    }
    const result = await calendar("2026-03-10T00:00:00Z", "2026-04-01T00:00:00Z");
    expect(of(result, ritual).map((o) => o.facilitator?.person.id)).toEqual([
      "demo-champion",
      "demo-member",
      "demo-champion",
    ]);
    // The champion's planned session on 16 March has not happened: nothing is recorded yet.
    expect(of(result, ritual)[2]?.facilitator?.lastServedDate).toBeNull();
  });

  it("lets the rotation's facilitator record attendance of a past session and moves the rotation on", async () => {
    const ritual = await ritualFactory();
    await volunteer(ritual, "demo-champion");
    await volunteer(ritual, "demo-member");
    const past = await occurrenceOn(ritual, "2026-03-02");
    // With nobody recorded yet the rotation picks the first volunteer, the champion.
    const response = await api.put<Occurrence>(
      apiPaths.occurrenceAttendance(ownCommunityId, ritual.id, "2026-03-02"),
      {
        as: "demo-champion",
        body: {
          attendeeIds: ["demo-member", "demo-champion"],
          notes: "Good questions about discovery.",
          recordingUrl: "https://example.com/recording",
        },
        headers: { "if-match": past.etag },
      },
    );
    expect(response.status).toBe(200);
    expect(response.body.attendance).toEqual({
      count: 2,
      attendeeIds: ["demo-member", "demo-champion"],
      notes: "Good questions about discovery.",
      recordingUrl: "https://example.com/recording",
    });
    const next = await occurrenceOn(ritual, "2026-03-16");
    expect(next.facilitator?.person.id).toBe("demo-member");
  });

  it("refuses attendance from a volunteer the rotation did not pick for that session", async () => {
    const ritual = await ritualFactory();
    await volunteer(ritual, "demo-champion");
    await volunteer(ritual, "demo-member");
    const past = await occurrenceOn(ritual, "2026-03-02");
    const response = await api.put(
      apiPaths.occurrenceAttendance(ownCommunityId, ritual.id, "2026-03-02"),
      { as: "demo-member", body: { attendeeIds: [] }, headers: { "if-match": past.etag } },
    );
    expect(response.status).toBe(403);
  });

  it("refuses attendance for a session moved to later today until it has ended", async () => {
    const ritual = await ritualFactory();
    await volunteer(ritual, "demo-champion");
    const today = await occurrenceOn(ritual, "2026-03-09");
    // The clock says 12:00 UTC; the session now runs 14:00-15:00 London (UTC in March).
    const moved = await api.put<Occurrence>(
      apiPaths.occurrence(ownCommunityId, ritual.id, "2026-03-09"),
      {
        as: "demo-champion",
        body: { movedTo: { date: "2026-03-09", time: "14:00" } },
        headers: { "if-match": today.etag },
      },
    );
    const response = await api.put(
      apiPaths.occurrenceAttendance(ownCommunityId, ritual.id, "2026-03-09"),
      {
        as: "demo-champion",
        body: { attendeeIds: [] },
        headers: { "if-match": moved.body.etag },
      },
    );
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).message).toContain("after the session has ended");
  });

  it("accepts attendance for a session moved earlier than its planned date once it is over", async () => {
    const ritual = await ritualFactory();
    await volunteer(ritual, "demo-champion");
    const planned = await occurrenceOn(ritual, "2026-03-16");
    const moved = await api.put<Occurrence>(
      apiPaths.occurrence(ownCommunityId, ritual.id, "2026-03-16"),
      {
        as: "demo-champion",
        body: { movedTo: { date: "2026-03-06", time: "09:00" } },
        headers: { "if-match": planned.etag },
      },
    );
    const response = await api.put(
      apiPaths.occurrenceAttendance(ownCommunityId, ritual.id, "2026-03-16"),
      {
        as: "demo-champion",
        body: { attendeeIds: ["demo-champion"] },
        headers: { "if-match": moved.body.etag },
      },
    );
    expect(response.status).toBe(200);
  });

  it("keeps a facilitator's latest session when an older one is recorded afterwards", async () => {
    const ritual = await ritualFactory();
    await volunteer(ritual, "demo-champion");
    await volunteer(ritual, "demo-member");
    for (const date of ["2026-03-09", "2026-03-02"]) {
      const past = await occurrenceOn(ritual, date);
      const response = await api.put(
        apiPaths.occurrenceAttendance(ownCommunityId, ritual.id, date),
        { as: "demo-champion", body: { attendeeIds: [] }, headers: { "if-match": past.etag } },
      );
      expect(response.status).toBe(200);
    }
    const later = await occurrenceOn(ritual, "2026-03-23");
    expect(later.facilitator?.person.id).toBe("demo-champion");
    expect(later.facilitator?.lastServedDate).toBe("2026-03-09");
  });

  it("refuses attendance from a member who does not facilitate", async () => {
    const ritual = await ritualFactory();
    const past = await occurrenceOn(ritual, "2026-03-02");
    const response = await api.put(
      apiPaths.occurrenceAttendance(ownCommunityId, ritual.id, "2026-03-02"),
      { as: "demo-member", body: { attendeeIds: [] }, headers: { "if-match": past.etag } },
    );
    expect(response.status).toBe(403);
  });
});

describe("schedule changes", () => {
  const tuesdays = (until: string | null = null) =>
    ritualInputFactory({
      schedule: {
        startDate: "2026-03-03",
        startTime: "09:00",
        durationMinutes: 60,
        timeZone: "Europe/London",
        recurrence: { kind: "weekly", interval: 1, weekday: "TU" },
        until,
      },
    });

  it("refuses with 409 a new weekday that would hide a past session, naming its date", async () => {
    const ritual = await ritualFactory();
    await volunteer(ritual, "demo-champion");
    const past = await occurrenceOn(ritual, "2026-03-02");
    await api.put(apiPaths.occurrenceAttendance(ownCommunityId, ritual.id, "2026-03-02"), {
      as: "demo-champion",
      body: { attendeeIds: ["demo-member"], notes: "Kept for ever." },
      headers: { "if-match": past.etag },
    });
    const current = await api.get<{ rituals: Ritual[] }>(apiPaths.rituals(ownCommunityId), {
      as: "demo-champion",
    });
    const etag = current.body.rituals.find((r) => r.id === ritual.id)?.etag ?? "";

    const response = await api.put(apiPaths.ritual(ownCommunityId, ritual.id), {
      as: "demo-champion",
      body: tuesdays(),
      headers: { "if-match": etag },
    });
    expect(response.status).toBe(409);
    const error = apiErrorSchema.parse(response.body);
    expect(error.message).toContain("2026-03-02");
    expect(error.message).toContain("give this ritual an end date");
    expect(scheduleConflictDataSchema.parse(error.data).dates).toEqual(["2026-03-02"]);
    expect((await occurrenceOn(ritual, "2026-03-02")).attendance?.notes).toBe("Kept for ever.");
  });

  it("refuses a new weekday that would hide a session moved by hand, even a future one", async () => {
    const ritual = await ritualFactory();
    const planned = await occurrenceOn(ritual, "2026-03-23");
    await api.put(apiPaths.occurrence(ownCommunityId, ritual.id, "2026-03-23"), {
      as: "demo-champion",
      body: { movedTo: { date: "2026-03-25", time: "10:00" } },
      headers: { "if-match": planned.etag },
    });
    const response = await api.put(apiPaths.ritual(ownCommunityId, ritual.id), {
      as: "demo-champion",
      body: { ...tuesdays(), schedule: { ...tuesdays().schedule, startDate: "2026-03-10" } },
      headers: { "if-match": ritual.etag },
    });
    expect(response.status).toBe(409);
    expect(
      scheduleConflictDataSchema.parse(apiErrorSchema.parse(response.body).data).dates,
    ).toEqual(["2026-03-23"]);
  });

  it("refuses a new weekday that would hide a session given to a named facilitator months ahead", async () => {
    const ritual = await ritualFactory();
    const withVolunteer = await volunteer(ritual, "demo-champion");
    // Seven weeks ahead: further than any session can move, so only an open read range sees it.
    const far = await occurrenceOn(ritual, "2026-04-27");
    const assigned = await api.put(apiPaths.occurrence(ownCommunityId, ritual.id, "2026-04-27"), {
      as: "demo-champion",
      body: { facilitatorId: "demo-champion" },
      headers: { "if-match": far.etag },
    });
    expect(assigned.status).toBe(200);

    const response = await api.put(apiPaths.ritual(ownCommunityId, ritual.id), {
      as: "demo-champion",
      body: tuesdays(),
      headers: { "if-match": withVolunteer.etag },
    });

    expect(response.status).toBe(409);
    expect(
      scheduleConflictDataSchema.parse(apiErrorSchema.parse(response.body).data).dates,
    ).toEqual(["2026-04-27"]);
  });

  it("checks a new schedule against the series' own dates, not the community's older history", async () => {
    const store = createStore(stack.storageConnectionString);
    // A row of another series from before this one started: history the check must not read.
    await store.rituals.saveOccurrence({
      tenantId: demoTenantId,
      communityId: ownCommunityId,
      write: {
        ritualId: "older-series",
        originalDate: "2025-06-02",
        change: unchangedOccurrence,
        facilitatorName: null,
        attendance: null,
        swapRequest: null,
        sequence: 0,
        expectedEtag: null,
      },
    });
    const ritual = await ritualFactory();
    // A row of this series in its own range, which the check must read.
    await store.rituals.saveOccurrence({
      tenantId: demoTenantId,
      communityId: ownCommunityId,
      write: {
        ritualId: ritual.id,
        originalDate: "2026-03-16",
        change: { ...unchangedOccurrence, facilitatorId: "demo-member" },
        facilitatorName: "Ben Member",
        attendance: null,
        swapRequest: null,
        sequence: 0,
        expectedEtag: null,
      },
    });
    const current = await store.rituals.readRitual({
      tenantId: demoTenantId,
      communityId: ownCommunityId,
      ritualId: ritual.id,
    });
    if (!current) throw new Error("ritual not stored");
    const { table, rowKeys } = rowRecordingTable(stack.storageConnectionString, tableNames.rituals);

    const saved = await ritualUpdater({
      store: { ...store, rituals: createRitualRepository(table) },
      viewer: {
        actor: { tenantId: demoTenantId, userId: "demo-champion", displayName: "Demo Champion" },
        roles: { tenantRoles: [], communities: [] },
      },
      communityId: ownCommunityId,
      ritualId: ritual.id,
      fields: { ...current.fields, schedule: { ...current.fields.schedule, startTime: "10:00" } },
      ifMatch: current.etag,
      now,
    });

    expect(saved?.schedule.startTime).toBe("10:00");
    expect(rowKeys).toContain(`occ|2026-03-16|${ritual.id}`);
    expect(rowKeys.filter((key) => key.startsWith("occ|") && key < "occ|2026-03-02")).toEqual([]);
  });

  it("lets a ritual end after its past sessions and move to a new time, keeping what was recorded", async () => {
    const ritual = await ritualFactory();
    await api.put(apiPaths.occurrenceRsvp(ownCommunityId, ritual.id, "2026-03-02"), {
      as: "demo-member",
      body: { response: "going" },
    });
    const input = ritualInputFactory();
    const response = await api.put<Ritual>(apiPaths.ritual(ownCommunityId, ritual.id), {
      as: "demo-champion",
      body: { ...input, schedule: { ...input.schedule, startTime: "10:00", until: "2026-03-08" } },
      headers: { "if-match": ritual.etag },
    });
    expect(response.status).toBe(200);
    const kept = await occurrenceOn(ritual, "2026-03-02");
    expect([kept.start, kept.rsvpCounts.going]).toEqual(["2026-03-02T10:00:00.000Z", 1]);
  });
});
