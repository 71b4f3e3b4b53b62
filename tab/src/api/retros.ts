import {
  addRetroEntryResponseSchema,
  apiPaths,
  castRetroVoteResponseSchema,
  retroActionSchema,
  retroListResponseSchema,
  retroSchema,
  staleRetroDataSchema,
  type AddRetroActionRequest,
  type AddRetroEntryRequest,
  type AddRetroEntryResponse,
  type CastRetroVoteResponse,
  type Retro,
  type RetroAction,
  type RetroActionStatus,
  type RetroListResponse,
  type RetroPhase,
  type RetroTheme,
  type StartRetroRequest,
} from "@practice-hub/shared";
import { ApiRequestError } from "./errors";
import { pageQuery } from "./paging";
import { apiRequest } from "./request";

/** The retro calls; the shared ApiClient exposes them as `api.retros`. */
export interface RetrosApi {
  /** A page of the history, newest first: the first without `cursor`, else the page after it. */
  list(communityId: string, cursor?: string | null): Promise<RetroListResponse>;
  get(communityId: string, retroId: string): Promise<Retro>;
  start(communityId: string, request: StartRetroRequest): Promise<Retro>;
  /** `request.submissionKey` must stay the same when the same submission is retried. */
  addEntry(
    communityId: string,
    retroId: string,
    request: AddRetroEntryRequest,
  ): Promise<AddRetroEntryResponse>;
  /**
   * Saves the themes only if `etag` is still the retro's; a stale etag throws `stale_version`
   * carrying the current retro (read it with `staleRetroOf`).
   */
  saveThemes(props: {
    communityId: string;
    retroId: string;
    etag: string;
    themes: RetroTheme[];
  }): Promise<Retro>;
  vote(
    communityId: string,
    retroId: string,
    target: string,
    submissionKey: string,
  ): Promise<CastRetroVoteResponse>;
  move(communityId: string, retroId: string, to: RetroPhase): Promise<Retro>;
  /** `request.submissionKey` must stay the same when the same action is retried. */
  addAction(
    communityId: string,
    retroId: string,
    request: AddRetroActionRequest,
  ): Promise<RetroAction>;
  setActionStatus(
    communityId: string,
    actionId: string,
    status: RetroActionStatus,
  ): Promise<RetroAction>;
  hideEntry(props: {
    communityId: string;
    retroId: string;
    entryId: string;
    reason: string;
  }): Promise<Retro>;
}

/** Builds the retro calls over the client's token source. */
export function createRetrosApi(getToken: () => Promise<string>): RetrosApi {
  return {
    list: async (communityId, cursor) =>
      apiRequest({
        method: "GET",
        path: `${apiPaths.retros(communityId)}${pageQuery(cursor)}`,
        schema: retroListResponseSchema,
        token: await getToken(),
      }),
    get: async (communityId, retroId) =>
      apiRequest({
        method: "GET",
        path: apiPaths.retro(communityId, retroId),
        schema: retroSchema,
        token: await getToken(),
      }),
    start: async (communityId, request) =>
      apiRequest({
        method: "POST",
        path: apiPaths.retros(communityId),
        schema: retroSchema,
        body: request,
        token: await getToken(),
      }),
    addEntry: async (communityId, retroId, request) =>
      apiRequest({
        method: "POST",
        path: apiPaths.retroEntries(communityId, retroId),
        schema: addRetroEntryResponseSchema,
        body: request,
        token: await getToken(),
      }),
    saveThemes: async ({ communityId, retroId, etag, themes }) =>
      apiRequest({
        method: "PUT",
        path: apiPaths.retroThemes(communityId, retroId),
        schema: retroSchema,
        body: { themes },
        headers: { "If-Match": etag },
        token: await getToken(),
      }),
    vote: async (communityId, retroId, target, submissionKey) =>
      apiRequest({
        method: "POST",
        path: apiPaths.retroVotes(communityId, retroId),
        schema: castRetroVoteResponseSchema,
        body: { target, submissionKey },
        token: await getToken(),
      }),
    move: async (communityId, retroId, to) =>
      apiRequest({
        method: "POST",
        path: apiPaths.retroPhase(communityId, retroId),
        schema: retroSchema,
        body: { to },
        token: await getToken(),
      }),
    addAction: async (communityId, retroId, request) =>
      apiRequest({
        method: "POST",
        path: apiPaths.retroActions(communityId, retroId),
        schema: retroActionSchema,
        body: request,
        token: await getToken(),
      }),
    setActionStatus: async (communityId, actionId, status) =>
      apiRequest({
        method: "POST",
        path: apiPaths.retroActionStatus(communityId, actionId),
        schema: retroActionSchema,
        body: { status },
        token: await getToken(),
      }),
    hideEntry: async ({ communityId, retroId, entryId, reason }) =>
      apiRequest({
        method: "POST",
        path: apiPaths.retroEntryHide(communityId, retroId, entryId),
        schema: retroSchema,
        body: { reason },
        token: await getToken(),
      }),
  };
}

/** A fresh idempotency key for one submission. */
export function newSubmissionKey(): string {
  return crypto.randomUUID();
}

/** The retro as it is now, when a themes save was refused because someone else saved first. */
export function staleRetroOf(error: unknown): Retro | null {
  if (!(error instanceof ApiRequestError) || error.detail.error !== "stale_version") return null;
  const data = staleRetroDataSchema.safeParse(error.detail.data);
  return data.success ? data.data.current : null;
}
