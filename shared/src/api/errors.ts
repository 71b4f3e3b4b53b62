import { z } from "zod";

/** Every error the API answers with, by machine-readable code. */
export const apiErrorCodes = [
  "bad_request",
  "invalid_json",
  "unauthenticated",
  "forbidden",
  "not_found",
  "stale_version",
  /** 409: the request fits no longer (e.g. a retro moved on to another phase). */
  "conflict",
  "precondition_required",
  "payload_too_large",
  /** 429: too many requests in a short time; `Retry-After` says when to try again. */
  "rate_limited",
  "storage_unavailable",
  /** 503: the identity provider's signing keys could not be loaded, so no token can be checked. */
  "identity_unavailable",
  "internal",
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

/**
 * The one error shape (STYLE.md habit 4). `message` says what was wrong and what to do;
 * `data` carries what the caller needs to recover, such as the current version on a 412.
 */
export const apiErrorSchema = z.object({
  ok: z.literal(false),
  error: z.enum(apiErrorCodes),
  status: z.number().int(),
  message: z.string(),
  requestId: z.string(),
  data: z.unknown().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** `data` of a 400: the fields that failed, each with a message. */
export const validationErrorDataSchema = z.object({
  fields: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type ValidationErrorData = z.infer<typeof validationErrorDataSchema>;
