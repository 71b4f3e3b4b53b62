import type { Ritual, RitualInput } from "@practice-hub/shared";
import { differenceSentence, ritualDifferences } from "./ritualMerge";

function savedRitualFactory(overrides: Partial<Ritual> = {}): Ritual {
  return {
    id: "r1",
    name: "Book club",
    purpose: "Read together.",
    agenda: "",
    templateId: null,
    segment: null,
    schedule: {
      startDate: "2026-01-05",
      startTime: "12:00",
      durationMinutes: 45,
      timeZone: "Europe/London",
      recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
      until: null,
    },
    reminderOffsetsMinutes: [1440, 15],
    volunteers: [],
    createdAt: "2026-01-01T09:00:00.000Z",
    etag: 'W/"1"',
    ...overrides,
  };
}

/** What the form sends for `saved` when the person changed nothing. */
function inputOf(saved: Ritual, overrides: Partial<RitualInput> = {}): RitualInput {
  return {
    name: saved.name,
    purpose: saved.purpose,
    agenda: saved.agenda,
    templateId: saved.templateId,
    segment: saved.segment,
    schedule: saved.schedule,
    reminderOffsetsMinutes: [...saved.reminderOffsetsMinutes].reverse(),
    ...overrides,
  };
}

describe("ritualDifferences", () => {
  it("finds no difference when the form holds the saved values, reminders in any order", () => {
    const saved = savedRitualFactory();

    expect(ritualDifferences(saved, inputOf(saved))).toEqual([]);
  });

  it("names each field the person changed, with the saved value and theirs, in the form's order", () => {
    const saved = savedRitualFactory();
    const yours = inputOf(saved, {
      name: "Reading circle ",
      segment: "London",
      schedule: {
        ...saved.schedule,
        recurrence: { kind: "weekly", interval: 1, weekday: "TH" },
      },
      reminderOffsetsMinutes: [60],
    });

    expect(ritualDifferences(saved, yours).map(differenceSentence)).toEqual([
      "Name: saved 'Book club', yours 'Reading circle'",
      "Schedule: saved 'Every week on Monday at 12:00 Europe/London', yours 'Every week on Thursday at 12:00 Europe/London'",
      "Segment: saved 'everyone', yours 'London'",
      "Reminders: saved '1 day before, 15 min before', yours '1 h before'",
    ]);
  });

  it("names a new start date and length, which the schedule summary leaves out", () => {
    const saved = savedRitualFactory();
    const yours = inputOf(saved, {
      schedule: { ...saved.schedule, startDate: "2026-02-02", durationMinutes: 60 },
    });

    expect(ritualDifferences(saved, yours).map(differenceSentence)).toEqual([
      "Starting on: saved '2026-01-05', yours '2026-02-02'",
      "Minutes: saved '45', yours '60'",
    ]);
  });
});
