import { z } from "zod";
import { addMemberRequestSchema } from "./api/people";
import { startRetroRequestSchema } from "./api/retros";
import { ritualInputSchema } from "./api/rituals";
import {
  fieldLabel,
  fieldProblems,
  issueSentence,
  parseWithSentences,
  validationSummary,
} from "./validationMessages";

/** The sentences of a failed parse, by path. */
function sentences(schema: z.ZodType, value: unknown, subject = "The request") {
  const result = parseWithSentences(schema, value, subject);
  if (result.success) throw new Error("expected the parse to fail");
  return fieldProblems(result.error);
}

const aRitual = {
  name: "Office hours",
  schedule: {
    startDate: "2026-03-04",
    startTime: "12:00",
    durationMinutes: 45,
    timeZone: "Europe/London",
    recurrence: { kind: "weekly", interval: 1, weekday: "WE" },
    until: null,
  },
};

describe("fieldLabel", () => {
  it("names a listed field by its label, found by its last segments", () => {
    expect(fieldLabel(["schedule", "timeZone"])).toBe("Time zone");
    expect(fieldLabel(["schedule", "recurrence", "interval"])).toBe("Weeks between sessions");
    expect(fieldLabel(["reminderOffsetsMinutes", 2])).toBe("Each reminder's lead time in minutes");
  });

  it("spells out a field nobody labelled, and numbers an item of a list", () => {
    expect(fieldLabel(["someNewField"])).toBe("Some new field");
    expect(fieldLabel(["someNewField", 2])).toBe("Item 3 of some new field");
  });

  it("names the whole body by the subject", () => {
    expect(fieldLabel([], "The ritual")).toBe("The ritual");
  });
});

