import {
  apiErrorSchema,
  staleCanvasSectionDataSchema,
  type ApiError,
  type CanvasSection,
} from "@practice-hub/shared";

/** Thrown by the client for every failed call; `detail` is always the API's one error shape. */
export class ApiRequestError extends Error {
  constructor(readonly detail: ApiError) {
    super(detail.message);
    this.name = "ApiRequestError";
  }
}

/**
 * Turns a failed response into the one error shape. The service always answers that shape; a
 * proxy or a missing service may not, so anything else becomes an error with a useful message.
 */
export function toApiError(status: number, body: unknown, requestId: string | null): ApiError {
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  return {
    ok: false,
    error: status === 401 ? "unauthenticated" : status === 404 ? "not_found" : "internal",
    status,
    message:
      status >= 500 || status === 0
        ? "Practice Hub is not answering right now. Try again in a moment."
        : `Practice Hub answered with an unexpected error (HTTP ${status}). Try again, and tell your admin if it keeps happening.`,
    requestId: requestId ?? "",
  };
}

/** The error for a call that never got an answer (offline, DNS, the service is down). */
export function networkError(): ApiError {
  return {
    ok: false,
    error: "internal",
    status: 0,
    message: "Could not reach Practice Hub. Check your connection and try again.",
    requestId: "",
  };
}

/** The error for an answer that does not match the contract: a tab and service out of step. */
export function contractError(status: number, requestId: string | null): ApiError {
  return {
    ok: false,
    error: "internal",
    status,
    message:
      "Practice Hub sent an answer this page does not understand. Reload the page to update it.",
    requestId: requestId ?? "",
  };
}

/** The section as it is now, when a save was refused because someone else saved first. */
export function staleSectionOf(error: unknown): CanvasSection | null {
  if (!(error instanceof ApiRequestError) || error.detail.error !== "stale_version") return null;
  const data = staleCanvasSectionDataSchema.safeParse(error.detail.data);
  return data.success ? data.data.current : null;
}

/** The one error shape for anything thrown, so screens render one kind of error. */
export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiRequestError) return error.detail;
  return networkError();
}

/** The error for a token the host would not give (Teams SSO refused, consent missing). */
export function signInError(): ApiError {
  return {
    ok: false,
    error: "unauthenticated",
    status: 401,
    message:
      "Teams could not sign you in to Practice Hub. Reload the tab; if it keeps happening, ask your Teams admin to grant the app consent.",
    requestId: "",
  };
}
