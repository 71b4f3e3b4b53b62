import type { CommunityDigestInput, DigestInput, DigestPickCandidate } from "./composer";

/** A fixed "now" for digest tests and previews: Monday 23 November 2026, 09:00 UTC. */
export const digestTestNow = new Date("2026-11-23T09:00:00.000Z");

/** An ISO instant `days` after the test clock (negative for the past). */
export function digestTestDay(days: number): string {
  return new Date(digestTestNow.getTime() + days * 86_400_000).toISOString();
}

/** A calendar date (YYYY-MM-DD) `days` after the test clock's UTC date. */
export function digestTestDate(days: number): string {
  return digestTestDay(days).slice(0, 10);
}

/** Builds an approved pick for tests. */
export function pickFactory(overrides: Partial<DigestPickCandidate> = {}): DigestPickCandidate {
  return {
    id: "pick-1",
    title: "Opportunity solution trees",
    url: "https://example.com/ost",
    why: "A way to connect outcomes with experiments.",
    section: "frameworks",
    approvedAt: digestTestDay(-2),
    ...overrides,
  };
}

/** Builds one community's digest input with nothing to say; tests add what they need. */
export function communityInputFactory(
  overrides: Partial<CommunityDigestInput> = {},
): CommunityDigestInput {
  return {
    communityId: "product-management",
    name: "Product Management",
    tabUrl: "https://hub.example.com/?community=product-management",
    membershipChanges: [],
    picks: [],
    sentPickIds: [],
    handbook: [],
    signals: [],
    ...overrides,
  };
}

/** Builds a digest input for a head of profession. */
export function digestInputFactory(overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    recipient: { id: "head-1", displayName: "Hana Head" },
    audience: "lead",
    week: "2026-W48",
    now: digestTestNow,
    timeZone: "UTC",
    communities: [communityInputFactory()],
    ...overrides,
  };
}
