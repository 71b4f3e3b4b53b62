import { z } from "zod";

/** Library limits, shared by the tab's forms and the service's schemas. */
export const libraryLimits = {
  title: 200,
  url: 2_000,
  why: 1_000,
  tag: 40,
  tags: 8,
  rejectionReason: 500,
  handbookTitle: 200,
  /** Handbook entries are longer texts, still well under Table Storage's 32K characters. */
  handbookBody: 20_000,
  search: 100,
} as const;

/** The five library sections (DOMAIN.md "Curation and knowledge"). */
export const librarySections = [
  "frameworks",
  "reading",
  "recordings",
  "caseStudies",
  "tools",
] as const;
export const librarySectionSchema = z.enum(librarySections, {
  error: `Choose a section: ${librarySections.join(", ")}.`,
});
export type LibrarySection = z.infer<typeof librarySectionSchema>;

/** How each section is named in the tab and on cards. */
export const librarySectionTitles: Record<LibrarySection, string> = {
  frameworks: "Frameworks and templates",
  reading: "Recommended reading",
  recordings: "Session recordings and notes",
  caseStudies: "Case studies",
  tools: "Tools and resources",
};

/**
 * A resource's life: any member suggests, a curator approves or rejects (with a reason), and an
 * approved resource that no longer earns its place is archived rather than deleted.
 */
export const resourceStatuses = ["suggested", "approved", "rejected", "archived"] as const;
export const resourceStatusSchema = z.enum(resourceStatuses);
export type ResourceStatus = z.infer<typeof resourceStatusSchema>;

/** Only http(s) links go in the library: other schemes can run code or open local files. */
export const resourceUrlSchema = z
  .string()
  .trim()
  .max(libraryLimits.url, `Keep the link within ${libraryLimits.url} characters.`)
  .refine((value) => {
    try {
      const parsed = new URL(value);
      return parsed.protocol === "https:" || parsed.protocol === "http:";
    } catch {
      return false;
    }
  }, "Use a full web address starting with https:// or http://.");

/** One tag: short, lower-case words so filters match however people typed them. */
export const resourceTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "A tag can't be empty.")
  .max(libraryLimits.tag, `Keep each tag within ${libraryLimits.tag} characters.`)
  // Tags are stored comma-joined in one Table Storage property: a comma would split one into two.
  .refine((tag) => !tag.includes(","), "A tag cannot contain a comma: give each tag separately.");

/** What a member fills in to suggest a resource. */
export const resourceSuggestionSchema = z.object({
  section: librarySectionSchema,
  title: z
    .string()
    .trim()
    .min(1, "Give the resource a title.")
    .max(libraryLimits.title, `Keep the title within ${libraryLimits.title} characters.`),
  url: resourceUrlSchema,
  why: z
    .string()
    .trim()
    .min(1, "Say in a sentence why it is worth reading.")
    .max(libraryLimits.why, `Keep the reason within ${libraryLimits.why} characters.`),
  tags: z
    .array(resourceTagSchema)
    .max(libraryLimits.tags, `Use at most ${libraryLimits.tags} tags.`)
    .default([]),
});
export type ResourceSuggestion = z.infer<typeof resourceSuggestionSchema>;
