import { createHash, createHmac } from "node:crypto";
import { notFound } from "../errors";
import { authorize, can, communityRolesOf, type PolicyAction, type Viewer } from "../policies";
import type { RetroAggregate, Store } from "../store";
import { communityNotFound } from "../policies/communityAccessChecker";

/** The 404 for a retro the community does not have. */
export function retroNotFound() {
  return notFound("No retro with that id in this community. It may have been removed.");
}

/**
 * Authorizes a retro action, telling "no such community" (404) from "not allowed" (403) the way
 * communityAccessChecker does for the canvas: storage is asked only when the policy refuses
 * someone who has no role in the community.
 */
export async function retroAccessChecker(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  action: PolicyAction;
}): Promise<void> {
  const { store, viewer, communityId, action } = props;
  const resource = { kind: "retro", communityId } as const;
  if (can(viewer, action, resource)) return;
  if (communityRolesOf(viewer, communityId).length === 0) {
    const community = await store.communities.find({
      tenantId: viewer.actor.tenantId,
      communityId,
    });
    if (!community) throw communityNotFound();
  }
  authorize(viewer, action, resource);
}

/** Reads a retro with everything in it, or throws 404: one partition query. */
export async function retroReader(props: {
  store: Store;
  tenantId: string;
  communityId: string;
  retroId: string;
}): Promise<RetroAggregate> {
  if (!/^[A-Za-z0-9-]{1,60}$/.test(props.retroId)) throw retroNotFound();
  const aggregate = await props.store.retros.read({
    tenantId: props.tenantId,
    communityId: props.communityId,
    retroId: props.retroId,
  });
  if (!aggregate) throw retroNotFound();
  return aggregate;
}

/**
 * A short, key-safe id derived from its parts, so a retry of the same submission lands on the
 * same row. A plain hash anyone can recompute: never for what must stay anonymous (entryIdFor).
 */
export function idFromKey(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

/**
 * The id of a retro entry: a keyed hash (HMAC-SHA256 with the server's SUBMISSION_KEY_SECRET)
 * of the retro, the person and their submission key. The same person repeating a submission
 * lands on the same row, two people who happen to send the same key get an entry each, and
 * without the secret nobody can test from storage which person wrote an anonymous entry.
 */
export function entryIdFor(props: {
  secret: string;
  retroId: string;
  userId: string;
  submissionKey: string;
}): string {
  return createHmac("sha256", props.secret)
    .update([props.retroId, props.userId, props.submissionKey].join("\u0000"))
    .digest("hex")
    .slice(0, 32);
}
