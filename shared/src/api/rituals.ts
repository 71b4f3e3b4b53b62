import { z } from "zod";
import { ritualTemplate, ritualTemplateIdSchema, type StarterRitual } from "../rituals/catalogue";
import { occurrenceChangePatchSchema } from "../rituals/exceptions";
import { ritualLimits } from "../rituals/limits";
import { scheduleSchema, weekdaySchema } from "../rituals/recurrence";
import { localDateSchema, localTimeSchema, timeZoneSchema } from "../rituals/zones";
import type { Clock } from "../time";
import { datesInWindow } from "../validations";
import { personRefSchema } from "./identity";

/** What a caller may do in the calendar; the tab hides the rest, the service enforces it. */
export const ritualActions = ["read", "schedule", "participate"] as const;
export const ritualActionSchema = z.enum(ritualActions);
export type RitualAction = z.infer<typeof ritualActionSchema>;

/** RSVP answers; attendance is never mandatory, so "not going" is as valid as "going". */
export const rsvpResponses = ["going", "maybe", "notGoing"] as const;
export const rsvpResponseSchema = z.enum(rsvpResponses, {
  error: "Answer going, maybe or not going (notGoing).",
});
export type RsvpResponse = z.infer<typeof rsvpResponseSchema>;

/** Reminder lead times in minutes before the start; 24 hours and 15 minutes by default. */
export const defaultReminderOffsets = [24 * 60, 15] as const;
/** The longest reminder lead time a ritual may set: a week. */
export const maxReminderLeadMinutes = 7 * 24 * 60;

/** The editable fields of a ritual: POST creates one, PUT (with If-Match) replaces them. */
export const ritualInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the ritual a name.")
    .max(ritualLimits.ritualName, `Keep the name within ${ritualLimits.ritualName} characters.`),
  purpose: z.string().trim().max(ritualLimits.ritualPurpose).default(""),
  agenda: z.string().trim().max(ritualLimits.ritualAgenda).default(""),
  templateId: ritualTemplateIdSchema.nullable().default(null),
  /** A location or circle inside the community, or null for the whole community. */
  segment: z.string().trim().min(1).max(ritualLimits.segment).nullable().default(null),
  schedule: scheduleSchema,
  reminderOffsetsMinutes: z
    .array(z.number().int().min(5).max(maxReminderLeadMinutes))
    .max(ritualLimits.reminderOffsets)
    .default([...defaultReminderOffsets]),
});
export type RitualInput = z.input<typeof ritualInputSchema>;
export type RitualFields = z.output<typeof ritualInputSchema>;

/** A new ritual's fields from its template and schedule (the starter rhythm, the demo seed). */
export function ritualFieldsFromTemplate(starter: StarterRitual): RitualFields {
  const template = ritualTemplate(starter.templateId);
  return {
    name: template.name,
    purpose: template.purpose,
    agenda: template.agenda,
    templateId: starter.templateId,
    segment: null,
    schedule: starter.schedule,
    reminderOffsetsMinutes: [...defaultReminderOffsets],
  };
}

/** A volunteer for the rotation, with the days they are away. */
export const volunteerSchema = personRefSchema.extend({ awayDates: z.array(localDateSchema) });
export type Volunteer = z.infer<typeof volunteerSchema>;

/** A ritual as the API shows it. `etag` goes back in If-Match on update and delete. */
export const ritualSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  agenda: z.string(),
  templateId: ritualTemplateIdSchema.nullable(),
  segment: z.string().nullable(),
  schedule: scheduleSchema,
  reminderOffsetsMinutes: z.array(z.number()),
  volunteers: z.array(volunteerSchema),
  createdAt: z.string(),
  etag: z.string(),
});
export type Ritual = z.infer<typeof ritualSchema>;

/** GET /api/communities/{communityId}/rituals */
export const ritualsResponseSchema = z.object({
  rituals: z.array(ritualSchema),
  allowedActions: z.array(ritualActionSchema),
});
export type RitualsResponse = z.infer<typeof ritualsResponseSchema>;

