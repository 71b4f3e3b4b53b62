import type { CommunityRole } from "@practice-hub/shared";
import type { Actor } from "../auth/actor";
import { forbidden } from "../errors";
import type { PersonRoles } from "../store";
import { isHeadOfProfession } from "./roles";

/** The caller with the roles they hold in their tenant, read once per request. */
export interface Viewer {
  actor: Actor;
  roles: PersonRoles;
}

/** What the policy knows how to judge. */
export type PolicyResource =
  | { kind: "canvas"; communityId: string }
  | { kind: "community"; communityId: string }
  | { kind: "tenant" }
  | { kind: "person"; userId: string }
  | { kind: "library"; communityId: string }
  | { kind: "people"; communityId: string }
  | { kind: "digest"; communityId: string }
  | { kind: "ritual"; communityId: string; facilitatorId?: string | null }
  | { kind: "retro"; communityId: string }
  | { kind: "channel"; communityId: string }
  | {
      kind: "ritualSwap";
      communityId: string;
      /** Who runs the session now (rotation or assignment). */
      facilitatorId: string | null;
      /** Who asked for the swap, when someone did. */
      requesterId: string | null;
      volunteerIds: readonly string[];
    }
  | { kind: "retroAction"; communityId: string; ownerId: string };

export type PolicyAction =
  | "read"
  | "update"
  | "review"
  | "create"
  | "suggest"
  | "curate"
  | "manage"
  | "send"
  | "schedule"
  | "participate"
  | "record"
  | "contribute"
  | "facilitate"
  | "moderate"
  | "track"
  | "link"
  | "askSwap"
  | "takeSwap";

/**
 * Resources judged without roles: the tenant as a whole and a person's own things (their digest
 * settings). Routes over them need not read anyone's roles.
 */
export type PersonalResource = Extract<PolicyResource, { kind: "tenant" | "person" }>;

/** The roles the viewer holds in one community (empty when not a member). */
export function communityRolesOf(viewer: Viewer, communityId: string): CommunityRole[] {
  return viewer.roles.communities.find((entry) => entry.communityId === communityId)?.roles ?? [];
}

/**
 * The one answer to "may this person do this to that". Members and heads of profession read;
 * champions edit and review the canvas; anyone signed in to a tenant may start a community in it
 * (so a new organisation can begin using the app). Resources are always in the viewer's tenant:
 * repositories are only ever asked with the tenant from the verified token.
 */
export function can(viewer: Viewer, action: PolicyAction, resource: PolicyResource): boolean {
  // Anyone signed in may start a community and read what the tenant offers everyone (the
  // ritual catalogue); a person's own settings are theirs alone to read and change.
  if (resource.kind === "tenant") return action === "create" || action === "read";
  if (resource.kind === "person") {
    return (action === "read" || action === "update") && resource.userId === viewer.actor.userId;
  }
  const roles = communityRolesOf(viewer, resource.communityId);
  const holds = (...wanted: CommunityRole[]) => wanted.some((role) => roles.includes(role));
  switch (action) {
    case "read":
      return roles.length > 0 || isHeadOfProfession(viewer.roles.tenantRoles);
    case "update":
    case "review":
      return resource.kind === "canvas" && holds("champion");
    case "create":
      return false;
    // Any member suggests to the library; curators and champions choose what goes in.
    case "suggest":
      return resource.kind === "library" && roles.length > 0;
    case "curate":
      return resource.kind === "library" && holds("curator", "champion");
    // Champions manage who is in the community and post the members' digest to the channel.
    case "manage":
      return resource.kind === "people" && holds("champion");
    case "send":
      return resource.kind === "digest" && holds("champion");
    // Champions set the rhythm; members answer and volunteer; whoever ran a session records it.
    case "schedule":
      return resource.kind === "ritual" && holds("champion");
    case "participate":
      return resource.kind === "ritual" && roles.length > 0;
    case "record":
      return (
        resource.kind === "ritual" &&
        (holds("champion") || (roles.length > 0 && resource.facilitatorId === viewer.actor.userId))
      );
    // Members add entries and vote; champions and facilitators run retros; moderators and
    // champions hide entries; an action's owner (or whoever runs retros) updates its status.
    case "contribute":
      return resource.kind === "retro" && roles.length > 0;
    case "facilitate":
      return resource.kind === "retro" && holds("champion", "facilitator");
    case "moderate":
      return resource.kind === "retro" && holds("moderator", "champion");
    // A session's facilitator may hand it over; another volunteer of the ritual takes it.
    case "askSwap":
      return (
        resource.kind === "ritualSwap" &&
        roles.length > 0 &&
        resource.facilitatorId === viewer.actor.userId
      );
    case "takeSwap":
      return (
        resource.kind === "ritualSwap" &&
        roles.length > 0 &&
        resource.volunteerIds.includes(viewer.actor.userId) &&
        resource.requesterId !== viewer.actor.userId
      );
    // Champions choose the channel (and team) a community lives in.
    case "link":
      return resource.kind === "channel" && holds("champion");
    case "track":
      return (
        resource.kind === "retroAction" &&
        (resource.ownerId === viewer.actor.userId || holds("champion", "facilitator"))
      );
  }
}

const refusals: Record<PolicyAction, string> = {
  read: "You are not a member of this community. Ask one of its champions to add you.",
  update: "Only the community's champions can edit the canvas.",
  review: "Only the community's champions can mark the canvas as reviewed.",
  create: "You cannot create this.",
  suggest: "Only members of the community can suggest resources. Ask a champion to add you.",
  curate: "Only the community's curators and champions can approve, reject or archive.",
  manage: "Only the community's champions can add people or change roles.",
  send: "Only the community's champions can post the digest to the channel.",
  schedule: "Only the community's champions can change rituals and their calendar.",
  participate: "Only members of the community can answer or volunteer. Ask a champion to add you.",
  record: "Only the session's facilitator or a champion can record attendance and notes.",
  contribute:
    "Only members of the community can take part in its retros. Ask a champion to add you.",
  facilitate: "Only the community's champions and facilitators can run a retro.",
  moderate: "Only the community's moderators and champions can hide entries.",
  track: "Only the action's owner, a champion or a facilitator can change its status.",
  link: "Only the community's champions can link it to a channel.",
  askSwap: "Only the facilitator of this session can ask for a swap.",
  takeSwap:
    "Only another volunteer of this ritual can take over the session. Volunteer first, then accept.",
};

/** Throws a 403 AppError unless `can` allows the action. */
export function authorize(viewer: Viewer, action: PolicyAction, resource: PolicyResource): void {
  if (!can(viewer, action, resource)) throw forbidden(refusals[action]);
}

/** `authorize` for a resource judged without roles, so the caller's roles need not be read. */
export function authorizePersonal(
  actor: Actor,
  action: PolicyAction,
  resource: PersonalResource,
): void {
  authorize({ actor, roles: { tenantRoles: [], communities: [] } }, action, resource);
}
