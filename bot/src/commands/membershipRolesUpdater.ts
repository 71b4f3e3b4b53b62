import type { CommunityMember, CommunityRole } from "@practice-hub/shared";
import { badRequest, notFound, staleVersion } from "../errors";
import type { Viewer } from "../policies";
import { presentMember } from "../presenters/people";
import { ConcurrencyError, type CommunityMembershipEntity, type Store } from "../store";

/**
 * A champion changes someone's roles, naming the version they saw (412 with the current roles
 * when someone changed them first). A community never loses its last champion this way: someone
 * must be able to manage it. The caller must already be authorized.
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
  const members = await store.memberships.listCommunityMembers(tenantId, communityId);
  const current = members.find((member) => member.userId === userId);
  if (!current) throw notFound("That person is not in this community. Reload the page.");
  const stale = (member: CommunityMembershipEntity) =>
    staleVersion(
      "Someone changed these roles after you opened the page. Check them, then try again.",
      {
        current: presentMember(member),
      },
    );
  if (props.ifMatch !== current.etag) throw stale(current);
  const otherChampions = members.filter(
    (member) => member.userId !== userId && member.roles.includes("champion"),
  );
  if (
    current.roles.includes("champion") &&
    !props.roles.includes("champion") &&
    otherChampions.length === 0
  ) {
    throw badRequest(
      "A community needs at least one champion. Make someone else a champion first.",
    );
  }
  try {
    const etag = await store.memberships.updateCommunityRoles({
      tenantId,
      userId,
      communityId,
      roles: props.roles,
      expectedEtag: current.etag,
    });
    return presentMember({ ...current, roles: props.roles, etag });
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    const latest = await store.memberships.findCommunityMembership(tenantId, userId, communityId);
    if (!latest) throw notFound("That person left the community. Reload the page.");
    throw stale(latest);
  }
}
