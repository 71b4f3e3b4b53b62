import { localDateSchema } from "@practice-hub/shared";
import { z } from "zod";

export {
  attendanceRequestSchema,
  occurrenceChangeRequestSchema,
  occurrencesQuerySchema,
  ritualInputSchema,
  rsvpRequestSchema,
  starterRhythmRequestSchema,
  volunteerRequestSchema,
} from "@practice-hub/shared";

/** Ritual ids are the short hex ids ritualCreator makes. */
export const ritualParamsSchema = z.object({
  ritualId: z.string().regex(/^[a-z0-9]{1,32}$/, "That is not a ritual id."),
});

/** An occurrence is named by its ritual and planned local date. */
export const occurrenceParamsSchema = ritualParamsSchema.extend({ date: localDateSchema });
