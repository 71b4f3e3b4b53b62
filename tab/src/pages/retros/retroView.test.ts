import type { RetroListItem } from "@practice-hub/shared";
import { addTheme, assignEntry, pulsePoints, themeOf } from "./retroView";

function listItem(overrides: Partial<RetroListItem> = {}): RetroListItem {
  return {
    id: "r1",
    title: "Pulse",
    formatId: "pulse",
    phase: "closed",
    startedAt: "2026-10-01T09:00:00.000Z",
    closedAt: "2026-10-02T09:00:00.000Z",
    topThemes: [],
    pulse: { average: 3.5, count: 4 },
    ...overrides,
  };
}

describe("grouping helpers", () => {
  it("moves an entry from one theme to another, keeping it in one theme only", () => {
    const themes = addTheme(addTheme([], "Meetings"), "Onboarding");
    const inFirst = assignEntry(themes, "e1", "t1");
    const moved = assignEntry(inFirst, "e1", "t2");

    expect(themeOf(moved, "e1")).toBe("t2");
    expect(moved.flatMap((theme) => theme.entryIds)).toEqual(["e1"]);
  });

  it("takes an entry out of every theme", () => {
    const themes = assignEntry(addTheme([], "Meetings"), "e1", "t1");

    expect(themeOf(assignEntry(themes, "e1", null), "e1")).toBeNull();
  });

  it("gives a new theme an id no other theme has", () => {
    const themes = addTheme([{ id: "t2", title: "Taken", entryIds: [] }], "New");

    expect(new Set(themes.map((theme) => theme.id)).size).toBe(2);
  });
});

describe("pulsePoints", () => {
  it("plots scored pulse retros oldest first and skips other formats", () => {
    const points = pulsePoints([
      listItem({ id: "b", startedAt: "2026-11-01T09:00:00.000Z", pulse: { average: 4, count: 3 } }),
      listItem({ id: "a" }),
      listItem({ id: "k", formatId: "keepDropAdd", pulse: null }),
    ]);

    expect(points.map((point) => point.id)).toEqual(["a", "b"]);
  });
});
