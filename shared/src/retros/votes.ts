/** What the vote logic needs of an entry. */
export interface VotableEntry {
  id: string;
  text: string;
  hidden: boolean;
}

/** What the vote logic needs of a theme. */
export interface VotableTheme {
  id: string;
  title: string;
  entryIds: string[];
}

/** An item on the ballot, with its tally. */
export interface BallotItem {
  target: string;
  title: string;
  entryCount: number;
  votes: number;
}

/** The vote target of a theme or an entry. */
export const themeTarget = (themeId: string) => `theme:${themeId}`;
export const entryTarget = (entryId: string) => `entry:${entryId}`;

/**
 * The ballot: every theme with at least one visible entry, then every visible entry that no
 * theme gathered, each with its votes. Sorted by votes (then by size) so a summary can take the
 * top of the list; the order is stable for equal items. Pass no votes while the tally is hidden:
 * the order is then by size, then themes and entries as they were added.
 */
export function retroBallot(props: {
  entries: readonly VotableEntry[];
  themes: readonly VotableTheme[];
  votes: readonly { target: string }[];
}): BallotItem[] {
  const visible = new Map(props.entries.filter((e) => !e.hidden).map((e) => [e.id, e]));
  const tally = new Map<string, number>();
  for (const vote of props.votes) tally.set(vote.target, (tally.get(vote.target) ?? 0) + 1);
  const grouped = new Set<string>();
  const items: BallotItem[] = [];
  for (const theme of props.themes) {
    const members = theme.entryIds.filter((id) => visible.has(id));
    members.forEach((id) => grouped.add(id));
    if (members.length === 0) continue;
    const target = themeTarget(theme.id);
    items.push({
      target,
      title: theme.title,
      entryCount: members.length,
      votes: tally.get(target) ?? 0,
    });
  }
  for (const entry of visible.values()) {
    if (grouped.has(entry.id)) continue;
    const target = entryTarget(entry.id);
    items.push({ target, title: entry.text, entryCount: 1, votes: tally.get(target) ?? 0 });
  }
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        b.item.votes - a.item.votes || b.item.entryCount - a.item.entryCount || a.index - b.index,
    )
    .map(({ item }) => item);
}

/** Votes a person has left: never negative, whatever storage holds. */
export function votesLeft(votesPerPerson: number, cast: number): number {
  return Math.max(0, votesPerPerson - cast);
}

/**
 * The slots (0-based) a person has not used yet, lowest first; empty when every vote is used.
 * Storing each vote in its own slot row makes the limit exact under concurrency: two parallel
 * votes for the same slot cannot both be inserted.
 */
export function freeVoteSlots(votesPerPerson: number, usedSlots: readonly number[]): number[] {
  const used = new Set(usedSlots);
  return Array.from({ length: votesPerPerson }, (_, slot) => slot).filter(
    (slot) => !used.has(slot),
  );
}
