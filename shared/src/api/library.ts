import { z } from "zod";
import {
  libraryLimits,
  librarySectionSchema,
  resourceStatusSchema,
  resourceTagSchema,
} from "../library/resources";
import { personRefSchema } from "./identity";
import { nextCursorSchema, pageQuerySchema, pageSizes } from "./paging";

export { resourceSuggestionSchema as suggestResourceRequestSchema } from "../library/resources";
export type { ResourceSuggestion as SuggestResourceRequest } from "../library/resources";

/** What a caller may do in a community's library; the tab hides the rest, the service enforces it. */
export const libraryActions = ["read", "suggest", "curate"] as const;
export const libraryActionSchema = z.enum(libraryActions);
export type LibraryAction = z.infer<typeof libraryActionSchema>;

/** One library resource. `etag` goes back in If-Match on a curator's decision. */
export const libraryResourceSchema = z.object({
  id: z.string(),
  section: librarySectionSchema,
  title: z.string(),
  url: z.string(),
  why: z.string(),
  tags: z.array(z.string()),
  status: resourceStatusSchema,
  suggestedBy: personRefSchema,
  suggestedAt: z.string(),
  decidedBy: personRefSchema.nullable(),
  decidedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  etag: z.string(),
});
export type LibraryResource = z.infer<typeof libraryResourceSchema>;

/** A handbook entry: a longer text, versioned like a canvas section. */
export const handbookEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  version: z.number().int().positive(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: personRefSchema,
  lastResurfacedAt: z.string().nullable(),
  etag: z.string(),
});
export type HandbookEntry = z.infer<typeof handbookEntrySchema>;

/** Query of GET .../library: a page of the library (`?cursor=&limit=`). */
export const libraryQuerySchema = pageQuerySchema(pageSizes.library);

/**
 * GET /api/communities/{communityId}/library: a page of what the caller may see, handbook entries
 * first, then resources; `nextCursor` asks for the next page. The tab searches and filters what
 * it has loaded.
 */
export const libraryResponseSchema = z.object({
  communityId: z.string(),
  resources: z.array(libraryResourceSchema),
  handbook: z.array(handbookEntrySchema),
  nextCursor: nextCursorSchema,
  allowedActions: z.array(libraryActionSchema),
});
export type LibraryResponse = z.infer<typeof libraryResponseSchema>;

/**
 * POST .../library/resources answers either the new suggestion (201) or, when the URL is already
 * in the library, the resource that has it (200), so nobody adds the same page twice.
 */
export const suggestResourceResponseSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("suggested"), resource: libraryResourceSchema }),
  z.object({ outcome: z.literal("duplicate"), existing: libraryResourceSchema }),
]);
export type SuggestResourceResponse = z.infer<typeof suggestResourceResponseSchema>;

/** POST .../library/resources/{resourceId}/decision with If-Match; answers the LibraryResource. */
export const resourceDecisionRequestSchema = z
  .object({
    decision: z.enum(["approve", "reject", "archive"], {
      error: "Choose to approve, reject or archive the suggestion.",
    }),
    reason: z
      .string()
      .trim()
      .max(
        libraryLimits.rejectionReason,
        `Keep the reason within ${libraryLimits.rejectionReason} characters.`,
      )
      .optional(),
  })
  .refine((body) => body.decision !== "reject" || (body.reason ?? "").length > 0, {
    message: "Say why the suggestion is rejected, so the person who made it learns what fits.",
    path: ["reason"],
  });
export type ResourceDecisionRequest = z.infer<typeof resourceDecisionRequestSchema>;

/** `data` of the 412 answered to a stale decision: the resource as it is now. */
export const staleResourceDataSchema = z.object({ current: libraryResourceSchema });
export type StaleResourceData = z.infer<typeof staleResourceDataSchema>;

/** POST .../library/handbook (create) and PUT .../library/handbook/{entryId} with If-Match. */
export const saveHandbookEntryRequestSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Give the entry a title.")
    .max(
      libraryLimits.handbookTitle,
      `Keep the title within ${libraryLimits.handbookTitle} characters.`,
    ),
  body: z
    .string()
    .max(
      libraryLimits.handbookBody,
      `Keep the text within ${libraryLimits.handbookBody} characters.`,
    ),
  archived: z.boolean().default(false),
});
export type SaveHandbookEntryRequest = z.input<typeof saveHandbookEntryRequestSchema>;

/** `data` of the 412 answered to a stale handbook save: the entry as it is now. */
export const staleHandbookEntryDataSchema = z.object({ current: handbookEntrySchema });
export type StaleHandbookEntryData = z.infer<typeof staleHandbookEntryDataSchema>;

/** The tab's filters over a library response. */
export const libraryFilterSchema = z.object({
  text: z.string().max(libraryLimits.search).default(""),
  section: librarySectionSchema.optional(),
  status: resourceStatusSchema.optional(),
  tag: resourceTagSchema.optional(),
});
export type LibraryFilter = z.input<typeof libraryFilterSchema>;
