import {
  IllegalRetroTransition,
  moveRetro,
  pulseOf,
  retroBallot,
  toIso,
  topThemes,
  type RetroPhase,
} from "@practice-hub/shared";
import { conflict } from "../errors";
import type { Viewer } from "../policies";
import { etagWrite, type RetroAggregate, type RetroSummary, type Store } from "../store";
import { votesOfTallies } from "./presenter";
import { retroForViewer } from "./retroReader";

/** What a closed retro came to, computed once when it closes. */
export function retroSummaryOf(aggregate: RetroAggregate): RetroSummary {
  const ballot = retroBallot({
    entries: aggregate.entries.map((e) => ({
      id: e.entryId,
      text: e.text,
      hidden: e.hidden !== null,
    })),
    themes: aggregate.retro.themes,
    votes: votesOfTallies(aggregate.tallies),
  });
  return {
    topThemes: topThemes(ballot),
    pulse: aggregate.retro.format.scored
      ? pulseOf(aggregate.entries.filter((e) => e.hidden === null).map((e) => e.score))
      : null,
  };
}

/**
 * Moves a retro to its next phase through the shared phase machine (anything else is refused
 * with 409). Closing records the summary and the time. The write is conditional on the ETag, so
 * two facilitators pressing at once move it one step, not two. The caller must be allowed to
 * facilitate.
 */
export async function retroMover(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  retroId: string;
  to: RetroPhase;
  now: Date;
}): Promise<{ aggregate: RetroAggregate; closed: boolean }> {
  const { store, viewer, communityId, retroId, to } = props;
  const tenantId = viewer.actor.tenantId;
  return etagWrite({
    read: () => retroForViewer({ store, viewer, communityId, retroId }),
    write: async (aggregate) => {
      const { retro } = aggregate;
      try {
        moveRetro(retro.phase, to);
      } catch (error) {
        if (error instanceof IllegalRetroTransition) throw conflict(error.message);
        throw error;
      }
      const closing = to === "closed";
      const changes = closing
        ? { phase: to, closedAt: toIso(props.now), summary: retroSummaryOf(aggregate) }
        : { phase: to };
      const etag = await store.retros.updateRetro({
        tenantId,
        communityId,
        retroId,
        expectedEtag: retro.etag,
        changes,
      });
      return {
        aggregate: { ...aggregate, retro: { ...retro, ...changes, etag } },
        closed: closing,
      };
    },
    lost: () => {
      throw conflict("Someone else moved this retro on just now. Reload it.");
    },
  });
}
