import { randomBytes } from "node:crypto";
import type { Community, CreateCommunityRequest } from "@practice-hub/shared";
import { communityIdFor, toIso } from "@practice-hub/shared";
import type { Actor } from "../auth/actor";
import { AppError, conflict } from "../errors";
import type { Logger } from "../logger";
import { presentCommunity } from "./presenter";
import { ConcurrencyError, type CommunityEntity, type PendingCreation, type Store } from "../store";
import { CommunityCapReachedError } from "../store/communityRepository";

/**
 * A creation that has not made its last write this long after it began gives up instead: the
 * sweeper only undoes creations three times as old, so it never races one still running.
 */
export const creationDeadlineMs = 5 * 60_000;
/** How old a noted creation must be before the sweeper looks at it. */
export const sweepAfterMs = 15 * 60_000;
/** Noted creations the sweeper looks at per run; the rest wait for the next tick. */
const sweepBatch = 100;

function capReached(max: number): AppError {
  return conflict(
    `Your organisation already has ${max} communities, the most this Practice Hub allows. Join one of them, or ask whoever runs Practice Hub for your organisation to raise the limit (COMMUNITIES_PER_TENANT_MAX).`,
  );
}

/**
 * Starts a community in the caller's tenant and makes the caller its first champion, all or
 * nothing. The rows live in three tables (canvas, memberships, communities), which no transaction
 * spans, so the community row comes last, in one transaction with the tenant's count of
 * communities: until it is written the community is found nowhere, and once it is, its canvas
 * and champion exist. The creation is noted first; a creation that stopped part-way (a crash, a
 * storage fault) leaves rows nobody can reach, which `pendingCommunitySweeper` removes.
 *
 * The tenant's count is read with its ETag and written with the community, so parallel creations
 * never take a tenant past `maxPerTenant` (409 with what to do). Five storage round trips: the
 * count and the note (together), the canvas, the membership, then the community with its count.
 */
export async function communityCreator(props: {
  store: Store;
  actor: Actor;
  request: CreateCommunityRequest;
  /** The clock: read when the creation begins and again before its last write. */
  now: () => Date;
  /** COMMUNITIES_PER_TENANT_MAX. */
  maxPerTenant: number;
}): Promise<Community> {
  const { store, actor, request, maxPerTenant } = props;
  const startedAt = props.now();
  const community: CommunityEntity = {
    tenantId: actor.tenantId,
    communityId: communityIdFor(request.name, randomBytes(3).toString("hex")),
    name: request.name,
    profession: request.profession,
    description: request.description,
    createdAt: toIso(startedAt),
    createdBy: actor.userId,
  };
  const pending: PendingCreation = {
    tenantId: actor.tenantId,
    communityId: community.communityId,
    createdBy: actor.userId,
    startedAt: community.createdAt,
  };
  const [count] = await Promise.all([
    store.communities.readCount({ tenantId: actor.tenantId }),
    store.communities.notePendingCreation(pending),
  ]);
  if (count.count >= maxPerTenant) throw capReached(maxPerTenant);

  // The canvas before the membership: a champion's role is taken as proof that the community's
  // canvas exists (communityAccessChecker), so the role must never come first.
  await store.canvas.createCanvas({ tenantId: actor.tenantId, communityId: community.communityId });
  await store.memberships.addCommunityMembership({
    tenantId: actor.tenantId,
    userId: actor.userId,
    displayName: actor.displayName,
    communityId: community.communityId,
    roles: ["champion", "member"],
  });
  if (props.now().getTime() - startedAt.getTime() > creationDeadlineMs) {
    throw new AppError(
      503,
      "storage_unavailable",
      "Creating the community took too long, so it was not finished. Try again.",
    );
  }
  try {
    await store.communities.create({ community, max: maxPerTenant, count });
  } catch (error) {
    if (error instanceof CommunityCapReachedError) throw capReached(error.max);
    if (error instanceof ConcurrencyError) {
      throw conflict(
        "Many communities are being created in your organisation at this moment. Try again in a few seconds.",
      );
    }
    throw error;
  }
  return presentCommunity(community);
}

/**
 * Finishes the book-keeping of community creations older than `sweepAfterMs`: a creation whose
 * community exists is complete and only its note goes; one whose community was never written
 * stopped part-way, and its champion membership and canvas are removed, so nothing of it remains.
 * Removing rather than completing: the person who asked was told it failed, and may have tried
 * again. Runs on the scheduler leader (bot/src/jobs/communitySweep.ts); each creation is handled
 * on its own, so one failure leaves the others swept and is tried again on the next run.
 */
export async function pendingCommunitySweeper(props: {
  store: Store;
  now: Date;
  logger: Logger;
}): Promise<{ complete: number; undone: number }> {
  const { store, logger } = props;
  const creations = await store.communities.listPendingCreations({
    startedBefore: new Date(props.now.getTime() - sweepAfterMs),
    limit: sweepBatch,
  });
  const swept = { complete: 0, undone: 0 };
  for (const creation of creations) {
    try {
      const { tenantId, communityId } = creation;
      if (await store.communities.find({ tenantId, communityId })) {
        swept.complete += 1;
      } else {
        // The community row is written last: without it the creation stopped part-way, and its
        // deadline has long passed, so the row never will be written.
        await store.memberships.removeCommunityMembership({
          tenantId,
          userId: creation.createdBy,
          communityId,
        });
        await store.canvas.removeCanvas({ tenantId, communityId });
        swept.undone += 1;
        logger.info({ tenantId, communityId }, "undid a community creation that never finished");
      }
      await store.communities.forgetPendingCreation(creation);
    } catch (error) {
      logger.error(
        { err: error, tenantId: creation.tenantId, communityId: creation.communityId },
        "could not sweep a community creation; the next run tries again",
      );
    }
  }
  return swept;
}
