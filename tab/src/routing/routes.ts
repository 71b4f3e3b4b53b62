/**
 * The tab's addresses. They live in the URL's hash (`/?community=c1#/retros/r1`): the service
 * serves the tab at `/`, `/personal` and `/config`, and Teams loads exactly the saved contentUrl,
 * so the path and query stay what Teams and the manifest know, and everything after `#` is the
 * tab's own. A hash survives a reload, works inside Teams' iframe, and needs no server fallback.
 */

/** The areas of the app, one per navigation tab (and per folder under tab/src/pages). */
export const areas = [
  "communities",
  "canvas",
  "calendar",
  "retros",
  "library",
  "people",
  "health",
] as const;

/** One area of the app. */
export type Area = (typeof areas)[number];

/** Builds the address of each page and of each thing with one. */
export const appPaths = {
  area: (area: Area) => `/${area}`,
  /** A session of a ritual, named by its ritual and the date it was planned for. */
  session: (ritualId: string, originalDate: string) =>
    `/calendar/sessions/${encodeURIComponent(ritualId)}/${encodeURIComponent(originalDate)}`,
  retro: (retroId: string) => `/retros/${encodeURIComponent(retroId)}`,
  resource: (resourceId: string) => `/library/resources/${encodeURIComponent(resourceId)}`,
} as const;

/** What an address names: an area, or one thing in it. */
export type Address =
  | { kind: "area"; area: Area }
  | { kind: "session"; area: "calendar"; ritualId: string; date: string }
  | { kind: "retro"; area: "retros"; retroId: string }
  | { kind: "resource"; area: "library"; resourceId: string };

function isArea(value: string): value is Area {
  return (areas as readonly string[]).includes(value);
}

/** A path segment as it was before appPaths encoded it; null when it does not decode. */
function decoded(segment: string | undefined): string | null {
  if (!segment) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Reads an address (the part after `#`). The root, and an address the tab does not know, land on
 * `landing` (an old bookmark lands somewhere useful rather than on a blank page); an area's
 * address with a thing the tab cannot read names the area.
 */
export function readAddress(location: string, landing: Area): Address {
  const [first = "", ...more] = location.split("/").filter((segment) => segment !== "");
  if (!isArea(first)) return { kind: "area", area: landing };
  const ids = more.map(decoded);
  if (first === "calendar" && more.length === 3 && more[0] === "sessions" && ids[1] && ids[2]) {
    return { kind: "session", area: first, ritualId: ids[1], date: ids[2] };
  }
  if (first === "retros" && more.length === 1 && ids[0]) {
    return { kind: "retro", area: first, retroId: ids[0] };
  }
  if (first === "library" && more.length === 2 && more[0] === "resources" && ids[1]) {
    return { kind: "resource", area: first, resourceId: ids[1] };
  }
  return { kind: "area", area: first };
}
