import {
  communityHealthSignals,
  composeDigest,
  digestCard,
  isoWeekOf,
  picksSentIn,
  toIso,
  type AdaptiveCard,
  type CommunityDigestInput,
  type Digest,
  type DigestAudience,
} from "@practice-hub/shared";
import type { Config } from "../config";
import { championedCommunityIds, isHeadOfProfession } from "../policies/roles";
import type { Store } from "../store";
import { tabLink } from "../teams/tabLink";
import { digestCalendarLoader } from "./digestCalendarLoader";

/** A composed digest, its card, and what delivery must remember once it is sent. */
export interface ComposedDigest {
  digest: Digest;
  card: AdaptiveCard;
  week: string;
  /** Resources the card shows, recorded (with `week`) so later weeks do not repeat them. */
  pickIds: string[];
  /** Handbook entries the card resurfaces, with the ETag read. */
  resurfaced: { communityId: string; entryId: string; etag: string }[];
  /** What was read per community, including its health signals (the Health page shows them). */
  inputs: CommunityDigestInput[];
}

/** Joins and leaves are counted over the last week. */
const lookBackMs = 7 * 86_400_000;

/**
 * Gathers what the digest needs for each community and composes the card. The communities are
 * the recipient's: every community of the tenant for a head of profession (they look across
 * professions), the communities they champion otherwise, or exactly `communityId` for the
 * members' version posted to its channel.
 *
 * Upcoming sessions, held sessions and ritual rhythms come from the ritual calendar, open actions
 * from the retros; protected time is judged from the attendance recorded on those sessions.
 *
 * The digest is for one ISO week: the week of `slot` (the scheduled instant) when given, else of
 * `now`. Picks recorded in earlier weeks are left out, picks of this week are offered again, so a
 * digest composed twice in a week is the same card. `stateKey` names whose pick history is read:
 * the recipient by default, `channelDigestStateKey(communityId)` for a channel.
 */
export async function digestComposer(props: {
  store: Store;
  config: Pick<Config, "TEAMS_APP_ID" | "PUBLIC_BASE_URL">;
  tenantId: string;
  recipient: { id: string; displayName: string };
  audience: DigestAudience;
  communityId?: string;
  timeZone: string;
  now: Date;
  /** The scheduled slot the digest is sent for; its ISO week keys the digest. */
  slot?: Date;
  /** Whose pick history is read; the recipient's by default. */
  stateKey?: string;
}): Promise<ComposedDigest> {
  const { store, tenantId, now } = props;
  const [roles, communities, state] = await Promise.all([
    store.memberships.rolesOf({ tenantId, userId: props.recipient.id }),
    store.communities.listForTenant({ tenantId }),
    store.digests.stateOf({ tenantId, userId: props.stateKey ?? props.recipient.id }),
  ]);
  const week = isoWeekOf(props.slot ?? now, props.timeZone);
  // ISO week keys sort as text ("2026-W09" < "2026-W48"); legacy picks without a week sort first.
  const sentBefore = state.sentPicks.filter((pick) => pick.week < week).map((pick) => pick.id);
  const isHead = isHeadOfProfession(roles.tenantRoles);
  const championOf = championedCommunityIds(roles);
  const chosen = communities
    .filter((community) =>
      props.communityId !== undefined
        ? community.communityId === props.communityId
        : isHead || championOf.has(community.communityId),
    )
    .sort((a, b) => a.name.localeCompare(b.name));

  const home = tabLink(props.config);
  const since = toIso(new Date(now.getTime() - lookBackMs));
  const handbookEtags = new Map<string, string>();
  const inputs: CommunityDigestInput[] = await Promise.all(
    chosen.map(async (community) => {
      const [library, events, members, canvas, calendar] = await Promise.all([
        store.library.list({ tenantId, communityId: community.communityId }),
        store.membershipEvents.listSince({
          tenantId,
          communityId: community.communityId,
          sinceIso: since,
        }),
        store.memberships.listCommunityMembers({ tenantId, communityId: community.communityId }),
        store.canvas.readCanvas({ tenantId, communityId: community.communityId }),
        digestCalendarLoader({
          store,
          tenantId,
          communityId: community.communityId,
          recipientId: props.recipient.id,
          now,
        }),
      ]);
      for (const entry of library.handbook) {
        handbookEtags.set(`${community.communityId}|${entry.id}`, entry.etag);
      }
      const input: CommunityDigestInput = {
        communityId: community.communityId,
        name: community.name,
        tabUrl: props.config.TEAMS_APP_ID
          ? home
          : `${props.config.PUBLIC_BASE_URL}/?community=${encodeURIComponent(community.communityId)}`,
        membershipChanges: events.map((event) => ({
          displayName: event.person.displayName,
          change: event.change,
          at: event.at,
        })),
        picks: library.resources
          .filter((resource) => resource.status === "approved")
          .map((resource) => ({
            id: resource.id,
            title: resource.title,
            url: resource.url,
            why: resource.why,
            section: resource.section,
            approvedAt: resource.decidedAt ?? resource.suggestedAt,
          })),
        upcoming: calendar.upcoming,
        retroActions: calendar.retroActions,
        sentPickIds: sentBefore,
        handbook: library.handbook.map((entry) => ({
          id: entry.id,
          title: entry.title,
          excerpt: entry.body.length > 400 ? `${entry.body.slice(0, 400)}...` : entry.body,
          createdAt: entry.createdAt,
          // An entry resurfaced this week is this week's entry: offered as if never shown, it is
          // chosen again (it was the first choice then), so composing twice gives the same card.
          lastResurfacedAt:
            entry.lastResurfacedAt !== null &&
            isoWeekOf(new Date(entry.lastResurfacedAt), props.timeZone) === week
              ? null
              : entry.lastResurfacedAt,
          archived: entry.archived,
        })),
        signals: communityHealthSignals(
          {
            members: members.map((member) => ({
              displayName: member.displayName,
              roles: member.roles,
              leftTeamAt: member.leftTeamAt,
            })),
            canvasReviewedAt: canvas?.reviewedAt ?? null,
            sessions: calendar.sessions,
            rituals: calendar.rituals,
            ...(calendar.protectedTime ? { protectedTime: calendar.protectedTime } : {}),
          },
          now,
        ),
      };
      return input;
    }),
  );

  const digest = composeDigest({
    recipient: props.recipient,
    audience: props.audience,
    week,
    now,
    timeZone: props.timeZone,
    communities: inputs,
  });
  const resurfaced = digest.communities.flatMap((community) => {
    const entryId = community.resurfaced?.id;
    const etag = entryId && handbookEtags.get(`${community.communityId}|${entryId}`);
    return entryId && etag ? [{ communityId: community.communityId, entryId, etag }] : [];
  });
  return {
    digest,
    card: digestCard({ digest, homeUrl: home, timeZone: props.timeZone }),
    week,
    pickIds: picksSentIn(digest),
    resurfaced,
    inputs,
  };
}
