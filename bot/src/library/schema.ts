import { z } from "zod";

export {
  resourceDecisionRequestSchema,
  saveHandbookEntryRequestSchema,
  suggestResourceRequestSchema,
} from "@practice-hub/shared";

/** Resource and entry ids are UUIDs the service made; anything else cannot exist. */
export const resourceParamsSchema = z.object({ resourceId: z.uuid() });
export const entryParamsSchema = z.object({ entryId: z.uuid() });
