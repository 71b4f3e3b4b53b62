import { daysBetween } from "../time";

/** What resurfacing needs to know about a handbook entry. */
export interface ResurfaceCandidate {
  id: string;
  /** When the entry was first written: only older entries are worth putting in front of people again. */
  createdAt: string;
  /** Last time a digest resurfaced it, or null when it never was. */
  lastResurfacedAt: string | null;
  /** An archived (no longer current) entry is never resurfaced. */
  archived: boolean;
}

/** Rules of resurfacing, in days. */
export const resurfacingRules = {
  /** An entry younger than this is still fresh in people's minds. */
  minAgeDays: 30,
  /** An entry resurfaced this recently is left alone. */
  quietDays: 90,
} as const;

/**
 * Picks the one handbook entry to put in front of people again (DOMAIN.md: shared documents are
 * not shared understanding). Only current entries older than a month that were not resurfaced in
 * the last quarter qualify; among them the one resurfaced longest ago (never first), then the
 * oldest, so every entry gets its turn. Ties break by id so the choice is stable.
 */
export function chooseEntryToResurface<T extends ResurfaceCandidate>(
  entries: readonly T[],
  now: Date,
): T | undefined {
  const eligible = entries.filter(
    (entry) =>
      !entry.archived &&
      daysBetween(entry.createdAt, now) >= resurfacingRules.minAgeDays &&
      (entry.lastResurfacedAt === null ||
        daysBetween(entry.lastResurfacedAt, now) >= resurfacingRules.quietDays),
  );
  const lastShown = (entry: T) =>
    entry.lastResurfacedAt === null ? -Infinity : Date.parse(entry.lastResurfacedAt);
  return [...eligible].sort(
    (a, b) =>
      lastShown(a) - lastShown(b) ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
      a.id.localeCompare(b.id),
  )[0];
}
