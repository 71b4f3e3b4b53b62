import { z } from "zod";
import { canvasSectionIdSchema } from "../canvas/sections";
import { limits } from "../validations";
import { personRefSchema } from "./identity";

/** What a caller may do with a canvas; the tab hides the rest, the service enforces it. */
export const canvasActions = ["read", "update", "review"] as const;
export const canvasActionSchema = z.enum(canvasActions);
export type CanvasAction = z.infer<typeof canvasActionSchema>;

/** One canvas section with its current text. `etag` goes back in If-Match on save. */
export const canvasSectionSchema = z.object({
  id: canvasSectionIdSchema,
  title: z.string(),
  summary: z.string(),
  prompts: z.array(z.string()),
  content: z.string(),
  /** 0 for a section nobody has written yet; +1 on every save. */
  version: z.number().int().nonnegative(),
  etag: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: personRefSchema.nullable(),
});
export type CanvasSection = z.infer<typeof canvasSectionSchema>;

/** GET /api/communities/{communityId}/canvas */
export const canvasResponseSchema = z.object({
  communityId: z.string(),
  sections: z.array(canvasSectionSchema),
  reviewedAt: z.string().nullable(),
  reviewedBy: personRefSchema.nullable(),
  allowedActions: z.array(canvasActionSchema),
});
export type CanvasResponse = z.infer<typeof canvasResponseSchema>;

/** PUT /api/communities/{communityId}/canvas/sections/{sectionId} body; answers a CanvasSection. */
export const updateCanvasSectionRequestSchema = z.object({
  content: z
    .string()
    .max(
      limits.canvasSectionContent,
      `Keep the section within ${limits.canvasSectionContent} characters.`,
    ),
});
export type UpdateCanvasSectionRequest = z.infer<typeof updateCanvasSectionRequestSchema>;

/** `data` of the 412 answered to a stale save: the section as it is now. */
export const staleCanvasSectionDataSchema = z.object({ current: canvasSectionSchema });
export type StaleCanvasSectionData = z.infer<typeof staleCanvasSectionDataSchema>;

/** Query of GET .../canvas/history */
export const canvasHistoryQuerySchema = z.object({
  section: canvasSectionIdSchema,
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(limits.historyPageSizeMax)
    .default(limits.historyPageSize),
  cursor: z.string().max(512).optional(),
});
export type CanvasHistoryQuery = z.infer<typeof canvasHistoryQuerySchema>;

/** One saved version of a section. */
export const canvasVersionSchema = z.object({
  sectionId: canvasSectionIdSchema,
  version: z.number().int().positive(),
  content: z.string(),
  updatedAt: z.string(),
  updatedBy: personRefSchema,
});
export type CanvasVersion = z.infer<typeof canvasVersionSchema>;

/** GET .../canvas/history: newest first; pass `nextCursor` back as `cursor` for the next page. */
export const canvasHistoryResponseSchema = z.object({
  versions: z.array(canvasVersionSchema),
  nextCursor: z.string().nullable(),
});
export type CanvasHistoryResponse = z.infer<typeof canvasHistoryResponseSchema>;

/** POST .../canvas/review */
export const canvasReviewResponseSchema = z.object({
  reviewedAt: z.string(),
  reviewedBy: personRefSchema,
});
export type CanvasReviewResponse = z.infer<typeof canvasReviewResponseSchema>;