/** POST .../rituals/starter-rhythm: creates the four-week starter rhythm in one step. */
export const starterRhythmRequestSchema = z.object({
  from: localDateSchema,
  weekday: weekdaySchema,
  time: localTimeSchema,
  timeZone: timeZoneSchema,
});
export type StarterRhythmRequest = z.infer<typeof starterRhythmRequestSchema>;
/** The answer to the starter rhythm: the rituals it created. */
export const starterRhythmResponseSchema = z.object({ rituals: z.array(ritualSchema) });

/**
 * PUT .../rituals/{ritualId}/occurrences/{date} (If-Match): changes one occurrence's exception.
 * Only the fields sent change (null clears one), so cancelling keeps a move and moving keeps the
 * assigned facilitator.
 */
export const occurrenceChangeRequestSchema = occurrenceChangePatchSchema;
export type OccurrenceChangeRequest = z.input<typeof occurrenceChangeRequestSchema>;

/** PUT .../occurrences/{date}/rsvp */
export const rsvpRequestSchema = z.object({ response: rsvpResponseSchema });
export type RsvpRequest = z.infer<typeof rsvpRequestSchema>;

/** PUT .../occurrences/{date}/attendance (If-Match): what the facilitator records afterwards. */
export const attendanceRequestSchema = z.object({
  /** User ids (the same characters a token's user id may have), so none needs escaping in JSON. */
  attendeeIds: z
    .array(
      z
        .string()
        .regex(
          /^[A-Za-z0-9._-]{1,128}$/,
          "Name each attendee by their id: letters, digits, dots, dashes and underscores.",
        ),
    )
    .max(
      ritualLimits.peoplePerOccurrence,
      `Record at most ${ritualLimits.peoplePerOccurrence} attendees of one session.`,
    ),
  notes: z.string().trim().max(ritualLimits.sessionNotes).default(""),
  recordingUrl: z
    .url({
      protocol: /^https$/,
      error: "The recording link must be a web address starting with https://.",
    })
    .max(ritualLimits.recordingUrl)
    .nullable()
    .default(null),
});
export type AttendanceRequest = z.input<typeof attendanceRequestSchema>;

/**
 * PUT .../rituals/{ritualId}/volunteers/me: volunteer (or update away days). Without `awayDates`
 * the stored ones stay: pressing "Volunteer" twice must not wipe them.
 */
export const volunteerRequestSchema = z.object({
  awayDates: z.array(localDateSchema).max(ritualLimits.awayDates).optional(),
});
export type VolunteerRequest = z.input<typeof volunteerRequestSchema>;

/** Query of GET .../occurrences: a range of at most 100 days. */
export const occurrencesQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true, error: "from must be an ISO instant." }),
    to: z.iso.datetime({ offset: true, error: "to must be an ISO instant." }),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), {
    message: "to must be after from.",
    path: ["to"],
  })
  .refine(
    (q) => Date.parse(q.to) - Date.parse(q.from) <= ritualLimits.occurrencesRangeDays * 86_400_000,
    {
      message: `Ask for at most ${ritualLimits.occurrencesRangeDays} days at a time.`,
      path: ["to"],
    },
  );
export type OccurrencesQuery = z.infer<typeof occurrencesQuerySchema>;

/**
 * The request schemas above as the service applies them on the clock's today: each also checks
 * that every date the request carries lies in the date window (a few years around now), naming
 * the window when one does not. Built once per router; the clock is read at each validation.
 */
export function ritualRequestSchemas(clock: Clock) {
  return {
    ritualInput: ritualInputSchema.superRefine(
      datesInWindow(clock, ({ schedule }) => [
        { path: ["schedule", "startDate"], value: schedule.startDate },
        { path: ["schedule", "until"], value: schedule.until },
      ]),
    ),
    /**
     * An edit of a ritual: the start date is left to the command, which lets a series that began
     * before the window keep its start date, and checks it against the window when it changes.
     */
    ritualEdit: ritualInputSchema.superRefine(
      datesInWindow(clock, ({ schedule }) => [
        { path: ["schedule", "until"], value: schedule.until },
      ]),
    ),
    starterRhythm: starterRhythmRequestSchema.superRefine(
      datesInWindow(clock, ({ from }) => [{ path: ["from"], value: from }]),
    ),
    occurrenceChange: occurrenceChangeRequestSchema.superRefine(
      datesInWindow(clock, ({ movedTo }) => [{ path: ["movedTo", "date"], value: movedTo?.date }]),
    ),
    volunteer: volunteerRequestSchema.superRefine(
      datesInWindow(clock, ({ awayDates }) =>
        (awayDates ?? []).map((value, index) => ({ path: ["awayDates", index], value })),
      ),
    ),
    occurrencesQuery: occurrencesQuerySchema.superRefine(
      datesInWindow(clock, ({ from, to }) => [
        { path: ["from"], value: from },
        { path: ["to"], value: to },
      ]),
    ),
  };
}

