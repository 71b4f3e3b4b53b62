import { z } from "zod";
import { isValidTimeZone, timeZoneSchema } from "../rituals/zones";

/** Days a recipient may choose for their digest. */
export const digestDays = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export const digestDaySchema = z.enum(digestDays);
export type DigestDay = z.infer<typeof digestDaySchema>;

/** When one recipient gets their digest. Default: Monday 09:00 in their zone. */
export const digestSettingsSchema = z.object({
  day: digestDaySchema,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time such as 09:00."),
  timeZone: timeZoneSchema,
});
export type DigestSettings = z.infer<typeof digestSettingsSchema>;

/** The settings of someone who never chose. */
export function defaultDigestSettings(timeZone: string): DigestSettings {
  return { day: "monday", time: "09:00", timeZone: isValidTimeZone(timeZone) ? timeZone : "UTC" };
}

/** GET and PUT /api/digest/settings */
export const digestSettingsResponseSchema = z.object({
  settings: digestSettingsSchema,
  /** False until the recipient saves: the defaults are shown, not stored. */
  saved: z.boolean(),
});
export type DigestSettingsResponse = z.infer<typeof digestSettingsResponseSchema>;

/** Query of GET /api/digest/preview. */
export const digestPreviewQuerySchema = z.object({
  audience: z.enum(["lead", "members"]).default("lead"),
  /** The members' version is per community. */
  communityId: z.string().max(80).optional(),
  /** The reader's zone; an unknown one is refused (400) rather than failing the composer. */
  timeZone: timeZoneSchema.optional(),
});
export type DigestPreviewQuery = z.input<typeof digestPreviewQuerySchema>;

/** GET /api/digest/preview: the exact card that would be sent now. */
export const digestPreviewResponseSchema = z.object({
  week: z.string(),
  audience: z.enum(["lead", "members"]),
  card: z.record(z.string(), z.unknown()),
  /** True when no community has anything to say (the scheduled send is skipped then). */
  empty: z.boolean(),
});
export type DigestPreviewResponse = z.infer<typeof digestPreviewResponseSchema>;

/**
 * Where a community's members' digest of one week stands: not sent yet; queued (on its way);
 * sent; failed (Teams refused it, or it ran out of retries); unreachable (Teams refuses the
 * channel, e.g. the app was removed from the team). A failed or unreachable one may be sent again.
 */
export const digestSendStatuses = ["notSent", "queued", "sent", "failed", "unreachable"] as const;
export type DigestSendStatus = (typeof digestSendStatuses)[number];

/**
 * GET /api/communities/{communityId}/digest/send: this week's members' digest, as it stands.
 * POST (champions): posts it now, or again after it failed; answers "sent" without sending when
 * it was already sent this week, and "queued" (202) when it is on its way.
 */
export const digestSendResponseSchema = z.object({
  status: z.enum(digestSendStatuses),
  /** The delivery's idempotency key: one per community and ISO week. */
  key: z.string(),
  /** The ISO week ("2026-W48") the digest is for. */
  week: z.string(),
  /** ISO instant of the last change; absent when not sent. */
  updatedAt: z.string().optional(),
  /** Teams' answer, when it failed or was unreachable. */
  reason: z.string().optional(),
});
export type DigestSendResponse = z.infer<typeof digestSendResponseSchema>;

/** One fired health signal, as the Health page shows it. */
export const healthSignalSchema = z.object({
  kind: z.string(),
  summary: z.string(),
  figures: z.record(z.string(), z.number()),
});

/** GET /api/health-signals: warning signs per community the caller leads. */
export const healthSignalsResponseSchema = z.object({
  communities: z.array(
    z.object({
      communityId: z.string(),
      name: z.string(),
      signals: z.array(healthSignalSchema),
    }),
  ),
});
export type HealthSignalsResponse = z.infer<typeof healthSignalsResponseSchema>;

/** GET /api/communities/{communityId}/digest/unreachable: who Teams refused to deliver to. */
export const unreachableResponseSchema = z.object({
  recipients: z.array(
    z.object({
      /** "personal" for someone's chat with the bot, "channel" for the community's channel. */
      kind: z.enum(["personal", "channel"]),
      displayName: z.string(),
      reason: z.string(),
      since: z.string(),
    }),
  ),
});
export type UnreachableResponse = z.infer<typeof unreachableResponseSchema>;
