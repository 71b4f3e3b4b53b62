import type { HealthSignal } from "../health/signals";
import type { LibrarySection } from "../library/resources";
import { chooseEntryToResurface, type ResurfaceCandidate } from "../library/resurfacing";
import { wallClockOf } from "../rituals/zones";

/** Who gets a digest: heads of profession in their personal chat, members as a channel post. */
export type DigestAudience = "lead" | "members";

/** A join or leave recorded from Teams membership events or added by a champion. */
export interface DigestMembershipChange {
  displayName: string;
  change: "joined" | "left";
  at: string;
}

/** An upcoming ritual occurrence (from the ritual calendar). */
export interface DigestOccurrence {
  ritualName: string;
  startsAt: string;
  /** IANA zone of the ritual, shown beside the time. */
  timeZone: string;
  facilitators: string[];
}

/** An approved library resource that may be picked. */
export interface DigestPickCandidate {
  id: string;
  title: string;
  url: string;
  why: string;
  section: LibrarySection;
  approvedAt: string;
}

/** A handbook entry that may be resurfaced. */
export interface DigestHandbookCandidate extends ResurfaceCandidate {
  title: string;
  /** The first lines of the entry; the card links to the rest. */
  excerpt: string;
}

/** A retro action (from retros). */
export interface DigestRetroAction {
  text: string;
  owner: string;
  /** A calendar date (YYYY-MM-DD): the same day wherever the reader is. */
  dueDate: string | null;
  done: boolean;
}

/**
 * What the composer reads about one community. A source left undefined has not been built or
 * wired yet; its section is simply left out, exactly as an empty one is.
 */
export interface CommunityDigestInput {
  communityId: string;
  name: string;
  /** Opens this community in the tab. */
  tabUrl: string;
  membershipChanges: readonly DigestMembershipChange[];
  upcoming?: readonly DigestOccurrence[];
  picks: readonly DigestPickCandidate[];
  /** Ids of resources an earlier digest already sent to this recipient. */
  sentPickIds: readonly string[];
  handbook: readonly DigestHandbookCandidate[];
  retroActions?: readonly DigestRetroAction[];
  signals: readonly HealthSignal[];
}

/** Everything the composer needs: data in, digest out, no I/O. */
export interface DigestInput {
  recipient: { id: string; displayName: string };
  audience: DigestAudience;
  /** The ISO week the digest is for ("2026-W48"). */
  week: string;
  now: Date;
  /** The reader's IANA zone: an action is overdue once their own calendar has passed its date. */
  timeZone: string;
  communities: readonly CommunityDigestInput[];
}

/** One community's part of a digest; absent fields are sections left out. */
export interface CommunityDigest {
  communityId: string;
  name: string;
  tabUrl: string;
  joined?: string[];
  left?: string[];
  upcoming?: DigestOccurrence[];
  picks?: DigestPickCandidate[];
  resurfaced?: { id: string; title: string; excerpt: string };
  openActions?: DigestRetroAction[];
  overdueActions?: DigestRetroAction[];
  signals?: HealthSignal[];
}

/** The composed digest: what the card shows and what delivery must record as sent. */
export interface Digest {
  recipientId: string;
  audience: DigestAudience;
  week: string;
  communities: CommunityDigest[];
}

/** Composition rules (curation is restraint: a few good items beat a feed). */
export const digestRules = {
  lookBackDays: 7,
  lookAheadDays: 14,
  maxPicks: 3,
  maxUpcoming: 10,
  maxActions: 5,
} as const;

const dayMs = 86_400_000;

function within(iso: string, fromMs: number, toMs: number): boolean {
  const at = Date.parse(iso);
  return at >= fromMs && at < toMs;
}

function composeCommunity(
  input: CommunityDigestInput,
  audience: DigestAudience,
  now: Date,
  timeZone: string,
): CommunityDigest {
  const nowMs = now.getTime();
  const digest: CommunityDigest = {
    communityId: input.communityId,
    name: input.name,
    tabUrl: input.tabUrl,
  };
  const lastWeek = input.membershipChanges.filter((change) =>
    within(change.at, nowMs - digestRules.lookBackDays * dayMs, nowMs + 1),
  );
  const joined = lastWeek.filter((c) => c.change === "joined").map((c) => c.displayName);
  const left = lastWeek.filter((c) => c.change === "left").map((c) => c.displayName);
  if (joined.length) digest.joined = joined;
  // Who left is for the people who lead the community, not a channel announcement.
  if (left.length && audience === "lead") digest.left = left;

  const upcoming = (input.upcoming ?? [])
    .filter((o) => within(o.startsAt, nowMs, nowMs + digestRules.lookAheadDays * dayMs))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .slice(0, digestRules.maxUpcoming);
  if (upcoming.length) digest.upcoming = upcoming;

  const sent = new Set(input.sentPickIds);
  const picks = input.picks
    .filter((pick) => !sent.has(pick.id))
    .sort((a, b) => Date.parse(b.approvedAt) - Date.parse(a.approvedAt) || a.id.localeCompare(b.id))
    .slice(0, digestRules.maxPicks);
  if (picks.length) digest.picks = picks;

  const entry = chooseEntryToResurface(input.handbook, now);
  if (entry) digest.resurfaced = { id: entry.id, title: entry.title, excerpt: entry.excerpt };

  const open = (input.retroActions ?? []).filter((action) => !action.done);
  // Calendar dates compare as text; "today" is the reader's, so an action due today is not yet
  // overdue in Tokyo's morning nor still open in Honolulu's next day.
  const today = wallClockOf(now, timeZone).date;
  const isOverdue = (action: DigestRetroAction) =>
    action.dueDate !== null && action.dueDate < today;
  // Actions without a due date sort last.
  const byDue = (a: DigestRetroAction, b: DigestRetroAction) =>
    (a.dueDate ?? "9999-12-31").localeCompare(b.dueDate ?? "9999-12-31");
  const overdue = open.filter(isOverdue).sort(byDue).slice(0, digestRules.maxActions);
  const notYetDue = open
    .filter((action) => !isOverdue(action))
    .sort(byDue)
    .slice(0, digestRules.maxActions);
  if (overdue.length) digest.overdueActions = overdue;
  if (notYetDue.length) digest.openActions = notYetDue;

  // Warning signs help the people who lead; posted to a channel they would read as blame.
  if (audience === "lead" && input.signals.length) digest.signals = [...input.signals];
  return digest;
}

function hasContent(community: CommunityDigest): boolean {
  return Object.keys(community).some((key) => !["communityId", "name", "tabUrl"].includes(key));
}

/**
 * Composes one recipient's digest for one week: per community they lead, joiners and leavers of
 * the last 7 days, rituals of the next 14 days with their facilitators, at most three approved
 * picks not sent to them before, one resurfaced handbook entry, open and overdue retro actions,
 * and the health signals. Empty sections and communities with nothing to say are left out.
 */
export function composeDigest(input: DigestInput): Digest {
  return {
    recipientId: input.recipient.id,
    audience: input.audience,
    week: input.week,
    communities: input.communities
      .map((community) => composeCommunity(community, input.audience, input.now, input.timeZone))
      .filter(hasContent),
  };
}

/** Ids of the picks a digest sends: delivery records them so later digests do not repeat them. */
export function picksSentIn(digest: Digest): string[] {
  return digest.communities.flatMap((community) => community.picks?.map((pick) => pick.id) ?? []);
}
