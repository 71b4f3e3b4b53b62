import type { CommunityMember, CommunityRole } from "@practice-hub/shared";
import { toIso } from "@practice-hub/shared";
import { conflict } from "../errors";
import { isChampion } from "../policies/roles";
import { presentMember } from "./presenter";
import { etagWrite, isConflict, type Store } from "../store";
import { championKeeper } from "./championKeeper";

/** Reads of the community before a champion's addition gives up on a lost race. */
const maxAttempts = 3;

/**
 * Inserts the membership and answers its ETag, or null when the person is already in the
 * community. Adding a champion names someone else, so it goes through championKeeper: one
 * transaction with the roster that retires a champion kept only because they left the team.
 */
async function insertMembership(props: {
  store: Store;
  tenantId: string;
  communityId: string;
  person: { id: string; displayName: string };
  roles: CommunityRole[];
}): Promise<string | null> {
  const { store, tenantId, communityId, person, roles } = props;
  if (!isChampion(roles)) {
    try {
      return await store.memberships.addCommunityMembership({
        tenantId,
        userId: person.id,
        displayName: person.displayName,
        communityId,
        roles,
      });
    } catch (error) {
      if (isConflict(error)) return null;
      throw error;
    }
  }
  return etagWrite({
    read: () => store.memberships.readCommunityMembers({ tenantId, communityId }),
    write: async ({ members, rosterEtag }) => {
      if (members.some((member) => member.userId === person.id)) return null;
      const next = { roles, leftTeamAt: null };
      const guard = championKeeper({ members, userId: person.id, next });
      // Only a departure can refuse, and this is an arrival.
      if (guard.kind !== "safe") throw new Error("Adding a champion cannot remove the last one.");
      const etags = await store.memberships.changeCommunityMemberships({
        tenantId,
        communityId,
        put: [{ userId: person.id, displayName: person.displayName, ...next, expectedEtag: null }],
        remove: members.filter((member) => guard.remove.includes(member.userId)),
        roster: { expectedEtag: rosterEtag },
      });
      return etags.get(person.id) ?? "";
    },
    attempts: maxAttempts,
  });
}

/**
 * Adds a person to a community and records the join, by hand (a champion) or from a Teams
 * membership event. Someone already in the community is a 409 for a champion; Teams may repeat an
 * event, so `source: "teams"` treats that as done. The caller must already be authorized.
 */
export async function membershipAdder(props: {
  store: Store;
  tenantId: string;
  communityId: string;
  person: { id: string; displayName: string };
  roles: CommunityRole[];
  source: "teams" | "manual";
  now: Date;
}): Promise<CommunityMember | null> {
  const { store, tenantId, communityId, person } = props;
  const etag = await insertMembership(props);
  if (etag === null) {
    if (props.source === "teams") return null;
    throw conflict(
      `${person.displayName} is already in this community. Change their roles instead.`,
    );
  }
  await store.membershipEvents.record({
    tenantId,
    communityId,
    event: { person, change: "joined", source: props.source, at: toIso(props.now) },
  });
  return presentMember({
    userId: person.id,
    displayName: person.displayName,
    roles: props.roles,
    leftTeamAt: null,
    etag,
  });
}
