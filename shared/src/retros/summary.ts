import type { BallotItem } from "./votes";

/** The average pulse score of the entries that carry one, or null when none does. */
export function pulseOf(
  scores: readonly (number | null)[],
): { average: number; count: number } | null {
  const given = scores.filter((score): score is number => score !== null);
  if (given.length === 0) return null;
  const average = given.reduce((sum, score) => sum + score, 0) / given.length;
  return { average: Math.round(average * 10) / 10, count: given.length };
}

/** The themes a summary shows: the most voted items that received at least one vote. */
export function topThemes(
  ballot: readonly BallotItem[],
  count = 5,
): { title: string; votes: number }[] {
  return ballot
    .filter((item) => item.votes > 0)
    .slice(0, count)
    .map((item) => ({ title: item.title, votes: item.votes }));
}
