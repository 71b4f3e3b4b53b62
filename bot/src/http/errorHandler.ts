import type { ApiError } from "@practice-hub/shared";
import type { NextFunction, Request, Response } from "express";
import {
  AppError,
  badRequest,
  internal,
  invalidJson,
  payloadTooLarge,
  storageUnavailable,
} from "../errors";
import type { Logger } from "../logger";
import { isStorageUnavailable } from "../store";
import { loggerOf, requestIdOf } from "./requestContext";

/** The shape body-parser gives its errors. */
interface BodyParserError {
  type: string;
  status: number;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { type?: unknown }).type === "string" &&
    typeof (error as { status?: unknown }).status === "number"
  );
}

/** Maps anything thrown to an AppError; unknown errors become a 500 with no internals. */
export function toAppError(error: unknown, bodyLimitBytes: number): AppError {
  if (error instanceof AppError) return error;
  if (isBodyParserError(error)) {
    if (error.type === "entity.too.large") return payloadTooLarge(bodyLimitBytes);
    if (error.type === "entity.parse.failed") return invalidJson();
    if (error.status >= 400 && error.status < 500) {
      return badRequest("The request body could not be read. Send UTF-8 JSON.");
    }
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
