import { createHash, createHmac } from "node:crypto";
import { notFound } from "../errors";
import type { Viewer } from "../policies";
import type { RetroAggregate, Store } from "../store";

/** The 404 for a retro the community does not have. */
export function retroNotFound() {
  return notFound("No retro with that id in this community. It may have been removed.");
}

/**
 * Reads a retro with its entries, tallies and `userId`'s votes (one query), and with
 * `withActions` the actions that concern it (a second, sent at the same time), or throws 404.
 */
export async function retroReader(props: {
  store: Store;
  tenantId: string;
  communityId: string;
  retroId: string;
  /** Whose own votes to read (myVotes); null for a view that is nobody's. */
  userId: string | null;
  withActions: boolean;
}): Promise<RetroAggregate> {
  if (!/^[A-Za-z0-9-]{1,60}$/.test(props.retroId)) throw retroNotFound();
  const aggregate = await props.store.retros.read({
    tenantId: props.tenantId,
    communityId: props.communityId,
    retroId: props.retroId,
    userId: props.userId,
    withActions: props.withActions,
  });
  if (!aggregate) throw retroNotFound();
  return aggregate;
}

/** Reads a retro as `viewer` sees it: with their own votes and the actions that concern it. */
export function retroForViewer(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  retroId: string;
}): Promise<RetroAggregate> {
  return retroReader({
    ...props,
    tenantId: props.viewer.actor.tenantId,
    userId: props.viewer.actor.userId,
    withActions: true,
  });
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
