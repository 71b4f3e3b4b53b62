import {
  apiErrorSchema,
  apiPaths,
  occurrencesResponseSchema,
  ritualSchema,
  ritualVerbs,
  type ApiError,
  type Ritual,
  type RitualInput,
} from "@practice-hub/shared";
import { randomUUID } from "node:crypto";
import { registerRitualBot } from "../../bot/src/rituals/cardActions";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createLogger } from "../../bot/src/logger";
import { createStore } from "../../bot/src/store";
import type { CardActionHandler, CardActionRegistry } from "../../bot/src/teams";
import { apiClient, type ApiClient, type ApiResponse } from "../support/api";
import { communityFactory } from "../support/factories";
import { moveRetroTo, retroFactory } from "../support/retroFactories";
import { startStack, type Stack } from "../support/stack";

// Every date the API accepts lies within five years of today: on this clock, 2021-03-09 to
// 2031-03-09. A range or a session outside it is refused before any storage is read.
const now = new Date("2026-03-09T12:00:00Z");
const windowText = "Use a date from 2021-03-09 to 2031-03-09";
let stack: Stack;
let api: ApiClient;
let roundTrips = 0;
let communityId: string;
let ritual: Ritual;

beforeAll(async () => {
  stack = await startStack({ now: () => now, onStorageRoundTrip: () => (roundTrips += 1) });
  api = apiClient(stack);
  communityId = (await communityFactory(api)).id;
  ritual = await ritualFactory(communityId);
});

afterAll(async () => {
  await stack?.stop();
});

function ritualInputFactory(schedule: Partial<RitualInput["schedule"]> = {}): RitualInput {
  return {
    name: `Office hours ${randomUUID().slice(0, 6)}`,
    schedule: {
      startDate: "2026-03-02",
      startTime: "10:00",
      durationMinutes: 30,
      timeZone: "Europe/London",
      recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
      until: null,
      ...schedule,
    },
  };
}

async function ritualFactory(
  community: string,
  schedule: Partial<RitualInput["schedule"]> = {},
): Promise<Ritual> {
  const response = await api.post(apiPaths.rituals(community), {
    as: "demo-champion",
    body: ritualInputFactory(schedule),
  });
  if (response.status !== 201) throw new Error(`ritual not created: ${response.status}`);
  return ritualSchema.parse(response.body);
}

