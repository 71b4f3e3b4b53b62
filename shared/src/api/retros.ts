import { z } from "zod";
import { customRetroFormatSchema, retroFormatIdSchema, retroPromptSchema } from "../retros/formats";
import { retroLimits } from "../retros/limits";
import { retroPhaseSchema } from "../retros/phases";
import { isCalendarDate, type Clock } from "../time";
import { datesInWindow } from "../validations";
import { personRefSchema } from "./identity";
import { nextCursorSchema, pageQuerySchema, pageSizes } from "./paging";

/** What a caller may do with a community's retros; the tab hides the rest, the service enforces it. */
export const retroCapabilities = ["read", "contribute", "facilitate", "moderate"] as const;
export const retroCapabilitySchema = z.enum(retroCapabilities);
export type RetroCapability = z.infer<typeof retroCapabilitySchema>;

/** A calendar date, YYYY-MM-DD: action due dates have no time of day. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-12-31.")
  .refine(isCalendarDate, "That date does not exist: check the day and the month.");

/** A key the client makes once per submission, so a retry or double click stores one thing. */
export const submissionKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]+$/, "A submission key may use only letters, digits and . _ : -.")
  .min(8, "A submission key needs at least 8 characters: send a fresh UUID with each submission.")
  .max(retroLimits.submissionKey);

/** The format of a retro as stored with it (built-in or custom). */
export const retroFormatSchema = z.object({
  id: retroFormatIdSchema,
  title: z.string(),
  prompts: z.array(retroPromptSchema),
  scored: z.boolean(),
});

/** Who hid an entry and why; recorded for the moderators' log. */
export const retroHiddenSchema = z.object({
  reason: z.string(),
  by: personRefSchema,
  at: z.string(),
});

/** One entry. `author` is null for an anonymous entry: the service never stored one. */
export const retroEntrySchema = z.object({
  id: z.string(),
  promptId: z.string(),
  text: z.string(),
  score: z.number().int().min(1).max(5).nullable(),
  author: personRefSchema.nullable(),
  /** Present only for moderators and facilitators; hidden entries are left out for others. */
  hidden: retroHiddenSchema.nullable(),
});
export type RetroEntry = z.infer<typeof retroEntrySchema>;

/** A theme gathers entries; ungrouped entries are voted on alone. */
export const retroThemeSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
  title: z.string().trim().min(1, "Give the theme a title.").max(retroLimits.themeTitle),
  entryIds: z
    .array(z.string().regex(/^[A-Za-z0-9-]{1,80}$/, "Name entries by the ids the retro gave them."))
    .max(
      retroLimits.entriesMax,
      `A theme holds at most ${retroLimits.entriesMax} entries, the most a retro has.`,
    ),
});
export type RetroTheme = z.infer<typeof retroThemeSchema>;

/** An item people vote on: a theme, or an entry that is in no theme. */
export const retroVoteItemSchema = z.object({
  /** `theme:<id>` or `entry:<id>`. */
  target: z.string(),
  title: z.string(),
  entryCount: z.number().int().nonnegative(),
  /** Null while voting is open, so early votes do not steer later ones. */
  votes: z.number().int().nonnegative().nullable(),
});
export type RetroVoteItem = z.infer<typeof retroVoteItemSchema>;

export const retroActionStatuses = ["open", "done", "needHelp"] as const;
export const retroActionStatusSchema = z.enum(retroActionStatuses);
export type RetroActionStatus = z.infer<typeof retroActionStatusSchema>;

export const retroActionKinds = ["action", "learningGoal"] as const;
export const retroActionKindSchema = z.enum(retroActionKinds);
export type RetroActionKind = z.infer<typeof retroActionKindSchema>;

