import type { z } from "zod";

/**
 * The one place that turns zod issues into sentences a person can read. The service parses every
 * request with `parseWithSentences`, so `data.fields[].path` keeps naming the field for programs
 * while `message` says, in words, what is wrong with it; the tab parses its own forms the same
 * way, so both say the same thing. A message written in a schema (`.min(1, "Give the ritual a
 * name.")`, a refine) always wins: zod only asks this module about issues nobody worded.
 */

/**
 * What people call each field, by its path in a request body. Array positions are written `*`.
 * A path not listed here is looked up by its last segments ("schedule.timeZone" finds
 * "timeZone"), and failing that its last key is spelled out in words ("votesPerPerson" becomes
 * "Votes per person"), so a new field still gets a readable sentence.
 */
export const fieldLabels: Readonly<Record<string, string>> = {
  // Rituals and their occurrences.
  name: "Name",
  templateId: "Template",
  segment: "Segment",
  "schedule.startDate": "Start date",
  "schedule.startTime": "Time",
  "schedule.durationMinutes": "Length in minutes",
  timeZone: "Time zone",
  "schedule.recurrence": "How it repeats",
  "recurrence.kind": "How it repeats",
  "recurrence.interval": "Weeks between sessions",
  "recurrence.nth": "Which weekday of the month",
  "recurrence.day": "Day of the month",
  "schedule.until": "End date",
  reminderOffsetsMinutes: "Reminders",
  "reminderOffsetsMinutes.*": "Each reminder's lead time in minutes",
  attendeeIds: "Attendees",
  "attendeeIds.*": "Each attendee",
  recordingUrl: "Recording link",
  awayDates: "Away days",
  "awayDates.*": "Each away day",
  "movedTo.date": "New date",
  "movedTo.time": "New time",
  cancelledReason: "Reason for cancelling",
  facilitatorId: "Facilitator",
  response: "Your answer",
  // Retros.
  format: "Format",
  custom: "Custom format",
  "custom.prompts": "Prompts",
  "prompts.*.label": "Each prompt",
  votesPerPerson: "Votes per person",
  promptId: "Prompt",
  text: "Text",
  score: "Score",
  submissionKey: "Submission key",
  themes: "Themes",
  "themes.*.title": "Each theme's title",
  "themes.*.entryIds": "A theme's entries",
  target: "Vote",
  "owner.id": "Owner",
  dueDate: "Due date",
  // People and communities.
  userId: "A person's id",
  displayName: "Name",
  roles: "Roles",
  "roles.*": "Each role",
  profession: "Profession",
  description: "Description",
  channelId: "Channel",
  teamId: "Team",
  // Library and canvas.
  section: "Section",
  url: "Link",
  why: "Why it is worth reading",
  tags: "Tags",
  "tags.*": "Each tag",
  decision: "Decision",
  reason: "Reason",
  body: "Text",
  content: "Section text",
  // Digest.
  day: "Day",
  time: "Time",
  audience: "Audience",
  communityId: "Community",
};

/** A path as the API names it: "schedule.timeZone", "reminderOffsetsMinutes.0". */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

const isIndex = (segment: PropertyKey) =>
  typeof segment === "number" || /^\d+$/.test(String(segment));

/** "votesPerPerson" -> "Votes per person". */
function spelledOut(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const lowerFirst = (text: string) =>
  // Keep acronyms ("URL") and proper names as they are; lower only an ordinary first word.
  /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

/**
 * What people call the field at `path`; `subject` ("The ritual") names the whole body, for
 * issues about the body itself.
 */
export function fieldLabel(path: readonly PropertyKey[], subject = "The request"): string {
  const segments = path.map((segment) => (isIndex(segment) ? "*" : String(segment)));
  for (let start = 0; start < segments.length; start++) {
    const label = fieldLabels[segments.slice(start).join(".")];
    if (label) return label;
  }
  const last = path.length - 1;
  if (last < 0) return subject;
  const key = path[last] as PropertyKey;
  if (isIndex(key)) {
    return `Item ${Number(key) + 1} of ${lowerFirst(fieldLabel(path.slice(0, last), subject))}`;
  }
  return spelledOut(String(key));
}

/** A zod issue as this module reads it: raw (inside an error map) or finished (in a ZodError). */
type Loosened<I> = I extends unknown
  ? Omit<I, "path" | "message"> & {
      path?: readonly PropertyKey[];
      message?: string;
      input?: unknown;
    }
  : never;
/** The fields of a zod issue this module reads; both raw issues and finished ones have them. */
export type IssueLike = Loosened<z.core.$ZodIssue>;

const typeNouns: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a set of fields",
  record: "a set of fields",
  date: "a date",
  null: "empty",
};

const formatNouns: Record<string, string> = {
  email: "an email address, such as ana@example.com",
  url: "a web address starting with https://",
  datetime: "a date and time, such as 2026-03-29T09:30:00Z",
  date: "a date, such as 2026-03-29",
  time: "a time, such as 09:30",
  uuid: "an id this service gave out",
  guid: "an id this service gave out",
};

const count = (n: number | bigint, noun: string) =>
  `${n} ${n === 1 || n === 1n ? noun : `${noun}s`}`;

