import type {
  AddMemberRequest,
  CanvasResponse,
  CanvasSection,
  Community,
  CreateCommunityRequest,
} from "@practice-hub/shared";
import { apiPaths } from "@practice-hub/shared";
import { randomUUID } from "node:crypto";
import type { ApiClient } from "./api";
import type { DemoPerson } from "./stack";

let sequence = 0;

/** A unique community request, so tests never share a canvas. */
export function communityRequestFactory(
  overrides: Partial<CreateCommunityRequest> = {},
): CreateCommunityRequest {
  sequence += 1;
  return {
    name: `Test Community ${sequence}`,
    profession: "Product management",
    description: "Made by a test.",
    ...overrides,
  };
}

/** Creates a community through the API; `as` becomes its champion. */
export async function communityFactory(
  api: ApiClient,
  as: DemoPerson = "demo-champion",
  overrides: Partial<CreateCommunityRequest> = {},
): Promise<Community> {
  const response = await api.post<Community>(apiPaths.communities, {
    as,
    body: communityRequestFactory(overrides),
  });
  if (response.status !== 201) throw new Error(`community not created: ${response.status}`);
  return response.body;
}

/** Markdown for a section save, distinct on every call. */
export function sectionContentFactory(label = "text"): string {
  sequence += 1;
  return `## ${label} ${sequence}\n\nWe meet to learn from each other.`;
}

/** Saves a section as the champion with the given etag; returns the saved section. */
export async function savedSectionFactory(
  api: ApiClient,
  props: {
    communityId: string;
    sectionId: string;
    etag: string;
    content?: string;
    as?: DemoPerson;
  },
): Promise<CanvasSection> {
  const response = await api.put<CanvasSection>(
    apiPaths.canvasSection(props.communityId, props.sectionId),
    {
      as: props.as ?? "demo-champion",
      headers: { "if-match": props.etag },
      body: { content: props.content ?? sectionContentFactory(props.sectionId) },
    },
  );
  if (response.status !== 200) throw new Error(`section not saved: ${response.status}`);
  return response.body;
}

/** Adds a person to a community through the API (as its champion unless told). */
export async function membershipFactory(
  api: ApiClient,
  {
    communityId,
    as = "demo-champion",
    ...person
  }: AddMemberRequest & {
    communityId: string;
    as?: DemoPerson;
  },
): Promise<void> {
  const response = await api.post(apiPaths.people(communityId), { as, body: person });
  if (response.status !== 201) throw new Error(`person not added: ${response.status}`);
}

/**
 * A community of a test file's own, cast like the demo one: demo-champion its champion and
 * demo-member a member (demo-head sees it as the tenant's head of profession, demo-outsider not
 * at all). Tests change it freely; the seeded demo community stays as the seed left it.
 */
export async function memberCommunityFactory(
  api: ApiClient,
  overrides: Partial<CreateCommunityRequest> = {},
): Promise<Community> {
  const community = await communityFactory(api, "demo-champion", overrides);
  await membershipFactory(api, {
    communityId: community.id,
    userId: "demo-member",
    displayName: "Ben Member",
  });
  return community;
}

/**
 * Gives a community's canvas what the seed gives the demo one: its purpose written once by the
 * champion (naming product managers) and a review by the champion.
 */
export async function writtenCanvasFactory(api: ApiClient, communityId: string): Promise<void> {
  const canvas = await api.get<CanvasResponse>(apiPaths.canvas(communityId), {
    as: "demo-champion",
  });
  const purpose = canvas.body.sections.find((section) => section.id === "purpose");
  if (!purpose) throw new Error("the canvas has no purpose section");
  await savedSectionFactory(api, {
    communityId,
    sectionId: "purpose",
    etag: purpose.etag,
    content: "We help product managers across the organisation get better at the craft together.",
  });
  const review = await api.post(apiPaths.canvasReview(communityId), { as: "demo-champion" });
  if (review.status !== 200) throw new Error(`canvas not reviewed: ${review.status}`);
}

/**
 * Links a community to a team of its own through the API, as the seed links the demo community to
 * the Playground's team: the team's General channel (which has the team's id) gets its cards, and
 * the team's joins and leaves count for it. Returns the team's id.
 */
export async function linkedTeamFactory(api: ApiClient, communityId: string): Promise<string> {
  sequence += 1;
  const teamId = `19:test-team-${sequence}-${randomUUID().slice(0, 8)}@thread.tacv2`;
  const response = await api.put(apiPaths.communityChannel(communityId), {
    as: "demo-champion",
    body: { channelId: teamId, teamId },
  });
  if (response.status !== 200) throw new Error(`channel not linked: ${response.status}`);
  return teamId;
}
