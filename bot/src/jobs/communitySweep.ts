import { pendingCommunitySweeper } from "../communities/communityCreator";
import type { Logger } from "../logger";
import type { Store } from "../store";
import type { DueWorkSource } from "./types";

/**
 * Runs the sweep of unfinished community creations on the scheduler leader, once a tick. It
 * sends nothing: its work is done in `due()`, which is safe to repeat (a swept creation is
 * forgotten), so a repeated window costs one more look and changes nothing.
 */
export function createCommunitySweepSource(props: { store: Store; logger: Logger }): DueWorkSource {
  return {
    name: "community-creations",
    async due({ now }) {
      await pendingCommunitySweeper({ store: props.store, now, logger: props.logger });
      return [];
    },
  };
}
