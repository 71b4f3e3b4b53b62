import type { ApiError } from "@practice-hub/shared";
import type { NextFunction, Request, Response } from "express";
import {
  AppError,
  badRequest,
  brokenUrlEncoding,
  clientError,
  internal,
  invalidJson,
  payloadTooLarge,
  storageUnavailable,
  unreadableBody,
  unsupportedBodyEncoding,
} from "../errors";
import type { Logger } from "../logger";
import { isStorageUnavailable } from "../store";
import { loggerOf, requestIdOf } from "./requestContext";

/** What express, its router and body-parser put on the errors they raise (http-errors). */
interface HttpError {
  status: number;
  /** body-parser's kind of failure, e.g. "entity.too.large". */
  type?: string;
}

/**
 * The 4xx `status` an error carries, or null. Only `status` counts: the storage SDK's errors
 * carry `statusCode`, and a storage 404 or 409 that reaches here is our fault, not the caller's.
 */
function clientStatusOf(error: unknown): number | null {
  if (typeof error !== "object" || error === null) return null;
  const status: unknown = (error as { status?: unknown }).status;
  return typeof status === "number" && status >= 400 && status < 500 ? status : null;
}

const genericBadRequest = "The request could not be read. Check its address, headers and body.";

/** body-parser's own kinds of client error, each with a message that says what to send. */
function bodyErrorOf(error: HttpError, bodyLimitBytes: number): AppError | null {
  switch (error.type) {
    case "entity.too.large":
      return payloadTooLarge(bodyLimitBytes);
    case "entity.parse.failed":
      return invalidJson();
    case "encoding.unsupported":
    case "charset.unsupported":
      return unsupportedBodyEncoding();
    case "request.aborted":
    case "request.size.invalid":
      return unreadableBody();
    default:
      return null;
  }
}

/**
 * Maps anything thrown to an AppError. An error that carries a 4xx status (a path parameter
 * with broken percent-encoding, a body that is not the gzip its header claims) keeps that
 * status with a message saying what to fix; unknown errors become a 500 with no internals.
 */
export function toAppError(error: unknown, bodyLimitBytes: number): AppError {
  if (error instanceof AppError) return error;
  const status = clientStatusOf(error);
  if (status !== null) {
    const httpError = error as HttpError;
    const fromBody = bodyErrorOf(httpError, bodyLimitBytes);
    if (fromBody) return fromBody;
    // The router's decodeURIComponent of a path parameter failed.
    if (error instanceof URIError) return brokenUrlEncoding();
    // body-parser wraps zlib's failures (code Z_DATA_ERROR and the like) without a type.
    if (typeof (error as { code?: unknown }).code === "string" && status === 400) {
      return unreadableBody();
    }
    return status === 400 ? badRequest(genericBadRequest) : clientError(status);
  }
  if (isStorageUnavailable(error)) return storageUnavailable();
  return internal();
}

/** Renders the one error shape. */
export function sendError(res: Response, error: AppError): void {
  const body: ApiError = {
    ok: false,
    error: error.code,
    status: error.status,
    message: error.message,
    requestId: requestIdOf(res),
    ...(error.data !== undefined ? { data: error.data } : {}),
  };
  res.status(error.status).json(body);
}

/** The one error handler: logs with the request id and renders the one error shape. */
export function errorHandler(logger: Logger, bodyLimitBytes: number) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const appError = toAppError(error, bodyLimitBytes);
    const log = loggerOf(res, logger);
    if (appError.status >= 500) log.error({ err: error }, "request failed");
    else log.info({ code: appError.code, status: appError.status }, appError.message);
    sendError(res, appError);
  };
}