describe("issueSentence over every zod issue code", () => {
  it("invalid_type: says a missing field is required and names the kind a wrong one needs", () => {
    expect(sentences(z.object({ title: z.string() }), {})).toEqual([
      { path: "title", message: "Title is required." },
    ]);
    expect(sentences(z.object({ votesPerPerson: z.number() }), { votesPerPerson: "3" })).toEqual([
      { path: "votesPerPerson", message: "Votes per person must be a number." },
    ]);
    expect(sentences(z.object({ a: z.string() }), 5, "The ritual")).toEqual([
      { path: "(body)", message: "The ritual must be a set of fields." },
    ]);
  });

  it("too_small: numbers, empty text, short text and short lists", () => {
    expect(sentences(startRetroRequestSchema, { format: "pulse", votesPerPerson: 0 })).toEqual([
      { path: "votesPerPerson", message: "Votes per person must be at least 1." },
    ]);
    expect(sentences(z.object({ why: z.string().min(1) }), { why: "" })).toEqual([
      { path: "why", message: "Why it is worth reading can't be empty." },
    ]);
    expect(sentences(z.object({ code: z.string().min(4) }), { code: "ab" })).toEqual([
      { path: "code", message: "Code must be at least 4 characters long." },
    ]);
    expect(sentences(z.object({ tags: z.array(z.string()).min(2) }), { tags: [] })).toEqual([
      { path: "tags", message: "Add at least 2 items to tags." },
    ]);
    expect(sentences(z.object({ n: z.number().positive() }), { n: 0 })).toEqual([
      { path: "n", message: "N must be more than 0." },
    ]);
  });

  it("too_big: long text, big numbers and long lists", () => {
    expect(sentences(z.object({ name: z.string().max(3) }), { name: "abcd" })).toEqual([
      { path: "name", message: "Name can be at most 3 characters long." },
    ]);
    expect(sentences(z.object({ score: z.number().max(5) }), { score: 6 })).toEqual([
      { path: "score", message: "Score must be at most 5." },
    ]);
    expect(
      sentences(z.object({ roles: z.array(z.string()).max(1) }), { roles: ["a", "b"] }),
    ).toEqual([{ path: "roles", message: "Roles can have at most 1 item." }]);
  });

  it("invalid_format: known formats say what to write, patterns say the form is wrong", () => {
    expect(sentences(z.object({ url: z.url() }), { url: "not a link" })).toEqual([
      { path: "url", message: "Link must be a web address starting with https://." },
    ]);
    expect(sentences(z.object({ code: z.string().regex(/^\d+$/) }), { code: "x" })).toEqual([
      { path: "code", message: "Code is not written in a form it accepts." },
    ]);
    expect(sentences(z.object({ code: z.string().startsWith("19:") }), { code: "x" })).toEqual([
      { path: "code", message: "Code must start with 19:." },
    ]);
  });

  it("not_multiple_of: names the divisor", () => {
    expect(sentences(z.object({ minutes: z.number().multipleOf(5) }), { minutes: 7 })).toEqual([
      { path: "minutes", message: "Minutes must be a multiple of 5." },
    ]);
  });

  it("unrecognized_keys: names the fields to leave out", () => {
    expect(sentences(z.strictObject({ a: z.string() }), { a: "x", b: 1 }, "The vote")).toEqual([
      { path: "(body)", message: "The vote has a field it does not take (b): leave it out." },
    ]);
  });

  it("invalid_union: lists a discriminator's choices, or says no form fits", () => {
    const kinds = z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("once") }),
      z.object({ kind: z.literal("weekly") }),
    ]);
    expect(sentences(z.object({ repeat: kinds }), { repeat: { kind: "daily" } })).toEqual([
      { path: "repeat.kind", message: "Kind must be once or weekly." },
    ]);
    expect(sentences(z.object({ v: z.union([z.string(), z.number()]) }), { v: true })).toEqual([
      { path: "v", message: "V is not in a form it accepts." },
    ]);
  });

  it("invalid_key and invalid_element: say a name or an item is not allowed", () => {
    const counts = z.record(z.string().regex(/^[a-z]+$/), z.number());
    expect(sentences(z.object({ counts }), { counts: { Ana: 1 } })).toEqual([
      { path: "counts.Ana", message: "Counts has a name that is not allowed (Ana)." },
    ]);
    expect(
      issueSentence({
        code: "invalid_element",
        origin: "map",
        key: "x",
        issues: [],
        path: ["lookup"],
      }),
    ).toBe("Lookup has an item that is not allowed.");
  });

  it("invalid_value: one value is named, several are listed", () => {
    expect(sentences(z.object({ to: z.literal("vote") }), { to: "group" })).toEqual([
      { path: "to", message: "To must be vote." },
    ]);
    expect(
      sentences(z.object({ audience: z.enum(["lead", "members"]) }), { audience: "all" }),
    ).toEqual([{ path: "audience", message: "Audience must be one of lead or members." }]);
  });

  it("custom: a refine keeps its own message, and one without a message still names the field", () => {
    expect(
      sentences(ritualInputSchema, {
        ...aRitual,
        schedule: { ...aRitual.schedule, timeZone: "Mars/Olympus" },
      }),
    ).toEqual([
      {
        path: "schedule.timeZone",
        message: "Choose a time zone from the list, such as Europe/London.",
      },
    ]);
    expect(sentences(z.object({ day: z.number().refine((d) => d < 29) }), { day: 30 })).toEqual([
      { path: "day", message: "Day is not valid." },
    ]);
  });

  it("keeps a message a schema wrote for a standard check", () => {
    expect(sentences(addMemberRequestSchema, { userId: "teams/ana", displayName: "Ana" })).toEqual([
      {
        path: "userId",
        message:
          "A person's id uses only letters, digits and . _ - and starts with a letter or digit, like an Entra object id.",
      },
    ]);
  });
});

describe("fieldProblems", () => {
  it("keeps one sentence for a field that failed twice, the first", () => {
    const fields = sentences(ritualInputSchema, {
      ...aRitual,
      schedule: { ...aRitual.schedule, timeZone: "" },
    });
    expect(fields).toEqual([{ path: "schedule.timeZone", message: "Choose a time zone." }]);
  });
});

describe("validationSummary", () => {
  it("says what was refused and the first thing to change, with no path in it", () => {
    const fields = sentences(startRetroRequestSchema, { format: "pulse", votesPerPerson: 0 });
    expect(validationSummary("The retro", fields)).toBe(
      "The retro is not valid. Votes per person must be at least 1.",
    );
  });

  it("counts the other fields that need a change", () => {
    const fields = sentences(ritualInputSchema, {
      ...aRitual,
      name: "",
      schedule: { ...aRitual.schedule, durationMinutes: 1, timeZone: "Nowhere" },
    });
    expect(validationSummary("The ritual", fields)).toBe(
      "The ritual is not valid. Give the ritual a name. 2 more fields need a change too.",
    );
  });

  it("still reads as a sentence without fields", () => {
    expect(validationSummary("The query", [])).toBe("The query is not valid.");
  });
});
