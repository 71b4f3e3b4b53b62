import {
  apiErrorSchema,
  staleCanvasSectionDataSchema,
  validationErrorDataSchema,
  type ApiError,
  type CanvasSection,
  type FieldProblem,
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

/** The fields a 400 named, each with its sentence; empty for any other error. */
export function fieldProblemsOf(error: ApiError): FieldProblem[] {
  if (error.error !== "bad_request") return [];
  const data = validationErrorDataSchema.safeParse(error.data);
  return data.success ? data.data.fields : [];
}

/**
 * Which form field shows the problems at each API path. A path also covers the paths below it
 * ("schedule.recurrence" covers "schedule.recurrence.interval"), and the longest match wins.
 */
export type FieldPlacement<F extends string> = Readonly<Record<string, F>>;

/** An error laid out on a form: sentences beside fields, and what is left for the whole form. */
export interface FormErrors<F extends string> {
  /** The sentence to show beside each field (the first, when several paths land on one). */
  fields: Partial<Record<F, string>>;
  /**
   * What the form shows above its fields: the API's message for an error not about fields, or
   * the sentences of the fields this form does not show; null when every problem is by a field.
   */
  form: ApiError | null;
}

function placeOf<F extends string>(path: string, placement: FieldPlacement<F>): F | null {
  let best: string | null = null;
  for (const key of Object.keys(placement)) {
    const covers = path === key || path.startsWith(`${key}.`);
    if (covers && (best === null || key.length > best.length)) best = key;
  }
  return best === null ? null : (placement[best] ?? null);
}

/** Lays an API error out on a form whose fields are placed by `placement`. */
export function formErrorsOf<F extends string>(
  error: ApiError,
  placement: FieldPlacement<F>,
): FormErrors<F> {
  const problems = fieldProblemsOf(error);
  if (problems.length === 0) return { fields: {}, form: error };
  const fields: Partial<Record<F, string>> = {};
  const elsewhere: string[] = [];
  for (const problem of problems) {
    const field = placeOf(problem.path, placement);
    if (field === null) elsewhere.push(problem.message);
    else fields[field] ??= problem.message;
  }
  return {
    fields,
    form: elsewhere.length === 0 ? null : { ...error, message: elsewhere.join(" ") },
  };
}