/** An action decided in a retro. Tracked until done; `overdue` is computed when presented. */
export const retroActionSchema = z.object({
  id: z.string(),
  retroId: z.string(),
  text: z.string(),
  kind: retroActionKindSchema,
  owner: personRefSchema,
  dueDate: z.string(),
  escalate: z.boolean(),
  status: retroActionStatusSchema,
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RetroAction = z.infer<typeof retroActionSchema>;

/** The average pulse score of a retro. */
export const retroPulseSchema = z.object({
  average: z.number(),
  count: z.number().int().nonnegative(),
});
export type RetroPulse = z.infer<typeof retroPulseSchema>;

/** GET /api/communities/{communityId}/retros/{retroId}; also the answer of every retro change. */
export const retroSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  format: retroFormatSchema,
  phase: retroPhaseSchema,
  votesPerPerson: z.number().int().positive(),
  startedAt: z.string(),
  startedBy: personRefSchema,
  closedAt: z.string().nullable(),
  /** Visible entries per prompt id: the only thing shown about entries while collecting. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Empty while collecting: texts appear from the group phase on. */
  entries: z.array(retroEntrySchema),
  themes: z.array(retroThemeSchema),
  voteItems: z.array(retroVoteItemSchema),
  votesCast: z.number().int().nonnegative(),
  myVotes: z.array(z.string()),
  actions: z.array(retroActionSchema),
  /** Open actions of the community's earlier retros: a new retro starts by reviewing them. */
  reviewActions: z.array(retroActionSchema),
  pulse: retroPulseSchema.nullable(),
  /** The retro header's version: send it as If-Match when saving themes. */
  etag: z.string(),
  allowedActions: z.array(retroCapabilitySchema),
});
export type Retro = z.infer<typeof retroSchema>;

/** One retro in the community's history. */
export const retroListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  formatId: retroFormatIdSchema,
  phase: retroPhaseSchema,
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  topThemes: z.array(z.object({ title: z.string(), votes: z.number().int().nonnegative() })),
  pulse: retroPulseSchema.nullable(),
});
export type RetroListItem = z.infer<typeof retroListItemSchema>;

/** Query of GET .../retros: a page of the history (`?cursor=&limit=`). */
export const retroListQuerySchema = pageQuerySchema(pageSizes.retros);

/**
 * GET /api/communities/{communityId}/retros: a page of the history, newest first; the first page
 * (no cursor) also carries every action still open (at most `retroLimits.openActionsMax`).
 */
export const retroListResponseSchema = z.object({
  retros: z.array(retroListItemSchema),
  nextCursor: nextCursorSchema,
  /** Empty on later pages. */
  openActions: z.array(retroActionSchema),
  allowedActions: z.array(retroCapabilitySchema),
});
export type RetroListResponse = z.infer<typeof retroListResponseSchema>;

/** POST /api/communities/{communityId}/retros */
export const startRetroRequestSchema = z
  .object({
    format: retroFormatIdSchema,
    /** Required when format is "custom". */
    custom: customRetroFormatSchema.optional(),
    title: z.string().trim().max(retroLimits.title).optional(),
    votesPerPerson: z
      .number()
      .int()
      .min(retroLimits.votesPerPersonMin)
      .max(
        retroLimits.votesPerPersonMax,
        `Give each person at most ${retroLimits.votesPerPersonMax} votes.`,
      )
      .optional(),
  })
  .refine((body) => body.format !== "custom" || body.custom !== undefined, {
    message: "A custom format needs its prompts: add at least one.",
    path: ["custom"],
  });
export type StartRetroRequest = z.infer<typeof startRetroRequestSchema>;

/** POST .../retros/{retroId}/entries */
export const addRetroEntryRequestSchema = z.object({
  promptId: z.string().min(1).max(40),
  text: z
    .string()
    .trim()
    .min(1, "Write something before you send it.")
    .max(retroLimits.entryText, `Keep an entry under ${retroLimits.entryText} characters.`),
  /** Anonymous unless the person chooses to show their name. */
  anonymous: z.boolean().default(true),
  /** 1-5, required by scored formats (the pulse) and refused by the others. */
  score: z.number().int().min(1).max(5).optional(),
  submissionKey: submissionKeySchema,
});
export type AddRetroEntryRequest = z.input<typeof addRetroEntryRequestSchema>;

