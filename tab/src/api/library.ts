import {
  apiPaths,
  handbookEntrySchema,
  libraryResourceSchema,
  libraryResponseSchema,
  suggestResourceResponseSchema,
  type HandbookEntry,
  type LibraryResource,
  type LibraryResponse,
  type ResourceDecisionRequest,
  type SaveHandbookEntryRequest,
  type SuggestResourceRequest,
  type SuggestResourceResponse,
} from "@practice-hub/shared";
import { pageQuery } from "./paging";
import { apiRequest } from "./request";

/** The library's calls; the shared ApiClient exposes them as `api.library`. */
export interface LibraryApi {
  /** A page of the library: the first without `cursor`, else the page after it. */
  library(communityId: string, cursor?: string | null): Promise<LibraryResponse>;
  /** A new suggestion, or the resource that already has the same page. */
  suggest(communityId: string, request: SuggestResourceRequest): Promise<SuggestResourceResponse>;
  /** A curator's decision, if `resource.etag` is still current. */
  decide(props: {
    communityId: string;
    resource: LibraryResource;
    decision: ResourceDecisionRequest;
  }): Promise<LibraryResource>;
  /** Creates an entry (no `entry`) or saves a new version of `entry` against its etag. */
  saveHandbookEntry(props: {
    communityId: string;
    entry?: HandbookEntry;
    request: SaveHandbookEntryRequest;
  }): Promise<HandbookEntry>;
}

/** Builds the library calls over the client's token source. */
export function createLibraryApi(getToken: () => Promise<string>): LibraryApi {
  return {
    library: async (communityId, cursor) =>
      apiRequest({
        method: "GET",
        path: `${apiPaths.library(communityId)}${pageQuery(cursor)}`,
        schema: libraryResponseSchema,
        token: await getToken(),
      }),
    suggest: async (communityId, request) =>
      apiRequest({
        method: "POST",
        path: apiPaths.libraryResources(communityId),
        schema: suggestResourceResponseSchema,
        body: request,
        token: await getToken(),
      }),
    decide: async ({ communityId, resource, decision }) =>
      apiRequest({
        method: "POST",
        path: apiPaths.libraryDecision(communityId, resource.id),
        schema: libraryResourceSchema,
        body: decision,
        headers: { "If-Match": resource.etag },
        token: await getToken(),
      }),
    saveHandbookEntry: async ({ communityId, entry, request }) =>
      apiRequest({
        method: entry ? "PUT" : "POST",
        path: entry
          ? apiPaths.handbookEntry(communityId, entry.id)
          : apiPaths.handbook(communityId),
        schema: handbookEntrySchema,
        body: request,
        ...(entry ? { headers: { "If-Match": entry.etag } } : {}),
        token: await getToken(),
      }),
  };
}