/** Who runs an occurrence and why: the tab shows "Ana is next: last facilitated 6 weeks ago". */
export const facilitatorSchema = z.object({
  person: personRefSchema,
  /** "rotation" when the fair rotation chose them, "assigned" when someone named them. */
  source: z.enum(["rotation", "assigned"]),
  lastServedDate: localDateSchema.nullable(),
});
export type Facilitator = z.infer<typeof facilitatorSchema>;

/** One occurrence in the calendar. */
export const occurrenceSchema = z.object({
  ritualId: z.string(),
  ritualName: z.string(),
  segment: z.string().nullable(),
  /** The planned local date: names the occurrence in URLs even after a move. */
  originalDate: localDateSchema,
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  status: z.enum(["scheduled", "moved", "cancelled"]),
  cancelledReason: z.string().nullable(),
  facilitator: facilitatorSchema.nullable(),
  rsvpCounts: z.object({ going: z.number(), maybe: z.number(), notGoing: z.number() }),
  myRsvp: rsvpResponseSchema.nullable(),
  /** Who answered what, so the facilitator can tick who came. */
  responses: z.array(z.object({ person: personRefSchema, response: rsvpResponseSchema })),
  /** True when the caller may record attendance, notes and a recording link. */
  canRecord: z.boolean(),
  /** The facilitator who asked someone to take over this session, while nobody has yet. */
  swapRequestedBy: personRefSchema.nullable(),
  /** True when the caller runs this session and may ask for a swap. */
  canAskForSwap: z.boolean(),
  /** True when a swap is open and the caller, another volunteer, may take the session. */
  canTakeSwap: z.boolean(),
  /** True when the caller already volunteers for the ritual's rotation. */
  viewerVolunteers: z.boolean(),
  attendance: z
    .object({
      count: z.number(),
      attendeeIds: z.array(z.string()),
      notes: z.string(),
      recordingUrl: z.string().nullable(),
    })
    .nullable(),
  /** ETag of the occurrence's record; If-Match for changes and attendance. */
  etag: z.string(),
});
export type Occurrence = z.infer<typeof occurrenceSchema>;

/** GET .../occurrences?from=&to= */
export const occurrencesResponseSchema = z.object({
  occurrences: z.array(occurrenceSchema),
  warnings: z.object({
    /** A young community runs more than three rituals. */
    startingBig: z.boolean(),
    /** Three or fewer people ran the last ten sessions. */
    facilitationConcentrated: z.boolean(),
  }),
  /** The caller's hours in rituals this calendar month (going or attended) against 2-4 hours. */
  protectedTime: z.object({
    usedMinutes: z.number(),
    budgetMinutes: z.object({ min: z.number(), max: z.number() }),
    state: z.enum(["under", "within", "over"]),
  }),
  allowedActions: z.array(ritualActionSchema),
});
export type OccurrencesResponse = z.infer<typeof occurrencesResponseSchema>;

/** `data` of a 412 on a ritual: the ritual as it is now. */
export const staleRitualDataSchema = z.object({ current: ritualSchema });
export type StaleRitualData = z.infer<typeof staleRitualDataSchema>;

/**
 * `data` of the 409 to a schedule change that would hide sessions that took place or were
 * changed by hand: their planned dates, oldest first.
 */
export const scheduleConflictDataSchema = z.object({ dates: z.array(localDateSchema) });
export type ScheduleConflictData = z.infer<typeof scheduleConflictDataSchema>;

/**
 * GET/POST .../calendar-feed. `url` comes only from the POST that makes a new secret: the
 * service keeps a hash of it, never the secret, so a GET can say whether the feed is `active`
 * but not repeat its URL.
 */
export const calendarFeedResponseSchema = z.object({
  url: z.string().nullable(),
  active: z.boolean(),
});
export type CalendarFeedResponse = z.infer<typeof calendarFeedResponseSchema>;
