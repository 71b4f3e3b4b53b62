import type { ResourceSuggestion, SuggestResourceResponse } from "@practice-hub/shared";
import { toIso } from "@practice-hub/shared";
import type { Viewer } from "../policies";
import { presentResource } from "./presenter";
import type { Store } from "../store";

/**
 * Stores a member's suggestion for curators to judge, or points at the resource that already has
 * the same page (whatever its status), so the library never holds a page twice. The caller must
 * already be authorized.
 */
export async function libraryResourceSuggester(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  suggestion: ResourceSuggestion;
  now: Date;
}): Promise<SuggestResourceResponse> {
  const { viewer, suggestion } = props;
  const result = await props.store.library.suggest({
    tenantId: viewer.actor.tenantId,
    communityId: props.communityId,
    resource: {
      ...suggestion,
      tags: [...new Set(suggestion.tags)],
      suggestedBy: { id: viewer.actor.userId, displayName: viewer.actor.displayName },
      suggestedAt: toIso(props.now),
    },
  });
  return result.outcome === "suggested"
    ? { outcome: "suggested", resource: presentResource(result.resource) }
    : { outcome: "duplicate", existing: presentResource(result.existing) };
}