/** Answer of POST .../entries: the counts only, so an entry's text is not echoed to others. */
export const addRetroEntryResponseSchema = z.object({
  entryId: z.string(),
  /** False when the submission key had been used: nothing new was stored. */
  created: z.boolean(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type AddRetroEntryResponse = z.infer<typeof addRetroEntryResponseSchema>;

/** PUT .../retros/{retroId}/themes (with If-Match: the retro's etag) */
export const saveRetroThemesRequestSchema = z.object({
  themes: z
    .array(retroThemeSchema)
    .max(
      retroLimits.themesMax,
      `A retro has at most ${retroLimits.themesMax} themes: merge some before saving.`,
    )
    .refine(
      (themes) =>
        themes.reduce((sum, theme) => sum + theme.entryIds.length, 0) <= retroLimits.entriesMax,
      `Themes hold at most ${retroLimits.entriesMax} entries in all, the most a retro has.`,
    ),
});
export type SaveRetroThemesRequest = z.infer<typeof saveRetroThemesRequestSchema>;

/**
 * `data` of the 412 answered to a stale themes save: the retro as it is now, with its themes
 * and etag, so the facilitator can lay their grouping over it instead of starting again.
 */
export const staleRetroDataSchema = z.object({ current: retroSchema });
export type StaleRetroData = z.infer<typeof staleRetroDataSchema>;

/** POST .../retros/{retroId}/votes */
export const castRetroVoteRequestSchema = z.object({
  target: z.string().regex(/^(theme|entry):[A-Za-z0-9-]{1,80}$/, "Vote for a theme or an entry."),
  submissionKey: submissionKeySchema,
});
export type CastRetroVoteRequest = z.infer<typeof castRetroVoteRequestSchema>;

/** Answer of POST .../votes */
export const castRetroVoteResponseSchema = z.object({
  created: z.boolean(),
  myVotes: z.array(z.string()),
  votesLeft: z.number().int().nonnegative(),
});
export type CastRetroVoteResponse = z.infer<typeof castRetroVoteResponseSchema>;

/** POST .../retros/{retroId}/phase */
export const moveRetroRequestSchema = z.object({ to: retroPhaseSchema });
export type MoveRetroRequest = z.infer<typeof moveRetroRequestSchema>;

/** POST .../retros/{retroId}/actions */
export const addRetroActionRequestSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, "Say what will be done.")
    .max(retroLimits.actionText, `Keep an action under ${retroLimits.actionText} characters.`),
  kind: retroActionKindSchema.default("action"),
  /**
   * Only the owner's id counts: the service looks the person up among the community's members
   * and takes their name from there, so a client cannot put words in someone else's name.
   */
  owner: z.object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, "Choose an owner."),
  }),
  dueDate: isoDateSchema,
  escalate: z.boolean().default(false),
  /** The same key for a retried or double-clicked submission: one action, one owner card. */
  submissionKey: submissionKeySchema,
});
export type AddRetroActionRequest = z.input<typeof addRetroActionRequestSchema>;

/**
 * The retro request schemas that carry dates, as the service applies them on the clock's today:
 * an action's due date must lie in the date window (a few years around now).
 */
export function retroRequestSchemas(clock: Clock) {
  return {
    addAction: addRetroActionRequestSchema.superRefine(
      datesInWindow(clock, ({ dueDate }) => [{ path: ["dueDate"], value: dueDate }]),
    ),
  };
}

/** POST /api/communities/{communityId}/retro-actions/{actionId}/status */
export const updateRetroActionRequestSchema = z.object({ status: retroActionStatusSchema });
export type UpdateRetroActionRequest = z.infer<typeof updateRetroActionRequestSchema>;

/** POST .../retros/{retroId}/entries/{entryId}/hide */
export const hideRetroEntryRequestSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "Say why the entry is hidden: the reason is recorded.")
    .max(retroLimits.hideReason),
});
export type HideRetroEntryRequest = z.infer<typeof hideRetroEntryRequestSchema>;
