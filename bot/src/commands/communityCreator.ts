import { randomBytes } from "node:crypto";
import type { Community, CreateCommunityRequest } from "@practice-hub/shared";
import { toIso } from "@practice-hub/shared";
import type { Actor } from "../auth/actor";
import { presentCommunity } from "../presenters";
import type { CommunityEntity, Store } from "../store";

/** A readable id that is safe in keys and URLs: a slug of the name plus a random suffix. */
export function communityIdFor(name: string, suffix = randomBytes(3).toString("hex")): string {
  const slug = name
    .normalize("NFKD")
    // NFKD splits "é" into "e" and a combining accent; drop the accents, keep the letters.
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug === "" ? `community-${suffix}` : `${slug}-${suffix}`;
}

/**
 * Starts a community in the caller's tenant and makes the caller its first champion: three
 * writes (community, canvas, membership), in that order so that a failure part-way leaves at
 * worst a community nobody belongs to yet, never a membership of a missing community.
 */
export async function communityCreator(props: {
  store: Store;
  actor: Actor;
  request: CreateCommunityRequest;
  now: Date;
}): Promise<Community> {
  const { store, actor, request } = props;
  const community: CommunityEntity = {
    tenantId: actor.tenantId,
    communityId: communityIdFor(request.name),
    name: request.name,
    profession: request.profession,
    description: request.description,
    createdAt: toIso(props.now),
    createdBy: actor.userId,
  };
  await store.communities.create(community);
  await store.canvas.createCanvas({ tenantId: actor.tenantId, communityId: community.communityId });
  await store.memberships.addCommunityMembership({
    tenantId: actor.tenantId,
    userId: actor.userId,
    displayName: actor.displayName,
    communityId: community.communityId,
    roles: ["champion", "member"],
  });
  return presentCommunity(community);
}
