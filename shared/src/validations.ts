/**
 * Limits shared by the tab's forms (maxLength) and the service's zod schemas, so a user is told
 * about a limit before they hit it. Table Storage caps a string property at 32K UTF-16 characters;
 * every text limit here stays well under that.
 */
export const limits = {
  /** Markdown of one canvas section. */
  canvasSectionContent: 20_000,
  /** Versions returned by one page of canvas history. */
  historyPageSize: 20,
  historyPageSizeMax: 50,
  /** A community's display name. */
  communityName: 120,
  /** Request bodies larger than this are refused with 413 before parsing. */
  requestBodyBytes: 256 * 1024,
  /** Days after which the canvas should be reviewed again (DOMAIN.md: revisit every quarter). */
  canvasReviewDays: 90,
} as const;
