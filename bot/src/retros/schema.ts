import { z } from "zod";

export {
  addRetroActionRequestSchema,
  addRetroEntryRequestSchema,
  castRetroVoteRequestSchema,
  hideRetroEntryRequestSchema,
  moveRetroRequestSchema,
  saveRetroThemesRequestSchema,
  startRetroRequestSchema,
  updateRetroActionRequestSchema,
} from "@practice-hub/shared";

/** Retro, entry and action ids in URLs: key-safe words; anything else cannot exist. */
export const retroParamsSchema = z.object({
  retroId: z.string().regex(/^[A-Za-z0-9-]{1,60}$/),
});
export const entryParamsSchema = retroParamsSchema.extend({
  entryId: z.string().regex(/^[A-Za-z0-9-]{1,80}$/),
});
export const actionParamsSchema = z.object({
  actionId: z.string().regex(/^[A-Za-z0-9-]{1,80}$/),
});
