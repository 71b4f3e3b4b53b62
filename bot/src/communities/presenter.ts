import type { Community } from "@practice-hub/shared";
import type { CommunityEntity } from "../store";

/** A community without its storage keys or tenant. */
export function presentCommunity(entity: CommunityEntity): Community {
  return {
    id: entity.communityId,
    name: entity.name,
    profession: entity.profession,
    description: entity.description,
    createdAt: entity.createdAt,
  };
}
