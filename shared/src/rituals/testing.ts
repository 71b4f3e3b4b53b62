import type { Schedule } from "./recurrence";

/** Builds a schedule for tests: weekly on Mondays at 09:00 in London unless told otherwise. */
export function scheduleFactory(overrides: Partial<Schedule> = {}): Schedule {
  return {
    startDate: "2026-01-05",
    startTime: "09:00",
    durationMinutes: 60,
    timeZone: "Europe/London",
    recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
    until: null,
    ...overrides,
  };
}
