/** The zones a time zone picker offers, split into the suggested ones and all the others. */
export interface TimeZoneChoices {
  suggested: string[];
  others: string[];
}

/** Every IANA zone this browser knows; empty where Intl cannot list them. */
function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}

/**
 * The suggested zones first, without repeats or blanks, in the order given; then every zone the
 * browser knows, alphabetically, less the suggested ones.
 */
export function timeZoneChoices(
  suggested: readonly string[],
  known: readonly string[] = knownZones(),
): TimeZoneChoices {
  const first = [...new Set(suggested.filter((zone) => zone.trim() !== ""))];
  const taken = new Set(first);
  const others = [...new Set(known)].filter((zone) => !taken.has(zone)).sort();
  return { suggested: first, others };
}

/** True when what someone typed names the zone: "new york" finds America/New_York. */
export function zoneMatches(zone: string, query: string): boolean {
  const words = query.trim().toLowerCase().replace(/[_/]+/g, " ");
  if (words === "") return true;
  return zone.toLowerCase().replace(/[_/]+/g, " ").includes(words);
}
