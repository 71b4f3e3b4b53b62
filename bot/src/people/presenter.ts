import type { CommunityMember, MembershipChange } from "@practice-hub/shared";
import type { CommunityMembershipEntity, MembershipEventEntity } from "../store";

/** A stored membership as the People page sees it. */
export function presentMember(entity: CommunityMembershipEntity): CommunityMember {
  return {
    person: { id: entity.userId, displayName: entity.displayName },
    roles: entity.roles,
    etag: entity.etag,
  };
}

/** A stored join or leave. */
export function presentMembershipChange(entity: MembershipEventEntity): MembershipChange {
  return { person: entity.person, change: entity.change, source: entity.source, at: entity.at };
}
