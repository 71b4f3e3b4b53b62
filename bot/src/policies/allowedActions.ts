import {
  canvasActions,
  libraryActions,
  peopleActions,
  retroCapabilities,
  ritualActions,
} from "@practice-hub/shared";
import { can, type Viewer } from "./";

/** The actions the tab may offer on each kind of community resource, as the API lists them. */
const actionsByKind = {
  canvas: canvasActions,
  ritual: ritualActions,
  retro: retroCapabilities,
  library: libraryActions,
  people: peopleActions,
} as const;

/** The kinds of resource whose allowed actions the tab is told. */
export type AllowedActionsKind = keyof typeof actionsByKind;

/**
 * The actions the viewer may take on a community's canvas, calendar, retros, library or people,
 * for the tab to hide the rest (never trusted: every request is authorized again). The one place
 * that answers it, from the same `can` that authorizes.
 */
export function allowedActions<K extends AllowedActionsKind>(
  viewer: Viewer,
  kind: K,
  communityId: string,
): (typeof actionsByKind)[K][number][] {
  const actions: readonly (typeof actionsByKind)[K][number][] = actionsByKind[kind];
  return actions.filter((action) => can(viewer, action, { kind, communityId }));
}
