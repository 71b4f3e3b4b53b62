import {
  isRetroActivityOpen,
  retroActivityClosedMessage,
  type RetroTheme,
} from "@practice-hub/shared";
import { badRequest, staleVersion } from "../errors";
import type { Viewer } from "../policies";
import { ConcurrencyError, type RetroAggregate, type Store } from "../store";
import { wrongPhase } from "./retroEntryAdder";
import { retroReader } from "./retroReader";

/**
 * Saves the facilitator's themes, conditional on the retro's ETag so two facilitators never
 * overwrite each other's grouping (412 with the current retro's etag to reload). An entry may be
 * in one theme only. The caller must be allowed to facilitate.
 */
export async function retroThemeSaver(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  retroId: string;
  themes: RetroTheme[];
  ifMatch: string;
}): Promise<RetroAggregate> {
  const { store, viewer, communityId, retroId, themes } = props;
  const tenantId = viewer.actor.tenantId;
  const aggregate = await retroReader({ store, tenantId, communityId, retroId });
  if (!isRetroActivityOpen("groupEntries", aggregate.retro.phase)) {
    throw wrongPhase(retroActivityClosedMessage("groupEntries", aggregate.retro.phase));
  }
  const stale = () =>
    staleVersion("Someone changed the themes after you opened them. Reload, then group again.", {
      etag: aggregate.retro.etag,
    });
  if (props.ifMatch !== aggregate.retro.etag) throw stale();
  const known = new Set(aggregate.entries.map((entry) => entry.entryId));
  const seen = new Set<string>();
  const themeIds = new Set<string>();
  for (const theme of themes) {
    if (themeIds.has(theme.id)) throw badRequest(`Two themes share the id ${theme.id}.`);
    themeIds.add(theme.id);
    for (const entryId of theme.entryIds) {
      if (!known.has(entryId)) throw badRequest("A theme names an entry this retro does not have.");
      if (seen.has(entryId)) throw badRequest("An entry can be in one theme only.");
      seen.add(entryId);
    }
  }
  try {
    const etag = await store.retros.updateRetro({
      tenantId,
      communityId,
      retroId,
      expectedEtag: aggregate.retro.etag,
      changes: { themes },
    });
    return { ...aggregate, retro: { ...aggregate.retro, themes, etag } };
  } catch (error) {
    if (error instanceof ConcurrencyError) throw stale();
    throw error;
  }
}
