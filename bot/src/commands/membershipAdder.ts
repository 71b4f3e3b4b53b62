import type { CommunityMember, CommunityRole } from "@practice-hub/shared";
import { toIso } from "@practice-hub/shared";
import { conflict } from "../errors";
import { presentMember } from "../presenters/people";
import { isConflict, type Store } from "../store";

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
  let etag: string;
  try {
    etag = await store.memberships.addCommunityMembership({
      tenantId,
      userId: person.id,
      displayName: person.displayName,
      communityId,
      roles: props.roles,
    });
  } catch (error) {
    if (!isConflict(error)) throw error;
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
    etag,
  });
}
