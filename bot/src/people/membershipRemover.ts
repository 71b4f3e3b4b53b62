import { toIso } from "@practice-hub/shared";
import { etagWrite, type Store } from "../store";
import { championKeeper } from "./championKeeper";

/** Reads of the community before a lost race is handed back to the caller. */
const maxAttempts = 5;

/** What a Teams leave did to the community. */
export type LeaveOutcome =
  /** The membership is gone. */
  | "removed"
  /** The last champion in the team: kept as champion, marked as having left. */
  | "keptAsChampion"
  /** Nothing to do: not a member, or a repeat of a leave already recorded. */
  | "unchanged";

/**
 * Records that Teams says someone left the community's team: their membership goes, in one
 * transaction with the champion roster when they were a champion (championKeeper), so a
 * community never ends up without a champion, whatever role changes run at the same moment. The
 * last champion in the team is kept, and stays champion, marked as having left, until someone
 * else is named: someone must be able to manage the community, and heads of profession see a
 * warning meanwhile. Each real departure is recorded as a leave; a repeated event changes nothing.
 * Teams events carry no user to authorize: the caller checked the activity came from Teams.
 */
export async function membershipRemover(props: {
  store: Store;
  tenantId: string;
  communityId: string;
  person: { id: string; displayName: string };
  now: Date;
}): Promise<LeaveOutcome> {
  const { store, tenantId, communityId, person } = props;
  const at = toIso(props.now);
  return etagWrite({
    read: () => store.memberships.readCommunityMembers({ tenantId, communityId }),
    write: async ({ members, rosterEtag }): Promise<LeaveOutcome> => {
      const current = members.find((member) => member.userId === person.id);
      if (!current || current.leftTeamAt !== null) return "unchanged";
      const guard = championKeeper({ members, userId: person.id, next: null });
      const kept = guard.kind === "lastChampion";
      if (kept) {
        await store.memberships.changeCommunityMemberships({
          tenantId,
          communityId,
          put: [{ ...current, leftTeamAt: at, expectedEtag: current.etag }],
          roster: { expectedEtag: rosterEtag },
        });
      } else if (guard.rosterChange) {
        // A champion, with another in the team: gone only if the champions are as read.
        await store.memberships.changeCommunityMemberships({
          tenantId,
          communityId,
          remove: [current],
          roster: { expectedEtag: rosterEtag },
        });
      } else {
        // On the version read: if they were made a champion meanwhile, the next pass sees it.
        const removed = await store.memberships.removeCommunityMembership({
          tenantId,
          userId: person.id,
          communityId,
          displayName: current.displayName,
          expectedEtag: current.etag,
        });
        if (!removed) return "unchanged";
      }
      await store.membershipEvents.record({
        tenantId,
        communityId,
        event: { person, change: "left", source: "teams", at },
      });
      return kept ? "keptAsChampion" : "removed";
    },
    attempts: maxAttempts,
  });
}
