import { datesInWindow, localDateSchema, type Clock } from "@practice-hub/shared";
import { z } from "zod";

export {
  attendanceRequestSchema,
  ritualRequestSchemas,
  rsvpRequestSchema,
} from "@practice-hub/shared";

/** Ritual ids are the short hex ids ritualCreator makes. */
export const ritualParamsSchema = z.object({
  ritualId: z.string().regex(/^[a-z0-9]{1,32}$/, "That is not a ritual id."),
});

/**
 * An occurrence is named by its ritual and planned local date; the date must lie in the date
 * window on the clock's today, so no RSVP, change or attendance is stored for a session in 9999.
 */
export function occurrenceParamsSchema(clock: Clock) {
  return ritualParamsSchema
    .extend({ date: localDateSchema })
    .superRefine(datesInWindow(clock, ({ date }) => [{ path: ["date"], value: date }]));
}
