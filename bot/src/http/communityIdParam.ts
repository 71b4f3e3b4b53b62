import { z } from "zod";
import { communityNotFound } from "../policies/communityAccessChecker";

/** Community ids are slugs; anything else cannot exist, so it is simply not found. */
const communityIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);

/** The community id of a route, or a 404 when it could not be one. */
export function communityIdParam(value: unknown): string {
  const parsed = communityIdSchema.safeParse(value);
  if (!parsed.success) throw communityNotFound();
  return parsed.data;
}
