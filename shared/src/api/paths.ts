/** URL paths of the API, shared by the tab's client and the service's router. */
export const apiPaths = {
  health: "/healthz",
  publicConfig: "/api/public-config",
  devToken: "/api/dev/token",
  devPeople: "/api/dev/people",
  me: "/api/me",
  communities: "/api/communities",
  canvas: (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/canvas`,
  canvasSection: (communityId: string, sectionId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/canvas/sections/${encodeURIComponent(sectionId)}`,
  canvasHistory: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/canvas/history`,
  canvasReview: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/canvas/review`,
  botMessages: "/api/messages",
} as const;
