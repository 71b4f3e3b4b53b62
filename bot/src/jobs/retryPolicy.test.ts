import { parseRetryAfter, retryDelayMs } from "./retryPolicy";

describe("retryDelayMs", () => {
  it("waits at least what Retry-After asks", () => {
    expect(retryDelayMs({ attempt: 1, retryAfterMs: 2_000, random: () => 0 })).toBe(2_000);
    expect(retryDelayMs({ attempt: 1, retryAfterMs: 2_000, random: () => 1 })).toBeGreaterThan(
      2_000,
    );
  });

  it("doubles the backoff with each attempt and spreads it with jitter", () => {
    const lowest = [1, 2, 3].map((attempt) => retryDelayMs({ attempt, random: () => 0 }));
    const highest = [1, 2, 3].map((attempt) => retryDelayMs({ attempt, random: () => 1 }));

    expect(lowest).toEqual([125, 250, 500]);
    expect(highest).toEqual([250, 500, 1_000]);
  });

  it("caps the backoff at a minute", () => {
    expect(retryDelayMs({ attempt: 30, random: () => 1 })).toBe(60_000);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2026-11-21T10:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3_000);
  });

  it("reads an HTTP date", () => {
    expect(parseRetryAfter("Sat, 21 Nov 2026 10:00:05 GMT", now)).toBe(5_000);
  });

  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
