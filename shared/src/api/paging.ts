import { z } from "zod";
import { retroLimits } from "../retros/limits";

/**
 * Lists that grow with a community's life come a page at a time: the answer carries `nextCursor`,
 * which goes back as `cursor` for the next page (null on the last one). A cursor is opaque: only
 * the service that gave it out can read it, and it refuses one it did not give out.
 */
export const pageCursorSchema = z
  .string()
  .min(1)
  .max(700, "cursor is too long: send the nextCursor a page gave, unchanged.")
  .regex(/^[A-Za-z0-9_-]+$/, "cursor must be the nextCursor a page gave, unchanged.");

/** Page sizes of the paged lists: the default and the most one request may ask for. */
export const pageSizes = {
  people: { size: 50, max: 200 },
  library: { size: 30, max: 100 },
  retros: { size: retroLimits.historyPageSize, max: 50 },
} as const;

/** The query of a paged list: `?cursor=<nextCursor>&limit=<page size>`. */
export function pageQuerySchema(sizes: { size: number; max: number }) {
  return z.object({
    cursor: pageCursorSchema.optional(),
    limit: z.coerce
      .number({ error: "limit must be a number." })
      .int("limit must be a whole number.")
      .min(1, "limit must be at least 1.")
      .max(sizes.max, `limit must be at most ${sizes.max}.`)
      .default(sizes.size),
  });
}
export type PageQuery = z.infer<ReturnType<typeof pageQuerySchema>>;

/** `nextCursor` of a paged answer. */
export const nextCursorSchema = z.string().nullable();
