import {
  addRetroActionRequestSchema,
  isRetroActivityOpen,
  retroActivityClosedMessage,
  toIso,
  type AddRetroActionRequest,
  parseWithSentences,
} from "@practice-hub/shared";
import { conflict, fieldRefused, validationFailed, type AppError } from "../errors";
import type { Viewer } from "../policies";
import type { RetroActionEntity, Store } from "../store";
import { idFromKey, retroReader } from "./retroReader";

/** 400 naming the owner field: the person chosen is not one of the community's members. */
function ownerNotMember(): AppError {
  return fieldRefused(
    "The action",
    "owner.id",
    "That person is not a member of this community. Choose one of its members.",
  );
}

/**
 * Records an action (or a learning goal made from a complaint) with its owner, due date and
 * escalation flag, while the retro decides. The owner must be a member of the community; their
 * name comes from the membership store, never from the request. The action's id derives from the
 * person and their submission key, so their retry or double click stores one action (and the
 * owner gets one card).
 * The caller must be allowed to facilitate.
 */
export async function retroActionAdder(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  retroId: string;
  request: AddRetroActionRequest;
  now: Date;
}): Promise<{ action: RetroActionEntity; created: boolean }> {
  const { store, viewer, communityId, retroId, now } = props;
  const parsed = parseWithSentences(addRetroActionRequestSchema, props.request, "The action");
  if (!parsed.success) throw validationFailed(parsed.error, "The action");
  const request = parsed.data;
  const tenantId = viewer.actor.tenantId;
  // Independent reads: asked together so the owner check adds no waiting.
  const [{ retro }, owner] = await Promise.all([
    retroReader({ store, tenantId, communityId, retroId }),
    store.memberships.findCommunityMembership(tenantId, request.owner.id, communityId),
  ]);
  if (!isRetroActivityOpen("addAction", retro.phase)) {
    throw conflict(retroActivityClosedMessage("addAction", retro.phase));
  }
  if (!owner) throw ownerNotMember();
  return store.retros.addAction({
    tenantId,
    communityId,
    action: {
      // The person is part of the id: two facilitators who send the same key get an action each.
      actionId: `${retroId}-${idFromKey(retroId, viewer.actor.userId, request.submissionKey).slice(0, 16)}`,
      retroId,
      text: request.text,
      kind: request.kind,
      owner: { id: owner.userId, displayName: owner.displayName },
      dueDate: request.dueDate,
      escalate: request.escalate,
      status: "open",
      createdAt: toIso(now),
      updatedAt: toIso(now),
    },
  });
}
