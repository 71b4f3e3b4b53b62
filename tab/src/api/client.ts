import {
  apiPaths,
  canvasHistoryResponseSchema,
  canvasResponseSchema,
  canvasReviewResponseSchema,
  canvasSectionSchema,
  channelLinkSchema,
  communitiesResponseSchema,
  communitySchema,
  meResponseSchema,
  publicConfigSchema,
  type CanvasHistoryResponse,
  type CanvasResponse,
  type CanvasReviewResponse,
  type CanvasSection,
  type CanvasSectionId,
  type ChannelLink,
  type ChannelLinkRequest,
  type CommunitiesResponse,
  type Community,
  type CreateCommunityRequest,
  type MeResponse,
  type PublicConfig,
} from "@practice-hub/shared";
import type { CalendarApi } from "./rituals";
import type { DigestApi } from "./digest";
import type { LibraryApi } from "./library";
import type { PeopleApi } from "./people";
import type { RetrosApi } from "./retros";
import { lazyArea } from "./lazyArea";
import { ApiRequestError, signInError } from "./errors";
import { apiRequest, type ApiRequest } from "./request";

let publicConfig: Promise<PublicConfig> | null = null;

/** Calls that need no token: what the tab asks before anyone is signed in. */
export const publicApi = {
  /** Asked once per page (api/firstScreen.ts asks first); a failure is asked again next time. */
  publicConfig: (): Promise<PublicConfig> => {
    publicConfig ??= apiRequest({
      method: "GET",
      path: apiPaths.publicConfig,
      schema: publicConfigSchema,
    }).catch((error: unknown) => {
      publicConfig = null;
      throw error;
    });
    return publicConfig;
  },
};

/** The typed API the screens use; every call carries the host's Bearer token. */
export interface ApiClient {
  me(): Promise<MeResponse>;
  communities(): Promise<CommunitiesResponse>;
  createCommunity(request: CreateCommunityRequest): Promise<Community>;
  /** Makes a channel the community's home for posts and its team's membership (champions). */
  linkChannel(communityId: string, request: ChannelLinkRequest): Promise<ChannelLink>;
  canvas(communityId: string): Promise<CanvasResponse>;
  /** Saves a section only if `etag` is still current; a stale etag throws `stale_version`. */
  saveSection(props: {
    communityId: string;
    sectionId: CanvasSectionId;
    content: string;
    etag: string;
  }): Promise<CanvasSection>;
  history(props: {
    communityId: string;
    sectionId: CanvasSectionId;
    cursor?: string | null;
  }): Promise<CanvasHistoryResponse>;
  markReviewed(communityId: string): Promise<CanvasReviewResponse>;
  /** The ritual calendar (api/rituals.ts). */
  calendar: CalendarApi;
  /** The curated library (api/library.ts). */
  library: LibraryApi;
  /** Members and roles (api/people.ts). */
  people: PeopleApi;
  /** Health signals, the digest preview and delivery settings (api/digest.ts). */
  digest: DigestApi;
  /** Retros (api/retros.ts). */
  retros: RetrosApi;
}

/**
 * Builds the client over a token source (Teams SSO or a local demo token). `send` is how its own
 * calls go out (api/firstScreen.ts sends them early with `prefetch`); areas use `apiRequest`.
 */
export function createApiClient(
  tokenSource: () => Promise<string>,
  send: <T>(request: ApiRequest<T>) => Promise<T> = apiRequest,
): ApiClient {
  // A refused token is a sign-in problem, not an unreachable service: say so in the one shape.
  const getToken = () =>
    tokenSource().catch((error: unknown) => {
      throw error instanceof ApiRequestError ? error : new ApiRequestError(signInError());
    });
  return {
    me: async () =>
      send({
        method: "GET",
        path: apiPaths.me,
        schema: meResponseSchema,
        token: await getToken(),
      }),
    communities: async () =>
      send({
        method: "GET",
        path: apiPaths.communities,
        schema: communitiesResponseSchema,
        token: await getToken(),
      }),
    createCommunity: async (request) =>
      send({
        method: "POST",
        path: apiPaths.communities,
        schema: communitySchema,
        body: request,
        token: await getToken(),
      }),
    linkChannel: async (communityId, request) =>
      send({
        method: "PUT",
        path: apiPaths.communityChannel(communityId),
        schema: channelLinkSchema,
        body: request,
        token: await getToken(),
      }),
    canvas: async (communityId) =>
      send({
        method: "GET",
        path: apiPaths.canvas(communityId),
        schema: canvasResponseSchema,
        token: await getToken(),
      }),
    saveSection: async ({ communityId, sectionId, content, etag }) =>
      send({
        method: "PUT",
        path: apiPaths.canvasSection(communityId, sectionId),
        schema: canvasSectionSchema,
        body: { content },
        headers: { "If-Match": etag },
        token: await getToken(),
      }),
    history: async ({ communityId, sectionId, cursor }) => {
      const query = new URLSearchParams({ section: sectionId });
      if (cursor) query.set("cursor", cursor);
      return send({
        method: "GET",
        path: `${apiPaths.canvasHistory(communityId)}?${query.toString()}`,
        schema: canvasHistoryResponseSchema,
        token: await getToken(),
      });
    },
    markReviewed: async (communityId) =>
      send({
        method: "POST",
        path: apiPaths.canvasReview(communityId),
        schema: canvasReviewResponseSchema,
        token: await getToken(),
      }),
    // Each area's calls (and the schemas of their answers) load with the area's first call.
    calendar: lazyArea(() => import("./rituals").then((area) => area.createCalendarApi(getToken))),
    library: lazyArea(() => import("./library").then((area) => area.createLibraryApi(getToken))),
    people: lazyArea(() => import("./people").then((area) => area.createPeopleApi(getToken))),
    digest: lazyArea(() => import("./digest").then((area) => area.createDigestApi(getToken))),
    retros: lazyArea(() => import("./retros").then((area) => area.createRetrosApi(getToken))),
  };
}
