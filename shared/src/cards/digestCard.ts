import type { CommunityDigest, Digest, DigestRetroAction } from "../digest/composer";
import { librarySectionTitles } from "../library/resources";
import { calendarDateLabel } from "../time";
import { escapeCardText } from "./escapeCardText";
import { maxCardBytes, type AdaptiveCard, type CardElement, type Container } from "./types";
import { adaptiveCard, cardTitle } from "./parts";

/** What the digest card shows: a composed digest, and where its button leads. */
export interface DigestCardProps {
  digest: Digest;
  /** Opens Practice Hub: a Teams deep link, or the web address outside Teams. */
  homeUrl: string;
  /** The recipient's zone, for the times of upcoming rituals. */
  timeZone: string;
}

/**
 * A link in card Markdown. The URL was validated as http(s) when stored; the characters that
 * would end a Markdown link early are percent-encoded so it stays one link.
 */
function markdownLink(label: string, url: string): string {
  const safeUrl = url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeCardText(label)}](${safeUrl})`;
}

function when(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** A due date is a calendar date: the same day for every reader, whatever their zone. */
function dueText(action: DigestRetroAction): string {
  return action.dueDate === null ? "no due date" : `due ${calendarDateLabel(action.dueDate)}`;
}

function heading(text: string): CardElement {
  return { type: "TextBlock", text, weight: "bolder", spacing: "medium", wrap: true };
}

/** Names listed in one "Joined" or "Left" line; the rest are counted, and the tab lists them all. */
const maxNamesListed = 10;

function people(names: readonly string[]): string {
  const listed = names.slice(0, maxNamesListed).map(escapeCardText).join(", ");
  const more = names.length - maxNamesListed;
  return more > 0 ? `${listed} and ${more} more` : listed;
}

/**
 * Bytes of a value as UTF-8 JSON, as Teams counts a card. Written out rather than using Buffer or
 * TextEncoder so the same code runs in the tab and in Node without either's typings.
 */
function jsonBytes(value: unknown): number {
  let bytes = 0;
  for (const char of JSON.stringify(value)) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function moreCommunities(count: number, homeUrl: string): CardElement {
  return {
    type: "TextBlock",
    wrap: true,
    spacing: "large",
    text: markdownLink(
      `${count} more ${count === 1 ? "community" : "communities"}: open Practice Hub`,
      homeUrl,
    ),
  };
}

function communitySection(
  community: CommunityDigest,
  timeZone: string,
  audience: Digest["audience"],
): Container {
  const items: CardElement[] = [
    {
      type: "TextBlock",
      text: escapeCardText(community.name),
      size: "medium",
      weight: "bolder",
      style: "heading",
      wrap: true,
    },
  ];
  if (community.joined || community.left) {
    items.push(heading("People"));
    const facts = [];
    if (community.joined) facts.push({ title: "Joined", value: people(community.joined) });
    if (community.left) facts.push({ title: "Left", value: people(community.left) });
    items.push({ type: "FactSet", facts });
  }
  if (community.upcoming) {
    items.push(heading("Coming up in the next two weeks"));
    items.push({
      type: "FactSet",
      facts: community.upcoming.map((occurrence) => ({
        // A channel has readers in many zones: each session shows in its own zone, named.
        title:
          audience === "members"
            ? `${when(occurrence.startsAt, occurrence.timeZone)} (${occurrence.timeZone})`
            : when(occurrence.startsAt, timeZone),
        value:
          `${escapeCardText(occurrence.ritualName)}: ` +
          (occurrence.facilitators.length
            ? `run by ${people(occurrence.facilitators)}`
            : "nobody is facilitating yet"),
      })),
    });
  }
  if (community.picks) {
    items.push(heading("Curated picks"));
    for (const pick of community.picks) {
      items.push({
        type: "TextBlock",
        wrap: true,
        text:
          `${markdownLink(pick.title, pick.url)} (${librarySectionTitles[pick.section]}): ` +
          escapeCardText(pick.why),
      });
    }
  }
  if (community.resurfaced) {
    items.push(heading(`From the handbook: ${escapeCardText(community.resurfaced.title)}`));
    items.push({
      type: "TextBlock",
      wrap: true,
      text: escapeCardText(community.resurfaced.excerpt),
    });
  }
  const actionFacts = (actions: readonly DigestRetroAction[]) =>
    actions.map((action) => ({
      title: `${escapeCardText(action.owner)}, ${dueText(action)}`,
      value: escapeCardText(action.text),
    }));
  if (community.overdueActions) {
    items.push(heading("Overdue retro actions"));
    items.push({ type: "FactSet", facts: actionFacts(community.overdueActions) });
  }
  if (community.openActions) {
    items.push(heading("Open retro actions"));
    items.push({ type: "FactSet", facts: actionFacts(community.openActions) });
  }
  if (community.signals) {
    items.push(heading("Worth a look"));
    for (const signal of community.signals) {
      // Signal summaries contain names people typed, so they are escaped like any other text.
      items.push({ type: "TextBlock", wrap: true, text: `- ${escapeCardText(signal.summary)}` });
    }
  }
  items.push({
    type: "TextBlock",
    wrap: true,
    spacing: "medium",
    text: markdownLink(`Open ${community.name} in Practice Hub`, community.tabUrl),
  });
  return { type: "Container", spacing: "large", items };
}

/**
 * The weekly digest card: per community, only the sections that have something to say. The tab's
 * preview and the bot's send both call this, so the preview is the card that is sent.
 *
 * Teams refuses messages over about 100 KB, so the card is measured while it is built: once the
 * next community would take it past `maxCardBytes`, the remaining communities are counted in one
 * line that opens Practice Hub instead (a head of profession may lead dozens).
 */
export function digestCard({ digest, homeUrl, timeZone }: DigestCardProps): AdaptiveCard {
  const title =
    digest.audience === "lead" ? "Your weekly community digest" : "This week in our community";
  const body: CardElement[] = [
    cardTitle(title),
    {
      type: "TextBlock",
      text: `Week ${digest.week.replace(/^\d{4}-W/, "")}`,
      isSubtle: true,
      spacing: "none",
    },
  ];
  if (digest.communities.length === 0) {
    body.push({
      type: "TextBlock",
      wrap: true,
      text: "Nothing needs your attention this week: no new people, sessions, picks or warning signs.",
    });
  }
  const card: AdaptiveCard = adaptiveCard({
    msteams: { width: "Full" },
    body,
    actions: [{ type: "Action.OpenUrl", title: "Open Practice Hub", url: homeUrl }],
  });
  // Room kept for the "N more communities" line, sized for the largest count it could show.
  const reserve = jsonBytes(moreCommunities(digest.communities.length, homeUrl)) + 1;
  let used = jsonBytes(card);
  for (const [index, community] of digest.communities.entries()) {
    const section = communitySection(community, timeZone, digest.audience);
    // Each element after the first adds a comma to the body array.
    const size = jsonBytes(section) + 1;
    if (used + size + reserve > maxCardBytes) {
      body.push(moreCommunities(digest.communities.length - index, homeUrl));
      break;
    }
    body.push(section);
    used += size;
  }
  return card;
}
