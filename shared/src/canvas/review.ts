import { limits } from "../validations";
import { daysBetween } from "../time";

/** What the tab says about the last canvas review. */
export interface CanvasReviewStatus {
  /** Days since the last review, or null when the canvas was never reviewed. */
  daysSinceReview: number | null;
  /** True when the canvas is due a review (never reviewed, or older than the review period). */
  reviewDue: boolean;
}

/** How stale the canvas is: DOMAIN.md asks for a review every quarter. */
export function canvasReviewStatus(reviewedAt: string | null, now: Date): CanvasReviewStatus {
  if (reviewedAt === null) return { daysSinceReview: null, reviewDue: true };
  const days = daysBetween(reviewedAt, now);
  return { daysSinceReview: days, reviewDue: days > limits.canvasReviewDays };
}
