import {
  isActionOverdue,
  pulseOf,
  retroBallot,
  type Retro,
  type RetroAction,
  type RetroCapability,
  type RetroEntry,
  type RetroListItem,
} from "@practice-hub/shared";
import type {
  RetroActionEntity,
  RetroAggregate,
  RetroEntryEntity,
  RetroHeaderEntity,
} from "../store";

/** An action as the tab and cards see it, with its overdue flag worked out for `now`. */
export function presentRetroAction(action: RetroActionEntity, now: Date): RetroAction {
  return {
    id: action.actionId,
    retroId: action.retroId,
    text: action.text,
    kind: action.kind,
    owner: action.owner,
    dueDate: action.dueDate,
    escalate: action.escalate,
    status: action.status,
    overdue: isActionOverdue(action, now),
    createdAt: action.createdAt,
    updatedAt: action.updatedAt,
  };
}

function presentEntry(entry: RetroEntryEntity, showHidden: boolean): RetroEntry {
  return {
    id: entry.entryId,
    promptId: entry.promptId,
    text: entry.text,
    score: entry.score,
    author: entry.author,
    hidden: showHidden ? entry.hidden : null,
  };
}

/** Who is looking: null for a card, which everyone in the channel sees alike. */
export interface RetroAudience {
  userId: string | null;
  capabilities: RetroCapability[];
}

/** The audience of a card posted in a channel: no one in particular, no special rights. */
export const channelAudience: RetroAudience = { userId: null, capabilities: [] };

/** The votes the tallies count, one item per vote, for the shared ballot. */
export function votesOfTallies(tallies: RetroAggregate["tallies"]): { target: string }[] {
  return tallies.flatMap((shard) =>
    Object.entries(shard.counts).flatMap(([target, count]) =>
      Array.from({ length: count }, () => ({ target })),
    ),
  );
}

/**
 * A retro as one audience sees it. Hidden entries are left out except for those who run or
 * moderate retros; while collecting no entry text leaves the service, only counts per prompt;
 * tallies stay hidden while the vote is open.
 */
export function presentRetro(props: {
  communityId: string;
  aggregate: RetroAggregate;
  audience: RetroAudience;
  now: Date;
}): Retro {
  const { aggregate, audience, now } = props;
  const { retro } = aggregate;
  const seesHidden =
    audience.capabilities.includes("moderate") || audience.capabilities.includes("facilitate");
  const visible = aggregate.entries.filter((entry) => entry.hidden === null);
  const counts: Record<string, number> = {};
  for (const prompt of retro.format.prompts) counts[prompt.id] = 0;
  for (const entry of visible) counts[entry.promptId] = (counts[entry.promptId] ?? 0) + 1;
  const collecting = retro.phase === "collect";
  const tallyHidden =
    retro.phase === "collect" || retro.phase === "group" || retro.phase === "vote";
  const ballot = collecting
    ? []
    : retroBallot({
        entries: aggregate.entries.map((e) => ({
          id: e.entryId,
          text: e.text,
          hidden: e.hidden !== null,
        })),
        themes: retro.themes,
        // The ballot sorts by votes: while they are hidden it must not see them, or the order
        // (and which items the card's short list keeps) would give the tally away.
        votes: tallyHidden ? [] : votesOfTallies(aggregate.tallies),
      });
  const actions = aggregate.communityActions
    .filter((action) => action.retroId === retro.retroId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const reviewActions = aggregate.communityActions
    .filter(
      (action) =>
        action.retroId !== retro.retroId &&
        action.status !== "done" &&
        action.createdAt < retro.startedAt,
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return {
    id: retro.retroId,
    communityId: props.communityId,
    title: retro.title,
    format: retro.format,
    phase: retro.phase,
    votesPerPerson: retro.votesPerPerson,
    startedAt: retro.startedAt,
    startedBy: retro.startedBy,
    closedAt: retro.closedAt,
    counts,
    entries: collecting
      ? []
      : (seesHidden ? aggregate.entries : visible).map((entry) => presentEntry(entry, seesHidden)),
    themes: retro.themes,
    voteItems: ballot.map((item) => ({ ...item, votes: tallyHidden ? null : item.votes })),
    votesCast: aggregate.tallies.reduce(
      (sum, shard) => sum + Object.values(shard.counts).reduce((a, b) => a + b, 0),
      0,
    ),
    myVotes: aggregate.mine.userId === audience.userId ? aggregate.mine.targets : [],
    actions: actions.map((action) => presentRetroAction(action, now)),
    reviewActions: reviewActions.map((action) => presentRetroAction(action, now)),
    pulse: retro.format.scored ? pulseOf(visible.map((entry) => entry.score)) : null,
    etag: retro.etag,
    allowedActions: audience.capabilities,
  };
}

/** One line of the retro history. */
export function presentRetroListItem(retro: RetroHeaderEntity): RetroListItem {
  return {
    id: retro.retroId,
    title: retro.title,
    formatId: retro.format.id,
    phase: retro.phase,
    startedAt: retro.startedAt,
    closedAt: retro.closedAt,
    topThemes: retro.summary?.topThemes ?? [],
    pulse: retro.summary?.pulse ?? null,
  };
}
