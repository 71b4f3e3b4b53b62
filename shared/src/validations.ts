import type { z } from "zod";
import {
  dateWindowAround,
  dateWindowYears,
  isInDateWindow,
  type Clock,
  type DateWindow,
} from "./time";

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

/** A date a request carries, where it sits in the request, as `datesInWindow` checks it. */
export interface RequestDate {
  path: (string | number)[];
  /** YYYY-MM-DD or an ISO instant; null or undefined when the request leaves it out. */
  value: string | null | undefined;
}

/** What a person is told about a date outside the window: the window itself, and why. */
export function outsideDateWindowMessage(window: DateWindow): string {
  return `Use a date from ${window.earliest} to ${window.latest}: dates more than ${dateWindowYears} years before or after today are not accepted.`;
}

/**
 * A zod refinement that every date `datesOf` picks from a parsed request lies in the window
 * around the clock's now. The clock is read at validation time, so a service that runs for
 * months, and a test with a fixed clock, each check against their own today.
 */
export function datesInWindow<T>(clock: Clock, datesOf: (request: T) => RequestDate[]) {
  return (request: T, ctx: z.RefinementCtx<T>): void => {
    const window = dateWindowAround(clock());
    for (const { path, value } of datesOf(request)) {
      if (value === null || value === undefined || isInDateWindow(value, window)) continue;
      ctx.addIssue({ code: "custom", path, message: outsideDateWindowMessage(window) });
    }
  };
}
