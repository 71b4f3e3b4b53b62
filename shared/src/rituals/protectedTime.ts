/** Protected time members get for community work each month (DOMAIN.md: 2-4 hours). */
export const defaultProtectedHours = { min: 2, max: 4 } as const;

/** A member's use of protected time in one month. */
export interface ProtectedTimeUse {
  usedMinutes: number;
  budgetMinutes: { min: number; max: number };
  /** "under" before the lower bound, "within" inside the budget, "over" past the upper bound. */
  state: "under" | "within" | "over";
}

/**
 * Adds up the sessions a member attended or said they are going to in a month, against the
 * budget. Over budget is worth showing too: protected time is a promise in both directions.
 */
export function protectedTimeUse(
  sessionMinutes: readonly number[],
  budgetHours: { min: number; max: number } = defaultProtectedHours,
): ProtectedTimeUse {
  const usedMinutes = sessionMinutes.reduce((sum, m) => sum + m, 0);
  const budgetMinutes = { min: budgetHours.min * 60, max: budgetHours.max * 60 };
  const state =
    usedMinutes < budgetMinutes.min ? "under" : usedMinutes > budgetMinutes.max ? "over" : "within";
  return { usedMinutes, budgetMinutes, state };
}
