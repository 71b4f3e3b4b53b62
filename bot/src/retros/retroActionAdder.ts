import {
  addRetroActionRequestSchema,
  isRetroActivityOpen,
  retroActivityClosedMessage,
  retroLimits,
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
  const [{ retro, communityActions }, owner] = await Promise.all([
    retroReader({ store, tenantId, communityId, retroId, userId: null, withActions: true }),
    store.memberships.findCommunityMembership({ tenantId, userId: request.owner.id, communityId }),
  ]);
  if (!isRetroActivityOpen("addAction", retro.phase)) {
    throw conflict(retroActivityClosedMessage("addAction", retro.phase));
  }
  if (!owner) throw ownerNotMember();
  // The person is part of the id: two facilitators who send the same key get an action each.
  const actionId = `${retroId}-${idFromKey(retroId, viewer.actor.userId, request.submissionKey).slice(0, 16)}`;
  // The read holds every action of the community not yet done: a retried submission passes.
  const open = communityActions.filter((action) => action.status !== "done");
  if (
    open.length >= retroLimits.openActionsMax &&
    !communityActions.some((action) => action.actionId === actionId)
  ) {
    throw conflict(
      `This community has ${retroLimits.openActionsMax} actions still open. Mark some done before adding more.`,
    );
  }
  return store.retros.addAction({
    tenantId,
    communityId,
    action: {
      actionId,
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
