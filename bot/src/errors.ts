import {
  fieldProblems,
  validationSummary,
  type ApiErrorCode,
  type ValidationErrorData,
} from "@practice-hub/shared";
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

/**
 * 400 with the fields that failed. `data.fields[].path` names each field for programs and its
 * `message` is a sentence for people, so parse with the shared `parseWithSentences` (or
 * `parseWith`) to get one; the top-level message says what was refused and the first thing to
 * change, with no schema paths in it.
 */
export function validationFailed(error: z.ZodError, what = "The request"): AppError {
  const data: ValidationErrorData = { fields: fieldProblems(error) };
  return new AppError(400, "bad_request", validationSummary(what, data.fields), data);
}

/**
 * 400 for one field the schema let through but the service refuses (an owner who is not a
 * member): the same shape and wording as `validationFailed`, so the tab shows it by the field.
 */
export function fieldRefused(what: string, path: string, message: string): AppError {
  const data: ValidationErrorData = { fields: [{ path, message }] };
  return new AppError(400, "bad_request", validationSummary(what, data.fields), data);
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

/** 400: the URL has a `%` not followed by two hex digits, or escapes that are not UTF-8. */
export function brokenUrlEncoding(): AppError {
  return new AppError(
    400,
    "bad_request",
    "The address has broken percent-encoding (a % must be followed by two hex digits of UTF-8). Check the link, or encode the address again.",
  );
}

/** 400: the body does not decompress as its Content-Encoding says, or it ended early. */
export function unreadableBody(): AppError {
  return new AppError(
    400,
    "bad_request",
    "The request body could not be read: it does not match its Content-Encoding or Content-Length, or it ended early. Send it again, uncompressed or compressed as the header says.",
  );
}

/** 415: a Content-Encoding or charset the service does not read. */
export function unsupportedBodyEncoding(): AppError {
  return new AppError(
    415,
    "bad_request",
    "The request body's Content-Encoding or charset is not supported. Send UTF-8 JSON, uncompressed or as gzip, deflate or br.",
  );
}

/** Any other client error raised below the routes (express, body-parser), kept at its status. */
export function clientError(status: number): AppError {
  return new AppError(
    status,
    "bad_request",
    `The request could not be handled as sent (HTTP ${status}). Check the method, address, headers and body.`,
  );
}
