import { addDays, apiPaths, type RitualInput } from "@practice-hub/shared";
import { apiClient, type ApiClient } from "../support/api";
import { communityFactory } from "../support/factories";
import { startStack, type Stack } from "../support/stack";

// The occurrences query reads every series and the occurrence rows of the range in one
// partition query: its round trips must not grow with the number of rituals. Counted, never timed.
let stack: Stack;
let api: ApiClient;
let roundTrips = 0;

beforeAll(async () => {
  stack = await startStack({
    now: () => new Date("2026-03-09T12:00:00Z"),
    onStorageRoundTrip: () => (roundTrips += 1),
  });
  api = apiClient(stack);
  await api.get(apiPaths.me, { as: "demo-champion" });
});

afterAll(async () => {
  await stack?.stop();
});

const weekdays = ["MO", "TU", "WE", "TH", "FR"] as const;

function ritualInputFactory(index: number): RitualInput {
  return {
    name: `Ritual ${index}`,
    schedule: {
      startDate: "2026-01-05",
      startTime: "10:00",
      durationMinutes: 30,
      timeZone: index % 2 === 0 ? "Europe/London" : "America/New_York",
      recurrence: { kind: "weekly", interval: 1, weekday: weekdays[index % 5] ?? "MO" },
      until: null,
    },
  };
}

async function addRituals(communityId: string, from: number, to: number) {
  for (let index = from; index < to; index += 1) {
    const response = await api.post(apiPaths.rituals(communityId), {
      as: "demo-champion",
      body: ritualInputFactory(index),
    });
    if (response.status !== 201) throw new Error(`ritual not created: ${response.status}`);
    // An RSVP gives each series an occurrence row in the range, as real use would.
    const ritualId = (response.body as { id: string }).id;
    const date = addDays("2026-03-16", index % 5);
    await api.put(apiPaths.occurrenceRsvp(communityId, ritualId, date), {
      as: "demo-champion",
      body: { response: "going" },
    });
  }
}

async function roundTripsOfCalendar(communityId: string) {
  roundTrips = 0;
  const response = await api.get<{ occurrences: unknown[] }>(
    `${apiPaths.occurrences(communityId)}?from=2026-03-01T00:00:00Z&to=2026-06-08T00:00:00Z`,
    { as: "demo-champion" },
  );
  expect(response.status).toBe(200);
  return { roundTrips, occurrences: response.body.occurrences.length };
}

it("reads 100 days of occurrences in the same round trips for 5 and for 50 rituals", async () => {
  const community = await communityFactory(api);
  await addRituals(community.id, 0, 5);
  const five = await roundTripsOfCalendar(community.id);
  await addRituals(community.id, 5, 50);
  const fifty = await roundTripsOfCalendar(community.id);

  // Reported in the closing note.
  console.log(
    `occurrences round trips: 5 rituals ${five.roundTrips}, 50 rituals ${fifty.roundTrips}`,
  );
  expect(fifty.occurrences).toBeGreaterThan(five.occurrences * 9);
  expect(fifty.roundTrips).toBe(five.roundTrips);
  expect(five.roundTrips).toBeLessThanOrEqual(2);
});
