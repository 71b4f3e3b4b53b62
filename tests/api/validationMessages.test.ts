import {
  apiErrorSchema,
  apiPaths,
  validationErrorDataSchema,
  type ApiError,
  type RitualInput,
} from "@practice-hub/shared";
import { apiClient, type ApiClient } from "../support/api";
import { communityFactory } from "../support/factories";
import { startStack, type Stack } from "../support/stack";

// A fixed clock, so the ritual's dates stay inside every bound the API sets.
const now = new Date("2026-03-09T12:00:00Z");
let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  stack = await startStack({ now: () => now });
  api = apiClient(stack);
});

afterAll(async () => {
  await stack?.stop();
});

function ritualInput(schedule: Partial<RitualInput["schedule"]> = {}): RitualInput {
  return {
    name: "Office hours",
    schedule: {
      startDate: "2026-03-11",
      startTime: "12:00",
      durationMinutes: 45,
      timeZone: "Europe/London",
      recurrence: { kind: "weekly", interval: 1, weekday: "WE" },
      until: null,
      ...schedule,
    },
  };
}

/** A refusal's message and fields, checked against the one error shape. */
function refusal(body: unknown): { error: ApiError; fields: { path: string; message: string }[] } {
  const error = apiErrorSchema.parse(body);
  return { error, fields: validationErrorDataSchema.parse(error.data).fields };
}

/** What no sentence for people may contain: schema paths, zod's wording, ids of requests. */
function expectReadable(message: string) {
  expect(message).not.toMatch(/schedule\.|votesPerPerson|userId|timeZone/);
  expect(message).not.toMatch(/Too small|Invalid input|expected (number|string)/);
  expect(message).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
}

describe("a request the API refuses as not valid", () => {
  it("answers a ritual with an unknown time zone with a sentence beside the field's path", async () => {
    const community = await communityFactory(api);

    const response = await api.post(apiPaths.rituals(community.id), {
      as: "demo-champion",
      body: ritualInput({ timeZone: "Mars/Olympus_Mons" }),
    });

    expect(response.status).toBe(400);
    const { error, fields } = refusal(response.body);
    expect(fields).toEqual([
      {
        path: "schedule.timeZone",
        message: "Choose a time zone from the list, such as Europe/London.",
      },
    ]);
    expect(error.message).toBe(
      "The ritual is not valid. Choose a time zone from the list, such as Europe/London.",
    );
    expectReadable(error.message);
  });

  it("names every failing field of a ritual and counts the others in the message", async () => {
    const community = await communityFactory(api);

    const response = await api.post(apiPaths.rituals(community.id), {
      as: "demo-champion",
      body: { ...ritualInput({ durationMinutes: 2, timeZone: "" }), reminderOffsetsMinutes: [1] },
    });

    expect(response.status).toBe(400);
    const { error, fields } = refusal(response.body);
    expect(fields).toEqual([
      { path: "schedule.durationMinutes", message: "A session lasts at least 5 minutes." },
      { path: "schedule.timeZone", message: "Choose a time zone." },
      {
        path: "reminderOffsetsMinutes.0",
        message: "Each reminder's lead time in minutes must be at least 5.",
      },
    ]);
    expect(error.message).toBe(
      "The ritual is not valid. A session lasts at least 5 minutes. 2 more fields need a change too.",
    );
    expectReadable(error.message);
  });

  it("answers a retro with no votes per person with a sentence naming the field", async () => {
    const community = await communityFactory(api);

    const response = await api.post(apiPaths.retros(community.id), {
      as: "demo-champion",
      body: { format: "keepDropAdd", votesPerPerson: 0 },
    });

    expect(response.status).toBe(400);
    const { error, fields } = refusal(response.body);
    expect(fields).toEqual([
      { path: "votesPerPerson", message: "Votes per person must be at least 1." },
    ]);
    expect(error.message).toBe("The retro is not valid. Votes per person must be at least 1.");
    expectReadable(error.message);
  });

  it("answers a person's id with a slash with a sentence naming the field", async () => {
    const community = await communityFactory(api);

    const response = await api.post(apiPaths.people(community.id), {
      as: "demo-champion",
      body: { userId: "teams/ana", displayName: "Ana" },
    });

    expect(response.status).toBe(400);
    const { error, fields } = refusal(response.body);
    expect(fields).toEqual([
      {
        path: "userId",
        message:
          "A person's id uses only letters, digits and . _ - and starts with a letter or digit, like an Entra object id.",
      },
    ]);
    expectReadable(error.message);
  });

  it("answers a body that is not an object with a sentence about the whole request", async () => {
    const community = await communityFactory(api);

    const response = await api.post(apiPaths.retros(community.id), {
      as: "demo-champion",
      body: ["keepDropAdd"],
    });

    expect(response.status).toBe(400);
    const { error, fields } = refusal(response.body);
    expect(fields).toEqual([{ path: "(body)", message: "The retro must be a set of fields." }]);
    expectReadable(error.message);
  });
});
