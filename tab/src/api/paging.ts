/**
 * Adds a later page of a list to what is shown: items already on screen (someone added by hand,
 * say, then met again on a later page) keep their place and their newest version.
 */
export function appendPage<T>(shown: readonly T[], page: readonly T[], idOf: (item: T) => string) {
  const fresh = new Map(page.map((item) => [idOf(item), item]));
  const kept = shown.map((item) => fresh.get(idOf(item)) ?? item);
  const shownIds = new Set(shown.map(idOf));
  return [...kept, ...page.filter((item) => !shownIds.has(idOf(item)))];
}

/**
 * `?cursor=&limit=` for a page of a list (without a cursor, the first page), then any of the
 * list's own parameters (`extra`).
 */
export function pageQuery(
  cursor: string | null | undefined,
  limit?: number,
  extra: Record<string, string> = {},
): string {
  const query = new URLSearchParams();
  if (cursor) query.set("cursor", cursor);
  if (limit !== undefined) query.set("limit", String(limit));
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  const text = query.toString();
  return text ? `?${text}` : "";
}
