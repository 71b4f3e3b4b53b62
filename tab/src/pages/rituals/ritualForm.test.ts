import { defaultReminderOffsets, ritualTemplate, type Ritual } from "@practice-hub/shared";
import {
  initialRitualValues,
  recurrenceOf,
  ritualInputOf,
  starterRhythmOf,
  withReminder,
  withRitual,
  withTemplate,
} from "./ritualForm";

function ritualFactory(overrides: Partial<Ritual> = {}): Ritual {
  return {
    id: "r1",
    name: "Book club",
    purpose: "Read together.",
    agenda: "- One idea each",
    templateId: "bookClub",
    segment: "Berlin",
    schedule: {
      startDate: "2026-01-05",
      startTime: "17:30",
      durationMinutes: 45,
      timeZone: "Europe/Berlin",
      recurrence: { kind: "monthlyWeekday", nth: -1, weekday: "TH" },
      until: "2026-12-31",
    },
    reminderOffsetsMinutes: [1440, 15],
    volunteers: [],
    createdAt: "2026-01-01T09:00:00.000Z",
    etag: 'W/"1"',
    ...overrides,
  };
}

const fresh = () =>
  initialRitualValues({ ritual: null, today: "2026-03-29", timeZone: "America/New_York" });

describe("the ritual form's values", () => {
  it("opens a new ritual on the first template, today at noon in the viewer's zone", () => {
    const office = ritualTemplate("officeHours");
    expect(fresh()).toMatchObject({
      templateId: "officeHours",
      name: office.name,
      duration: office.durationMinutes,
      kind: "weekly",
      interval: 1,
      startDate: "2026-03-29",
      time: "12:00",
      timeZone: "America/New_York",
      reminders: [...defaultReminderOffsets],
    });
  });

  it("opens an edit on the ritual's own fields", () => {
    const values = initialRitualValues({
      ritual: ritualFactory(),
      today: "2026-03-29",
      timeZone: "America/New_York",
    });
    expect(values).toMatchObject({
      templateId: "bookClub",
      name: "Book club",
      kind: "monthlyWeekday",
      nth: -1,
      weekday: "TH",
      startDate: "2026-01-05",
      until: "2026-12-31",
      time: "17:30",
      timeZone: "Europe/Berlin",
      segment: "Berlin",
      reminders: [1440, 15],
    });
  });

  it("keeps the other kinds' fields when a saved version is filled in", () => {
    const typed = { ...fresh(), kind: "monthlyDate" as const, day: 15, interval: 3 };
    const filled = withRitual(typed, ritualFactory());
    expect(filled).toMatchObject({ kind: "monthlyWeekday", day: 15, interval: 3, nth: -1 });
  });

  it("takes a template's name, length and cadence, and keeps the rest for a custom ritual", () => {
    const club = withTemplate(fresh(), "showAndTell");
    const template = ritualTemplate("showAndTell");
    expect(club).toMatchObject({
      templateId: "showAndTell",
      name: template.name,
      duration: template.durationMinutes,
      kind: template.cadence.kind,
    });
    expect(withTemplate(club, "")).toEqual({ ...club, templateId: "" });
  });

  it("ticks a reminder once and unticks it", () => {
    const ticked = withReminder({ ...fresh(), reminders: [15] }, 60, true);
    expect(withReminder(ticked, 60, true).reminders).toEqual([15, 60]);
    expect(withReminder(ticked, 15, false).reminders).toEqual([60]);
  });
});

describe("what the ritual form sends", () => {
  it("describes only the chosen kind's recurrence", () => {
    const values = { ...fresh(), interval: 2, weekday: "FR" as const, nth: 3 as const, day: 9 };
    expect(recurrenceOf(values)).toEqual({ kind: "weekly", interval: 2, weekday: "FR" });
    expect(recurrenceOf({ ...values, kind: "monthlyWeekday" })).toEqual({
      kind: "monthlyWeekday",
      nth: 3,
      weekday: "FR",
    });
    expect(recurrenceOf({ ...values, kind: "monthlyDate" })).toEqual({
      kind: "monthlyDate",
      day: 9,
    });
    expect(recurrenceOf({ ...values, kind: "once" })).toEqual({ kind: "once" });
  });

  it("gives a new ritual its template's purpose and agenda, without an empty segment", () => {
    const input = ritualInputOf({ ...fresh(), segment: "  " }, null);
    const office = ritualTemplate("officeHours");
    expect(input).toMatchObject({
      purpose: office.purpose,
      agenda: office.agenda,
      templateId: "officeHours",
      segment: null,
    });
  });

  it("keeps an edited ritual's own purpose, agenda and template", () => {
    const saved = ritualFactory();
    const values = withTemplate(
      initialRitualValues({ ritual: saved, today: "2026-03-29", timeZone: "UTC" }),
      "kickOff",
    );
    expect(ritualInputOf(values, saved)).toMatchObject({
      purpose: saved.purpose,
      agenda: saved.agenda,
      templateId: "bookClub",
    });
  });

  it("sends no end for a one-off or an empty end, and reminders from the earliest", () => {
    const values = { ...fresh(), until: "2026-06-30", reminders: [15, 10080, 60] };
    expect(ritualInputOf(values, null).schedule.until).toBe("2026-06-30");
    expect(ritualInputOf({ ...values, kind: "once" }, null).schedule.until).toBeNull();
    expect(ritualInputOf({ ...values, until: "" }, null).schedule.until).toBeNull();
    expect(ritualInputOf(values, null).reminderOffsetsMinutes).toEqual([10080, 60, 15]);
  });

  it("asks for the starter rhythm from the form's date, weekday, time and zone", () => {
    expect(starterRhythmOf({ ...fresh(), weekday: "TU", time: "09:00" })).toEqual({
      from: "2026-03-29",
      weekday: "TU",
      time: "09:00",
      timeZone: "America/New_York",
    });
  });
});
