/**
 * The form of a URL used to spot the same resource suggested twice. People paste the same page
 * with and without "www.", with a trailing slash, a #fragment or tracking parameters, so those
 * differences are ignored; the path and the remaining query still tell pages apart.
 */
export function normalizeResourceUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim().toLowerCase();
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, "");
  const port = parsed.port && !["80", "443"].includes(parsed.port) ? `:${parsed.port}` : "";
  const path = parsed.pathname.replace(/\/+$/, "");
  const params = [...parsed.searchParams.entries()]
    .filter(([key]) => !isTrackingParameter(key))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  // http and https lead to the same page for practical purposes.
  return `${host}${port}${path}${query}`;
}

function isTrackingParameter(key: string): boolean {
  const lower = key.toLowerCase();
  return lower.startsWith("utm_") || ["fbclid", "gclid", "mc_cid", "mc_eid", "ref"].includes(lower);
}

/** The first item whose URL is the same resource as `url`, if any (archived items count too). */
export function findDuplicateResource<T extends { url: string }>(
  url: string,
  items: readonly T[],
): T | undefined {
  const wanted = normalizeResourceUrl(url);
  return items.find((item) => normalizeResourceUrl(item.url) === wanted);
}
