import {
  isRetroActivityOpen,
  retroActivityClosedMessage,
  type RetroTheme,
  type StaleRetroData,
} from "@practice-hub/shared";
import { badRequest, conflict, staleVersion } from "../errors";
import type { Viewer } from "../policies";
import { allowedActions } from "../policies/allowedActions";
import { presentRetro } from "./presenter";
import { etagWrite, type RetroAggregate, type Store } from "../store";
import { retroForViewer } from "./retroReader";

/**
 * Saves the facilitator's themes, conditional on the retro's ETag so two facilitators never
 * overwrite each other's grouping. A stale ETag answers 412 with the current retro (its themes
 * and etag, as the caller may see it) so the tab can lay the caller's grouping over it instead
 * of losing it. An entry may be in one theme only. The caller must be allowed to facilitate.
 */
export async function retroThemeSaver(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  retroId: string;
  themes: RetroTheme[];
  ifMatch: string;
  now: Date;
}): Promise<RetroAggregate> {
  const { store, viewer, communityId, retroId, themes } = props;
  const tenantId = viewer.actor.tenantId;
  const read = () => retroForViewer({ store, viewer, communityId, retroId });
  const stale = (current: RetroAggregate) => {
    const data: StaleRetroData = {
      current: presentRetro({
        communityId,
        aggregate: current,
        audience: {
          userId: viewer.actor.userId,
          capabilities: allowedActions(viewer, "retro", communityId),
        },
        now: props.now,
      }),
    };
    return staleVersion(
      "Someone saved themes after you opened them. Their themes and the retro's new etag are in data.current: merge your grouping into them, then save again.",
      data,
    );
  };
  return etagWrite({
    read: async () => {
      const aggregate = await read();
      if (!isRetroActivityOpen("groupEntries", aggregate.retro.phase)) {
        throw conflict(retroActivityClosedMessage("groupEntries", aggregate.retro.phase));
      }
      return aggregate;
    },
    ifMatch: { etag: props.ifMatch, of: (aggregate) => aggregate.retro.etag, stale },
    write: async (aggregate) => {
      const known = new Set(aggregate.entries.map((entry) => entry.entryId));
      const seen = new Set<string>();
      const themeIds = new Set<string>();
      for (const theme of themes) {
        if (themeIds.has(theme.id)) throw badRequest(`Two themes share the id ${theme.id}.`);
        themeIds.add(theme.id);
        for (const entryId of theme.entryIds) {
          if (!known.has(entryId))
            throw badRequest("A theme names an entry this retro does not have.");
          if (seen.has(entryId)) throw badRequest("An entry can be in one theme only.");
          seen.add(entryId);
        }
      }
      const etag = await store.retros.updateRetro({
        tenantId,
        communityId,
        retroId,
        expectedEtag: aggregate.retro.etag,
        changes: { themes },
      });
      return { ...aggregate, retro: { ...aggregate.retro, themes, etag } };
    },
    // Lost a race after the check: the themes that won are only known by reading again.
    lost: async () => {
      throw stale(await read());
    },
  });
}
