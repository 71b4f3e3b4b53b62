import { canvasActions, type CanvasAction, type CommunityRole } from "@practice-hub/shared";
import type { Actor } from "../auth/actor";
import { forbidden } from "../errors";
import type { PersonRoles } from "../store";

/** The caller with the roles they hold in their tenant, read once per request. */
export interface Viewer {
  actor: Actor;
  roles: PersonRoles;
}

/** What the policy knows how to judge. */
export type PolicyResource =
  | { kind: "canvas"; communityId: string }
  | { kind: "community"; communityId: string }
  | { kind: "tenant" };

export type PolicyAction = "read" | "update" | "review" | "create";

/** The roles the viewer holds in one community (empty when not a member). */
export function communityRolesOf(viewer: Viewer, communityId: string): CommunityRole[] {
  return viewer.roles.communities.find((entry) => entry.communityId === communityId)?.roles ?? [];
}

function isHeadOfProfession(viewer: Viewer): boolean {
  return viewer.roles.tenantRoles.includes("headOfProfession");
}

/**
 * The one answer to "may this person do this to that". Members and heads of profession read;
 * champions edit and review the canvas; anyone signed in to a tenant may start a community in it
 * (so a new organisation can begin using the app). Resources are always in the viewer's tenant:
 * repositories are only ever asked with the tenant from the verified token.
 */
export function can(viewer: Viewer, action: PolicyAction, resource: PolicyResource): boolean {
  if (resource.kind === "tenant") return action === "create";
  const roles = communityRolesOf(viewer, resource.communityId);
  switch (action) {
    case "read":
      return roles.length > 0 || isHeadOfProfession(viewer);
    case "update":
    case "review":
      return resource.kind === "canvas" && roles.includes("champion");
    case "create":
      return false;
  }
}

const refusals: Record<PolicyAction, string> = {
  read: "You are not a member of this community. Ask one of its champions to add you.",
  update: "Only the community's champions can edit the canvas.",
  review: "Only the community's champions can mark the canvas as reviewed.",
  create: "You cannot create this.",
};

/** Throws a 403 AppError unless `can` allows the action. */
export function authorize(viewer: Viewer, action: PolicyAction, resource: PolicyResource): void {
  if (!can(viewer, action, resource)) throw forbidden(refusals[action]);
}

/** The canvas actions the viewer may take, for the tab to hide the rest (never trusted). */
export function allowedCanvasActions(viewer: Viewer, communityId: string): CanvasAction[] {
  return canvasActions.filter((action) => can(viewer, action, { kind: "canvas", communityId }));
}
