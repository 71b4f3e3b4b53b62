import type { CommunityMember, CommunityRole } from "@practice-hub/shared";
import { badRequest, notFound, staleVersion } from "../errors";
import type { Viewer } from "../policies";
import { presentMember } from "./presenter";
import { etagWrite, type CommunityMembershipEntity, type Store } from "../store";
import { championKeeper } from "./championKeeper";

/** Reads of the community before a lost race becomes a 412. */
const maxAttempts = 3;

/**
 * A champion changes someone's roles, naming the version they saw (412 with the current roles
 * when someone changed them first). A community never loses its last champion this way, even
 * when two champions demote each other at the same moment: a change to who the champions are is
 * written in one transaction with the community's champion roster, on the version read with the
 * members (championKeeper). Naming a new champion retires a champion kept only because they left
 * the team. The caller must already be authorized.
 */
export async function membershipRolesUpdater(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  userId: string;
  roles: CommunityRole[];
  ifMatch: string;
}): Promise<CommunityMember> {
  const { store, viewer, communityId, userId } = props;
  const { tenantId } = viewer.actor;
  const stale = (member: CommunityMembershipEntity) =>
    staleVersion(
      "Someone changed these roles after you opened the page. Check them, then try again.",
      { current: presentMember(member) },
    );
  // A race lost on the roster (another champion changed) leaves the caller's version current:
  // the next pass checks the rule again on fresh data instead of answering 412.
  return etagWrite({
    read: async () => {
      const { members, rosterEtag } = await store.memberships.readCommunityMembers({
        tenantId,
        communityId,
      });
      const current = members.find((member) => member.userId === userId);
      if (!current) throw notFound("That person is not in this community. Reload the page.");
      return { members, rosterEtag, current };
    },
    ifMatch: {
      etag: props.ifMatch,
      of: ({ current }) => current.etag,
      stale: ({ current }) => stale(current),
    },
    write: async ({ members, rosterEtag, current }) => {
      const next = { roles: props.roles, leftTeamAt: current.leftTeamAt };
      const guard = championKeeper({ members, userId, next });
      if (guard.kind === "lastChampion") {
        throw badRequest(
          "A community needs at least one champion. Make someone else a champion first.",
        );
      }
      const etags = await store.memberships.changeCommunityMemberships({
        tenantId,
        communityId,
        put: [{ ...current, ...next, expectedEtag: current.etag }],
        remove: members.filter((member) => guard.remove.includes(member.userId)),
        ...(guard.rosterChange ? { roster: { expectedEtag: rosterEtag } } : {}),
      });
      return presentMember({ ...current, roles: props.roles, etag: etags.get(userId) ?? "" });
    },
    attempts: maxAttempts,
    lost: ({ current }) => {
      throw stale(current);
    },
  });
}
