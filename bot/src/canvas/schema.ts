import { canvasSectionIdSchema } from "@practice-hub/shared";
import { z } from "zod";

export { canvasHistoryQuerySchema, updateCanvasSectionRequestSchema } from "@practice-hub/shared";

/** The section id in the URL of a save. */
export const sectionParamsSchema = z.object({ sectionId: canvasSectionIdSchema });

/**
 * History cursors are opaque to the tab: base64url of the last RowKey it saw. Decoding and
 * checking them here keeps callers from steering the query outside the section's history.
 */
export function encodeHistoryCursor(rowKey: string): string {
  return Buffer.from(rowKey, "utf8").toString("base64url");
}

/** The RowKey inside a cursor (validated by the route). */
export function decodeHistoryCursor(cursor: string): string {
  return Buffer.from(cursor, "base64url").toString("utf8");
}
