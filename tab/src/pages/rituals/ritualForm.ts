import {
  defaultReminderOffsets,
  ritualTemplate,
  type LocalDate,
  type Recurrence,
  type Ritual,
  type RitualInput,
  type RitualTemplateId,
  type StarterRhythmRequest,
  type WeekdayCode,
} from "@practice-hub/shared";

/** Which nth weekday of a month: first to fifth, or the last (-1). */
export type NthWeekday = 1 | 2 | 3 | 4 | 5 | -1;

/**
 * What the ritual form holds. Every recurrence's fields are kept whichever kind is chosen, so
 * switching "Repeats" back and forth never loses what was typed.
 */
export interface RitualFormValues {
  /** The catalogue template a new ritual starts from; "" for a custom ritual. */
  templateId: RitualTemplateId | "";
  name: string;
  kind: Recurrence["kind"];
  interval: number;
  weekday: WeekdayCode;
  nth: NthWeekday;
  day: number;
  startDate: LocalDate;
  /** The last day it may happen on; "" for no end. */
  until: string;
  time: string;
  duration: number;
  timeZone: string;
  segment: string;
  reminders: number[];
}

/** The template a new ritual starts from when the form opens. */
const firstTemplate = ritualTemplate("officeHours");

/** A ritual's saved fields on the form; the template and the other kinds' fields stay as they were. */
export function withRitual(values: RitualFormValues, ritual: Ritual): RitualFormValues {
  const r = ritual.schedule.recurrence;
  return {
    ...values,
    name: ritual.name,
    kind: r.kind,
    interval: r.kind === "weekly" ? r.interval : values.interval,
    weekday: r.kind === "weekly" || r.kind === "monthlyWeekday" ? r.weekday : values.weekday,
    nth: r.kind === "monthlyWeekday" ? r.nth : values.nth,
    day: r.kind === "monthlyDate" ? r.day : values.day,
    startDate: ritual.schedule.startDate,
    until: ritual.schedule.until ?? "",
    time: ritual.schedule.startTime,
    duration: ritual.schedule.durationMinutes,
    timeZone: ritual.schedule.timeZone,
    segment: ritual.segment ?? "",
    reminders: ritual.reminderOffsetsMinutes,
  };
}

/**
 * The form as it opens: the ritual being edited, or a new one from the first template on
 * `today` at noon in the viewer's zone.
 */
export function initialRitualValues(props: {
  ritual: Ritual | null;
  today: LocalDate;
  timeZone: string;
}): RitualFormValues {
  const fresh: RitualFormValues = {
    templateId: firstTemplate.id,
    name: firstTemplate.name,
    kind: "weekly",
    interval: 1,
    weekday: "WE",
    nth: 1,
    day: 1,
    startDate: props.today,
    until: "",
    time: "12:00",
    duration: firstTemplate.durationMinutes,
    timeZone: props.timeZone,
    segment: "",
    reminders: [...defaultReminderOffsets],
  };
  if (!props.ritual) return fresh;
  return withRitual({ ...fresh, templateId: props.ritual.templateId ?? "" }, props.ritual);
}

/** Starts from a catalogue template: its name, length and cadence; "" keeps what is there. */
export function withTemplate(
  values: RitualFormValues,
  id: RitualTemplateId | "",
): RitualFormValues {
  if (id === "") return { ...values, templateId: id };
  const template = ritualTemplate(id);
  return {
    ...values,
    templateId: id,
    name: template.name,
    duration: template.durationMinutes,
    kind: template.cadence.kind,
    interval: template.cadence.interval ?? values.interval,
  };
}

/** Ticks or unticks a reminder lead time. */
export function withReminder(
  values: RitualFormValues,
  minutes: number,
  on: boolean,
): RitualFormValues {
  const reminders = on
    ? [...new Set([...values.reminders, minutes])]
    : values.reminders.filter((m) => m !== minutes);
  return { ...values, reminders };
}

/** The recurrence the chosen kind describes, with only its own fields. */
export function recurrenceOf(values: RitualFormValues): Recurrence {
  const { kind, interval, weekday, nth, day } = values;
  switch (kind) {
    case "once":
      return { kind };
    case "weekly":
      return { kind, interval, weekday };
    case "monthlyWeekday":
      return { kind, nth, weekday };
    case "monthlyDate":
      return { kind, day };
  }
}

/**
 * The ritual the form describes. Purpose and agenda are not on the form: an edit keeps the saved
 * ritual's (`base`), a new ritual takes its template's. A one-off has no end; reminders go from
 * the earliest to the latest.
 */
export function ritualInputOf(values: RitualFormValues, base: Ritual | null): RitualInput {
  const template = values.templateId === "" ? null : ritualTemplate(values.templateId);
  const segment = values.segment.trim();
  return {
    name: values.name,
    purpose: base?.purpose ?? template?.purpose ?? "",
    agenda: base?.agenda ?? template?.agenda ?? "",
    templateId: base ? base.templateId : (template?.id ?? null),
    segment: segment === "" ? null : segment,
    schedule: {
      startDate: values.startDate,
      startTime: values.time,
      durationMinutes: values.duration,
      timeZone: values.timeZone,
      recurrence: recurrenceOf(values),
      until: values.kind === "once" || values.until === "" ? null : values.until,
    },
    reminderOffsetsMinutes: [...values.reminders].sort((a, b) => b - a),
  };
}

/** The starter rhythm from the form's start date, weekday, time and zone. */
export function starterRhythmOf(values: RitualFormValues): StarterRhythmRequest {
  return {
    from: values.startDate,
    weekday: values.weekday,
    time: values.time,
    timeZone: values.timeZone,
  };
}
