import { canvasReviewStatus } from "./review";

describe("canvasReviewStatus", () => {
  const now = new Date("2026-06-30T09:00:00Z");

  it("asks for a review when the canvas was never reviewed", () => {
    expect(canvasReviewStatus(null, now)).toEqual({ daysSinceReview: null, reviewDue: true });
  });

  it("is not due on the ninetieth day after a review", () => {
    expect(canvasReviewStatus("2026-04-01T09:00:00Z", now)).toEqual({
      daysSinceReview: 90,
      reviewDue: false,
    });
  });

  it("is due once more than ninety days have passed", () => {
    expect(canvasReviewStatus("2026-03-31T09:00:00Z", now)).toEqual({
      daysSinceReview: 91,
      reviewDue: true,
    });
  });
});
