import type { CanvasSection, Community, CreateCommunityRequest } from "@practice-hub/shared";
import { apiPaths } from "@practice-hub/shared";
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
