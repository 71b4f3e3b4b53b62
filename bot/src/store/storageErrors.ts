import { RestError } from "@azure/data-tables";

/** A conditional write lost a race: the ETag no longer matches, or the row already exists. */
export class ConcurrencyError extends Error {
  override readonly name = "ConcurrencyError";
}

function statusOf(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}

/** True for a 404 from Table Storage (missing entity or table). */
export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

/** True for a 409 (entity already exists) or a 412 (ETag mismatch). */
export function isConflict(error: unknown): boolean {
  const status = statusOf(error);
  return status === 409 || status === 412;
}

/**
 * True when storage did not answer at all (connection refused, reset, timed out) or answered
 * that it is unavailable: the API turns these into 503 instead of 500.
 */
export function isStorageUnavailable(error: unknown): boolean {
  if (!(error instanceof RestError)) return false;
  const status = error.statusCode;
  return status === undefined || status === 502 || status === 503 || status === 504;
}
