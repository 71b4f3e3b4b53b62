import { z } from "zod";

/** Community ids are slugs of the name: lowercase letters, digits and dashes, safe in keys and URLs. */
export const communityIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);

/**
 * A readable id that is safe in keys and URLs: a slug of the name plus a suffix (the service
 * passes a random one, so two communities of the same name get two ids).
 */
export function communityIdFor(name: string, suffix: string): string {
  const slug = name
    .normalize("NFKD")
    // NFKD splits "é" into "e" and a combining accent; drop the accents, keep the letters.
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug === "" ? `community-${suffix}` : `${slug}-${suffix}`;
}
