import type { CanvasResponse, RetroListItem, RetroPhase, RetroTheme } from "@practice-hub/shared";

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

/** The canvas purpose a linked prompt is read against, or null when nobody has written it. */
export function canvasPurposeOf(canvas: CanvasResponse): string | null {
  const content = canvas.sections.find((section) => section.id === "purpose")?.content.trim();
  return content ? content : null;
}

/**
 * Lays the facilitator's grouping over themes someone else saved meanwhile (a 412 on save), so
 * neither loses work. Where both changed the same thing, `mine` wins; what only they changed is
 * taken: themes they added (renamed if the id is taken) and entries they grouped that were
 * ungrouped before and still are here. Entries that no longer exist are dropped.
 */
export function rebaseThemes(props: {
  /** The facilitator's unsaved themes. */
  mine: RetroTheme[];
  /** The themes the facilitator started from. */
  base: RetroTheme[];
  /** The themes saved since. */
  theirs: RetroTheme[];
  /** The retro's entries now. */
  entryIds: string[];
}): { themes: RetroTheme[]; addedTitles: string[] } {
  const exists = new Set(props.entryIds);
  const themes = props.mine.map((theme) => ({
    ...theme,
    entryIds: theme.entryIds.filter((id) => exists.has(id)),
  }));
  const baseIds = new Set(props.base.map((theme) => theme.id));
  const groupedBefore = new Set(props.base.flatMap((theme) => theme.entryIds));
  const grouped = new Set(themes.flatMap((theme) => theme.entryIds));
  const addedTitles: string[] = [];
  // Their theme ids as they end up here: unchanged, or renamed when the id is taken.
  const idOf = new Map<string, string>();
  for (const theirs of props.theirs) {
    if (baseIds.has(theirs.id)) {
      if (themes.some((theme) => theme.id === theirs.id)) idOf.set(theirs.id, theirs.id);
      continue;
    }
    const taken = new Set(themes.map((theme) => theme.id));
    let id = theirs.id;
    for (let n = 2; taken.has(id); n++) id = `${theirs.id.slice(0, 36)}-${n}`;
    themes.push({ id, title: theirs.title, entryIds: [] });
    idOf.set(theirs.id, id);
    addedTitles.push(theirs.title);
  }
  for (const theirs of props.theirs) {
    const target = themes.find((theme) => theme.id === idOf.get(theirs.id));
    if (!target) continue;
    for (const entryId of theirs.entryIds) {
      if (!exists.has(entryId) || grouped.has(entryId) || groupedBefore.has(entryId)) continue;
      target.entryIds.push(entryId);
      grouped.add(entryId);
    }
  }
  return { themes, addedTitles };
}
