import type { ApiErrorCode, ValidationErrorData } from "@practice-hub/shared";
import type { z } from "zod";

/**
 * An error the API answers with on purpose. The one error handler renders it as
 * `{ ok: false, error, status, message, requestId, data }`; anything else becomes a 500.
 */
export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/** 400 with the fields that failed, built from a zod error. */
export function validationFailed(error: z.ZodError, what = "The request"): AppError {
  const fields = error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
  const data: ValidationErrorData = { fields };
  const first = fields[0];
  const detail = first ? ` ${first.path}: ${first.message}` : "";
  return new AppError(400, "bad_request", `${what} is not valid.${detail}`, data);
}

/** 400 for a request that is wrong in a way not tied to a body field. */
export function badRequest(message: string): AppError {
  return new AppError(400, "bad_request", message);
}

/** 400 for a body that is not JSON. */
export function invalidJson(): AppError {
  return new AppError(
    400,
    "invalid_json",
    "The request body is not valid JSON. Send a JSON object with Content-Type: application/json.",
  );
}

/** 401: no token, or one that did not verify. */
export function unauthenticated(
  message = "Sign in again: the request carries no valid bearer token.",
): AppError {
  return new AppError(401, "unauthenticated", message);
}

/** 403: the caller is known but may not do this. */
export function forbidden(message: string): AppError {
  return new AppError(403, "forbidden", message);
}

/** 404: unknown route, or something the caller's tenant does not have. */
export function notFound(message: string): AppError {
  return new AppError(404, "not_found", message);
}

/** 409: the request no longer fits the resource's state (a retro moved on, a lost race). */
export function conflict(message: string): AppError {
  return new AppError(409, "conflict", message);
}

/** 412: the caller edited an old version; `data.current` lets them merge. */
export function staleVersion(message: string, data: unknown): AppError {
  return new AppError(412, "stale_version", message, data);
}

/** 428: an update came without If-Match. */
export function preconditionRequired(message: string): AppError {
  return new AppError(428, "precondition_required", message);
}

/** 413: the body is over the limit. */
export function payloadTooLarge(limitBytes: number): AppError {
  return new AppError(
    413,
    "payload_too_large",
    `The request body is larger than ${Math.round(limitBytes / 1024)} KB. Send less text.`,
  );
}

/** 503: Table Storage did not answer. */
export function storageUnavailable(): AppError {
  return new AppError(
    503,
    "storage_unavailable",
    "Storage is not answering right now. Try again in a moment.",
  );
}

/** Whose limit a 429 is about: one person's, their whole organisation's, or one network address's. */
export type RateLimitScope = "person" | "tenant" | "address";

/** 429: a rate limit is full; the caller also sets `Retry-After` to `retryAfterSeconds`. */
export function tooManyRequests(props: {
  scope: RateLimitScope;
  retryAfterSeconds: number;
}): AppError {
  const wait =
    props.retryAfterSeconds <= 1 ? "a second" : `${Math.ceil(props.retryAfterSeconds)} seconds`;
  const who = {
    person: "You have sent",
    tenant: "Your organisation has sent",
    address: "Your network address has sent",
  }[props.scope];
  return new AppError(
    429,
    "rate_limited",
    `${who} too many requests in a short time. Try again in ${wait}.`,
  );
}

/** 503: the identity provider's signing keys could not be loaded, so the token cannot be checked. */
export function identityProviderUnavailable(): AppError {
  return new AppError(
    503,
    "identity_unavailable",
    "Sign-in cannot be checked right now because Microsoft Entra ID is not answering. Try again in a minute.",
  );
}

/** 500: the message never carries internals. */
export function internal(): AppError {
  return new AppError(500, "internal", "Something went wrong on our side. Try again later.");
}
