import { timeZoneSchema } from "@practice-hub/shared";
import { z } from "zod";

export { digestPreviewQuerySchema, digestSettingsSchema } from "@practice-hub/shared";

/** The reader's zone, from the tab: an unknown zone is the caller's mistake (400), never a 500. */
export const zoneQuerySchema = z.object({ timeZone: timeZoneSchema.optional() });

/** The zone query as routes declare it. */
export const zoneQuery = { schema: zoneQuerySchema, what: "The query" };
