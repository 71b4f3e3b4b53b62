import { communityIdSchema } from "@practice-hub/shared";
import { communityNotFound } from "../policies/communityAccess";

/** The community id of a route, or a 404 when it could not be one (so it is simply not found). */
export function communityIdParam(value: unknown): string {
  const parsed = communityIdSchema.safeParse(value);
  if (!parsed.success) throw communityNotFound();
  return parsed.data;
}
