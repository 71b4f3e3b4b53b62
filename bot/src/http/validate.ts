import type { z } from "zod";
import { validationFailed } from "../errors";

/** Parses with a zod schema or throws a 400 naming the failing fields. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(result.error, what);
  return result.data;
}