/** "a, b or c", for the values a field may take. */
function choices(values: readonly unknown[]): string {
  const words = values.map(String);
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/**
 * The sentence for one issue: the field's label and what is wrong with it, with what to do where
 * that can be said. Covers every zod issue code; a `custom` issue (a refine) keeps its own message.
 */
export function issueSentence(issue: IssueLike, subject = "The request"): string {
  const path = issue.path ?? [];
  const label = fieldLabel(path, subject);
  switch (issue.code) {
    case "invalid_type": {
      const missing = "input" in issue && issue.input === undefined;
      if (missing || issue.expected === "nonoptional") return `${label} is required.`;
      const noun = typeNouns[issue.expected];
      return noun ? `${label} must be ${noun}.` : `${label} has the wrong kind of value.`;
    }
    case "too_small": {
      const n = issue.minimum;
      if (issue.origin === "string") {
        if (n === 1 && !issue.exact) return `${label} can't be empty.`;
        return issue.exact
          ? `${label} must be exactly ${count(n, "character")} long.`
          : `${label} must be at least ${count(n, "character")} long.`;
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return `Add at least ${count(n, "item")} to ${lowerFirst(label)}.`;
      }
      if (issue.origin === "date") return `${label} must be on or after ${String(n)}.`;
      return issue.inclusive === false
        ? `${label} must be more than ${n}.`
        : `${label} must be at least ${n}.`;
    }
    case "too_big": {
      const n = issue.maximum;
      if (issue.origin === "string") {
        return issue.exact
          ? `${label} must be exactly ${count(n, "character")} long.`
          : `${label} can be at most ${count(n, "character")} long.`;
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return `${label} can have at most ${count(n, "item")}.`;
      }
      if (issue.origin === "date") return `${label} must be on or before ${String(n)}.`;
      return issue.inclusive === false
        ? `${label} must be less than ${n}.`
        : `${label} must be at most ${n}.`;
    }
    case "invalid_format": {
      const noun = formatNouns[issue.format];
      if (noun) return `${label} must be ${noun}.`;
      if ("prefix" in issue) return `${label} must start with ${String(issue.prefix)}.`;
      if ("suffix" in issue) return `${label} must end with ${String(issue.suffix)}.`;
      if ("includes" in issue) return `${label} must include ${String(issue.includes)}.`;
      return `${label} is not written in a form it accepts.`;
    }
    case "not_multiple_of":
      return `${label} must be a multiple of ${issue.divisor}.`;
    case "unrecognized_keys":
      return `${label} has ${issue.keys.length === 1 ? "a field" : "fields"} it does not take (${issue.keys.join(", ")}): leave ${issue.keys.length === 1 ? "it" : "them"} out.`;
    case "invalid_union":
      return "options" in issue && issue.options && issue.options.length > 0
        ? `${label} must be ${choices(issue.options)}.`
        : `${label} is not in a form it accepts.`;
    case "invalid_key": {
      // zod puts the refused key at the end of the path: the sentence is about its record.
      const key = path[path.length - 1];
      const record = fieldLabel(path.slice(0, -1), subject);
      return `${record} has a name that is not allowed (${String(key)}).`;
    }
    case "invalid_element":
      return `${label} has an item that is not allowed.`;
    case "invalid_value":
      return issue.values.length === 1
        ? `${label} must be ${String(issue.values[0])}.`
        : `${label} must be one of ${choices(issue.values)}.`;
    case "custom":
      return issue.message || `${label} is not valid.`;
  }
}

/** A zod error map that gives every issue no schema worded its sentence (see `issueSentence`). */
export function sentenceErrorMap(subject: string): z.core.$ZodErrorMap {
  return (issue) => issueSentence(issue as IssueLike, subject);
}

/** Parses as `schema.safeParse` does, with sentences for people in every issue's message. */
export function parseWithSentences<S extends z.ZodType>(
  schema: S,
  value: unknown,
  subject: string,
): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(value, { error: sentenceErrorMap(subject) });
}

/** One failed field as the API reports it: the path for programs, a sentence for people. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * The fields of a failed parse in the order zod found them, one entry per field: when a field
 * fails twice (an empty time zone is also an unknown one) the first, most basic problem is the
 * one worth saying.
 */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const byPath = new Map<string, FieldProblem>();
  for (const issue of error.issues) {
    // "(body)" rather than "": a problem with the body as a whole still names where it is.
    const path = fieldPath(issue.path) || "(body)";
    if (!byPath.has(path)) byPath.set(path, { path, message: issue.message });
  }
  return [...byPath.values()];
}

/**
 * The top-level message of a refused request: what was refused and the first thing to change,
 * with a count of the others, so it reads well on its own where fields cannot be shown.
 */
export function validationSummary(subject: string, fields: readonly FieldProblem[]): string {
  const [first] = fields;
  if (!first) return `${subject} is not valid.`;
  const others = fields.length - 1;
  const more =
    others > 0
      ? ` ${others} more ${others === 1 ? "field needs" : "fields need"} a change too.`
      : "";
  return `${subject} is not valid. ${first.message}${more}`;
}
