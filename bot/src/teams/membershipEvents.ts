import type { Activity, ChannelAccount } from "botbuilder";
import { membershipAdder } from "../people/membershipAdder";
import { membershipRemover } from "../people/membershipRemover";
import { membershipReturner } from "../people/membershipReturner";
import type { Logger } from "../logger";
import type { Store } from "../store";

/** People who joined or left a Teams team, as Practice Hub records them. */
export interface TeamsMembershipChange {
  tenantId: string;
  teamId: string;
  change: "joined" | "left";
  people: { id: string; displayName: string }[];
}

/** Where the bot hands membership changes; the composition root provides it. */
export interface MembershipEventSink {
  record(change: TeamsMembershipChange): Promise<void>;
}

/**
 * The change a conversationUpdate describes, or null when it is not about people in a team: the
 * bot's own arrival, chats (no team), and members without an Entra object id (guests of other
 * organisations keep their own id, which the tab's sign-in never sees) are all left out.
 */
export function membershipChangeOf(
  activity: Partial<Activity>,
  change: "joined" | "left",
): TeamsMembershipChange | null {
  const channelData = activity.channelData as { team?: { id?: string }; tenant?: { id?: string } };
  const teamId = channelData?.team?.id;
  const tenantId = activity.conversation?.tenantId ?? channelData?.tenant?.id;
  if (!teamId || !tenantId) return null;
  const accounts: ChannelAccount[] =
    (change === "joined" ? activity.membersAdded : activity.membersRemoved) ?? [];
  const people = accounts
    .filter((account) => account.id !== activity.recipient?.id && account.aadObjectId)
    .map((account) => ({ id: account.aadObjectId ?? "", displayName: account.name ?? "" }));
  return people.length ? { tenantId, teamId, change, people } : null;
}

/**
 * Records Teams joins and leaves against the community the team is linked to: a join adds the
 * person as a member (or, for a champion kept after leaving, marks them back), a leave removes
 * their membership, except the last champion's, who stays champion until someone else is named;
 * both are kept as events for the digest.
 */
export function createMembershipEventSink(props: {
  store: Store;
  logger: Logger;
  now: () => Date;
}): MembershipEventSink {
  const { store } = props;
  return {
    async record({ tenantId, teamId, change, people }) {
      const communityId = (await store.channelLinks.findByTeam({ tenantId, teamId }))?.communityId;
      if (!communityId) {
        props.logger.info({ teamId }, "membership change in a team linked to no community");
        return;
      }
      for (const person of people) {
        const event = { store, tenantId, communityId, person, now: props.now() };
        if (change === "joined") {
          const added = await membershipAdder({ ...event, roles: ["member"], source: "teams" });
          // Teams may repeat an event; someone already in the community may be coming back.
          if (!added) await membershipReturner(event);
          continue;
        }
        const outcome = await membershipRemover(event);
        if (outcome === "keptAsChampion") {
          props.logger.warn(
            { communityId },
            "the last champion left the team: kept as champion until someone else is named",
          );
        }
      }
    },
  };
}
