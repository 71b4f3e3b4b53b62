import { randomUUID } from "node:crypto";
import { ritualLimits, toIso, type Ritual, type RitualFields } from "@practice-hub/shared";
import { badRequest } from "../errors";
import { communityNotFound } from "../policies/communityAccess";
import type { Viewer } from "../policies";
import { presentRitual } from "./presenter";
import type { Store } from "../store";

/** A new ritual id: short, URL- and RowKey-safe. */
export function newRitualId(): string {
  return randomUUID().replace(/-/g, "").slice(0, 12);
}

/**
 * Creates one or more rituals in one transaction (the starter rhythm creates three at once), so
 * a community never ends up with half a rhythm, and never beyond `ritualsPerCommunity` (every
 * series is read by each calendar query). The caller must already be authorized. Three round
 * trips (the viewer's roles, the series, the transaction) once the community has a series: its
 * series carry the community's creation date, and the reminder job's index already names it. The
 * community's first series also reads the community and writes that index: five.
 */
export async function ritualCreator(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  rituals: RitualFields[];
  now: Date;
}): Promise<Ritual[]> {
  const { store, viewer, communityId } = props;
  const { tenantId } = viewer.actor;
  const existing = await store.rituals.listRituals({ tenantId, communityId });
  const first = existing[0];
  const communityCreatedAt =
    first?.communityCreatedAt ??
    (await store.communities.find({ tenantId, communityId }))?.createdAt;
  if (communityCreatedAt === undefined) throw communityNotFound();
  if (existing.length + props.rituals.length > ritualLimits.ritualsPerCommunity) {
    throw badRequest(
      `A community can run at most ${ritualLimits.ritualsPerCommunity} rituals, and this one has ${existing.length}. Delete rituals that have ended first.`,
    );
  }
  const createdAt = toIso(props.now);
  const created = await store.rituals.createRituals({
    tenantId,
    communityId,
    rituals: props.rituals.map((fields) => ({
      ritualId: newRitualId(),
      fields,
      volunteers: [],
      lastServed: {},
      recentSessions: [],
      communityCreatedAt,
      createdAt,
      sequence: 0,
    })),
  });
  // Upsert, outside the transaction (another partition): the reminder job finds the community.
  // Creating its first series indexed it, and nothing removes an index entry.
  if (!first) await store.rituals.indexCommunity({ tenantId, communityId });
  return created.map(presentRitual);
}
