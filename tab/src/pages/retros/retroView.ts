import type { RetroListItem, RetroPhase, RetroTheme } from "@practice-hub/shared";

/** Names of the phases as the page shows them. */
export const phaseNames: Record<RetroPhase, string> = {
  collect: "Collecting",
  group: "Grouping",
  vote: "Voting",
  decide: "Deciding",
  closed: "Closed",
};

/** The label of the button that moves a retro on from `phase`. */
export const moveLabels: Record<RetroPhase, string> = {
  collect: "Stop collecting and group",
  group: "Open the vote",
  vote: "Close the vote and decide",
  decide: "Close the retro",
  closed: "",
};

/** Moves an entry into a theme (or out of every theme when `themeId` is null). */
export function assignEntry(
  themes: RetroTheme[],
  entryId: string,
  themeId: string | null,
): RetroTheme[] {
  return themes.map((theme) => {
    const without = theme.entryIds.filter((id) => id !== entryId);
    return { ...theme, entryIds: theme.id === themeId ? [...without, entryId] : without };
  });
}

/** Adds a theme with a new id that no other theme has. */
export function addTheme(themes: RetroTheme[], title: string): RetroTheme[] {
  const taken = new Set(themes.map((theme) => theme.id));
  let index = themes.length + 1;
  while (taken.has(`t${index}`)) index++;
  return [...themes, { id: `t${index}`, title: title.trim(), entryIds: [] }];
}

/** The theme an entry is in, or null. */
export function themeOf(themes: RetroTheme[], entryId: string): string | null {
  return themes.find((theme) => theme.entryIds.includes(entryId))?.id ?? null;
}

/** Points of the pulse chart: closed or running pulse retros with a score, oldest first. */
export function pulsePoints(
  retros: RetroListItem[],
): { id: string; date: string; average: number; count: number }[] {
  return retros
    .filter((retro) => retro.formatId === "pulse" && retro.pulse !== null)
    .map((retro) => ({
      id: retro.id,
      date: retro.startedAt.slice(0, 10),
      average: retro.pulse?.average ?? 0,
      count: retro.pulse?.count ?? 0,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
