import {
  builtInRetroFormat,
  customRetroFormat,
  dayLabelOf,
  newestFirstKey,
  retroLimits,
  toIso,
  type RetroFormat,
  type StartRetroRequest,
} from "@practice-hub/shared";
import { randomBytes } from "node:crypto";
import type { Viewer } from "../policies";
import type { RetroEntity, Store } from "../store";

function formatOf(request: StartRetroRequest): RetroFormat {
  return request.format === "custom" && request.custom
    ? customRetroFormat(request.custom)
    : builtInRetroFormat(request.format === "custom" ? "keepDropAdd" : request.format);
}

/** "Keep, drop, add: 20 Nov 2026" when no title was given. */
function defaultTitle(format: RetroFormat, now: Date): string {
  return `${format.title}: ${dayLabelOf(now)}`;
}

/**
 * Starts a retro in the collect phase. The caller must be allowed to facilitate. Its id starts
 * with a newest-first key so the history lists the latest retro first.
 */
export async function retroStarter(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  request: StartRetroRequest;
  /** The channel the card will be posted to, when already known (the bot command). */
  conversationId?: string;
  now: Date;
}): Promise<RetroEntity> {
  const { store, viewer, communityId, request, now } = props;
  const format = formatOf(request);
  const retroId = `${newestFirstKey(now)}-${randomBytes(3).toString("hex")}`;
  return store.retros.create({
    tenantId: viewer.actor.tenantId,
    communityId,
    retro: {
      retroId,
      title: request.title?.trim() || defaultTitle(format, now),
      format,
      phase: "collect",
      votesPerPerson: request.votesPerPerson ?? retroLimits.votesPerPersonDefault,
      startedAt: toIso(now),
      startedBy: { id: viewer.actor.userId, displayName: viewer.actor.displayName },
      closedAt: null,
      themes: [],
      conversationId: props.conversationId ?? null,
      summary: null,
    },
  });
}
