import { toIso } from "@practice-hub/shared";
import { etagWrite, type Store } from "../store";

/** Reads of the community before a lost race is handed back to the caller. */
const maxAttempts = 5;

/**
 * Someone Teams says joined the team is already a member: if they were kept as the last champion
 * after leaving, they are back in the team (in one transaction with the champion roster, since
 * the community now has a champion in its team again) and the warning about them ends. Answers
 * whether they were marked as having left; the return is then recorded as a join.
 */
export async function membershipReturner(props: {
  store: Store;
  tenantId: string;
  communityId: string;
  person: { id: string; displayName: string };
  now: Date;
}): Promise<boolean> {
  const { store, tenantId, communityId, person } = props;
  return etagWrite({
    read: () => store.memberships.readCommunityMembers({ tenantId, communityId }),
    write: async ({ members, rosterEtag }) => {
      const current = members.find((member) => member.userId === person.id);
      if (!current || current.leftTeamAt === null) return false;
      await store.memberships.changeCommunityMemberships({
        tenantId,
        communityId,
        put: [{ ...current, leftTeamAt: null, expectedEtag: current.etag }],
        roster: { expectedEtag: rosterEtag },
      });
      await store.membershipEvents.record({
        tenantId,
        communityId,
        event: { person, change: "joined", source: "teams", at: toIso(props.now) },
      });
      return true;
    },
    attempts: maxAttempts,
  });
}
