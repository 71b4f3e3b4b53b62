import { parseWithSentences } from "@practice-hub/shared";
import type { Request } from "express";
import type { z } from "zod";
import { preconditionRequired, validationFailed } from "../errors";

/**
 * Parses with a zod schema or throws a 400 naming the failing fields, each with a sentence for
 * people; `what` ("The ritual") names the whole body in them.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = parseWithSentences(schema, value, what);
  if (!result.success) throw validationFailed(result.error, what);
  return result.data;
}

/**
 * The If-Match of a change to shared state, or a 428 with `refusal`. "*" is refused too: it
 * would overwrite whatever is there, and every change must name the version it was made on.
 */
export function requiredIfMatch(req: Request, refusal: string): string {
  const ifMatch = req.get("if-match")?.trim();
  if (!ifMatch || ifMatch === "*") throw preconditionRequired(refusal);
  return ifMatch;
}
