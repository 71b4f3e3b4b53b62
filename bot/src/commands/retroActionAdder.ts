import {
  addRetroActionRequestSchema,
  isRetroActivityOpen,
  retroActivityClosedMessage,
  toIso,
  type AddRetroActionRequest,
} from "@practice-hub/shared";
import { randomBytes } from "node:crypto";
import { validationFailed } from "../errors";
import type { Viewer } from "../policies";
import type { RetroActionEntity, Store } from "../store";
import { wrongPhase } from "./retroEntryAdder";
import { retroReader } from "./retroReader";

/**
 * Records an action (or a learning goal made from a complaint) with its owner, due date and
 * escalation flag, while the retro decides. The caller must be allowed to facilitate.
 */
export async function retroActionAdder(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  retroId: string;
  request: AddRetroActionRequest;
  now: Date;
}): Promise<RetroActionEntity> {
  const { store, viewer, communityId, retroId, now } = props;
  const parsed = addRetroActionRequestSchema.safeParse(props.request);
  if (!parsed.success) throw validationFailed(parsed.error, "The action");
  const request = parsed.data;
  const tenantId = viewer.actor.tenantId;
  const { retro } = await retroReader({ store, tenantId, communityId, retroId });
  if (!isRetroActivityOpen("addAction", retro.phase)) {
    throw wrongPhase(retroActivityClosedMessage("addAction", retro.phase));
  }
  return store.retros.addAction({
    tenantId,
    communityId,
    action: {
      actionId: `${retroId}-${randomBytes(4).toString("hex")}`,
      retroId,
      text: request.text,
      kind: request.kind,
      owner: request.owner,
      dueDate: request.dueDate,
      escalate: request.escalate,
      status: "open",
      createdAt: toIso(now),
      updatedAt: toIso(now),
    },
  });
}
