/** Who is calling, taken only from a verified token: never from the request body or URL. */
export interface Actor {
  tenantId: string;
  userId: string;
  displayName: string;
}

/**
 * Clock skew allowed when checking a token's `exp`, `nbf` and `iat`: the service's clock and the
 * token issuer's may disagree by this much without a valid token being refused.
 */
export const tokenClockToleranceSeconds = 120;

/** Tenant ids are GUIDs in Entra; anything else could not be a partition key we wrote. */
const tenantIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** User ids become part of RowKeys, so they are limited to characters keys allow. */
const userIdPattern = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Builds an Actor from verified claims, or null when they are missing or unusable as keys.
 */
export function actorFromClaims(claims: {
  tid?: unknown;
  userId?: unknown;
  name?: unknown;
}): Actor | null {
  const { tid, userId, name } = claims;
  if (typeof tid !== "string" || !tenantIdPattern.test(tid)) return null;
  if (typeof userId !== "string" || !userIdPattern.test(userId)) return null;
  const displayName = typeof name === "string" && name.trim() !== "" ? name.trim() : userId;
  return { tenantId: tid.toLowerCase(), userId, displayName };
}
