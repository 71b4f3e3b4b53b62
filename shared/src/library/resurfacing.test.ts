import { chooseEntryToResurface, type ResurfaceCandidate } from "./resurfacing";

const now = new Date("2026-11-23T09:00:00.000Z");

function entry(overrides: Partial<ResurfaceCandidate> = {}): ResurfaceCandidate {
  return {
    id: "e1",
    createdAt: "2026-01-10T00:00:00.000Z",
    lastResurfacedAt: null,
    archived: false,
    ...overrides,
  };
}

describe("chooseEntryToResurface", () => {
  it("prefers an entry never resurfaced over one resurfaced long ago", () => {
    const chosen = chooseEntryToResurface(
      [
        entry({ id: "shown", lastResurfacedAt: "2026-03-01T00:00:00.000Z" }),
        entry({ id: "never" }),
      ],
      now,
    );

    expect(chosen?.id).toBe("never");
  });

  it("skips entries resurfaced in the last 90 days", () => {
    const chosen = chooseEntryToResurface(
      [entry({ lastResurfacedAt: "2026-10-01T00:00:00.000Z" })],
      now,
    );

    expect(chosen).toBeUndefined();
  });

  it("skips archived entries, which are no longer current", () => {
    expect(chooseEntryToResurface([entry({ archived: true })], now)).toBeUndefined();
  });

  it("skips entries written in the last 30 days", () => {
    expect(
      chooseEntryToResurface([entry({ createdAt: "2026-11-10T00:00:00.000Z" })], now),
    ).toBeUndefined();
  });

  it("chooses the oldest entry among those never resurfaced", () => {
    const chosen = chooseEntryToResurface(
      [
        entry({ id: "newer", createdAt: "2026-05-01T00:00:00.000Z" }),
        entry({ id: "older", createdAt: "2025-05-01T00:00:00.000Z" }),
      ],
      now,
    );

    expect(chosen?.id).toBe("older");
  });
});