const occurrencesPath = (community: string, from: string, to: string) =>
  `${apiPaths.occurrences(community)}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

/** The answer to a request and the storage round trips it made. */
async function counted<T>(request: () => Promise<ApiResponse<T>>) {
  roundTrips = 0;
  const response = await request();
  return { response, roundTrips };
}

/** Expects a 400 whose field `path` says the window. */
function expectOutsideWindow(response: ApiResponse<unknown>, path: string) {
  expect(response.status).toBe(400);
  const error: ApiError = apiErrorSchema.parse(response.body);
  expect(error.message).toContain(windowText);
  expect(error.data).toEqual({
    fields: expect.arrayContaining([{ path, message: expect.stringContaining(windowText) }]),
  });
}

describe("the occurrences range", () => {
  it("refuses a range in 9999 with 400 stating the window, before reading storage", async () => {
    const { response, roundTrips: trips } = await counted(() =>
      api.get(occurrencesPath(communityId, "9999-09-01T00:00:00Z", "9999-12-01T00:00:00Z"), {
        as: "demo-member",
      }),
    );

    expectOutsideWindow(response, "from");
    expect(trips).toBe(0);
  });

  it("refuses a range that starts more than five years ago", async () => {
    const response = await api.get(
      occurrencesPath(communityId, "2021-03-01T00:00:00Z", "2021-04-01T00:00:00Z"),
      { as: "demo-champion" },
    );

    expectOutsideWindow(response, "from");
  });

  it("answers the widest range at the window's end in the same round trips for a ritual begun five years ago as for one begun last week", async () => {
    const [old, recent] = [await communityFactory(api), await communityFactory(api)];
    await ritualFactory(old.id, { startDate: "2021-03-15" });
    await ritualFactory(recent.id, { startDate: "2026-03-02" });
    const widest = ["2030-11-29T00:00:00Z", "2031-03-09T00:00:00Z"] as const;

    const [ofOld, ofRecent] = [
      await counted(() => api.get(occurrencesPath(old.id, ...widest), { as: "demo-champion" })),
      await counted(() => api.get(occurrencesPath(recent.id, ...widest), { as: "demo-champion" })),
    ];

    expect(ofOld.response.status).toBe(200);
    const sessions = (r: ApiResponse<unknown>) =>
      occurrencesResponseSchema.parse(r.body).occurrences.map((o) => o.start);
    expect(sessions(ofOld.response)).toHaveLength(14);
    expect(sessions(ofOld.response)).toEqual(sessions(ofRecent.response));
    expect(ofOld.roundTrips).toBe(ofRecent.roundTrips);
  });
});

describe("ritual dates", () => {
  it("refuses a start more than five years ago and an end more than five years ahead", async () => {
    const early = await api.post(apiPaths.rituals(communityId), {
      as: "demo-champion",
      body: ritualInputFactory({ startDate: "0100-01-04" }),
    });
    const late = await api.post(apiPaths.rituals(communityId), {
      as: "demo-champion",
      body: ritualInputFactory({ until: "2040-01-01" }),
    });

    expectOutsideWindow(early, "schedule.startDate");
    expectOutsideWindow(late, "schedule.until");
  });

  it("refuses a starter rhythm beginning in 9999", async () => {
    const response = await api.post(`${apiPaths.rituals(communityId)}/starter-rhythm`, {
      as: "demo-champion",
      body: { from: "9999-01-04", weekday: "TU", time: "10:00", timeZone: "Europe/London" },
    });

    expectOutsideWindow(response, "from");
  });

  it("refuses a session moved past the window's end", async () => {
    const response = await api.put(apiPaths.occurrence(communityId, ritual.id, "2031-03-03"), {
      as: "demo-champion",
      headers: { "if-match": 'W/"untouched"' },
      body: { movedTo: { date: "2031-03-12", time: "10:00" } },
    });

    expectOutsideWindow(response, "movedTo.date");
  });

  it("refuses an away day in 2040 and names which one", async () => {
    const response = await api.put(apiPaths.ritualVolunteer(communityId, ritual.id), {
      as: "demo-champion",
      body: { awayDates: ["2026-04-06", "2040-01-02"] },
    });

    expectOutsideWindow(response, "awayDates.1");
  });
});

describe("occurrences named by a date in the path", () => {
  it("refuses an RSVP for a session in 9999 with 400 without writing anything", async () => {
    const { response, roundTrips: trips } = await counted(() =>
      api.put(apiPaths.occurrenceRsvp(communityId, ritual.id, "9999-12-27"), {
        as: "demo-champion",
        body: { response: "going" },
      }),
    );

    expectOutsideWindow(response, "date");
    expect(trips).toBe(0);
  });

  it("refuses changes, attendance, swaps and calendar files for a session in 9999", async () => {
    const date = "9999-12-27";
    const options = {
      as: "demo-champion" as const,
      headers: { "if-match": 'W/"untouched"' },
    };
    const answers = [
      await api.put(apiPaths.occurrence(communityId, ritual.id, date), {
        ...options,
        body: { cancelledReason: "Never" },
      }),
      await api.put(apiPaths.occurrenceAttendance(communityId, ritual.id, date), {
        ...options,
        body: { attendeeIds: [] },
      }),
      await api.post(apiPaths.occurrenceSwapRequest(communityId, ritual.id, date), options),
      await api.post(apiPaths.occurrenceSwapAcceptance(communityId, ritual.id, date), options),
      await api.get(apiPaths.occurrenceIcs(communityId, ritual.id, date), options),
    ];

    for (const answer of answers) expectOutsideWindow(answer, "date");
  });

  it("refuses an RSVP from a reminder card for a session in 9999", async () => {
    const handlers = new Map<string, CardActionHandler>();
    registerRitualBot({
      cardActions: {
        register: (verb: string, handler: CardActionHandler) => handlers.set(verb, handler),
      } as unknown as CardActionRegistry,
      deps: { store: createStore(stack.storageConnectionString), now: () => now, tabUrl: "" },
    });
    const rsvp = handlers.get(ritualVerbs.rsvp);
    if (!rsvp) throw new Error("no RSVP handler");

    const answer = rsvp({
      actor: { tenantId: demoTenantId, userId: "demo-champion", displayName: "Ana" },
      data: { communityId, ritualId: ritual.id, date: "9999-12-27", lead: 15, response: "going" },
      conversation: {
        tenantId: demoTenantId,
        conversationId: "19:c@thread.tacv2",
        kind: "channel",
      },
      logger: createLogger(stack.config),
      post: async () => undefined,
    });

    await expect(answer).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(windowText),
    });
  });
});

describe("retro action due dates", () => {
  it("refuses an action due in 9999 with 400 stating the window", async () => {
    const retro = await retroFactory(api, communityId);
    await moveRetroTo(api, retro, "group", "vote", "decide");

    const response = await api.post(`${apiPaths.retro(communityId, retro.id)}/actions`, {
      as: "demo-champion",
      body: {
        text: "Write the handbook page",
        owner: { id: "demo-champion" },
        dueDate: "9999-01-01",
        submissionKey: randomUUID(),
      },
    });

    expectOutsideWindow(response, "dueDate");
  });
});

describe("a series that began before the window", () => {
  it("keeps its start date through an edit, and refuses a new start date outside the window", async () => {
    let today = new Date("2026-03-09T12:00:00Z");
    const aging = await startStack({ now: () => today });
    try {
      const agingApi = apiClient(aging);
      const community = (await communityFactory(agingApi)).id;
      const created = await agingApi.post(apiPaths.rituals(community), {
        as: "demo-champion",
        body: ritualInputFactory({ startDate: "2026-03-02" }),
      });
      const series = ritualSchema.parse(created.body);
      // Six years on, the series' start lies before the window (2027-03-09 to 2037-03-09).
      today = new Date("2032-03-09T12:00:00Z");
      const edit = (startDate: string, etag: string) =>
        agingApi.put(apiPaths.ritual(community, series.id), {
          as: "demo-champion",
          headers: { "if-match": etag },
          body: { ...ritualInputFactory({ startDate }), name: "Renamed office hours" },
        });

      const kept = await edit("2026-03-02", series.etag);
      expect(kept.status).toBe(200);
      expect(ritualSchema.parse(kept.body).name).toBe("Renamed office hours");

      const moved = await edit("2026-02-23", ritualSchema.parse(kept.body).etag);
      expect(moved.status).toBe(400);
      const error = apiErrorSchema.parse(moved.body);
      expect(error.data).toMatchObject({
        fields: [
          {
            path: "schedule.startDate",
            message: expect.stringContaining("Use a date from 2027-03-09 to 2037-03-09"),
          },
        ],
      });
    } finally {
      await aging.stop();
    }
  });
});
