import type { CanvasResponse, RetroListItem } from "@practice-hub/shared";
import {
  addTheme,
  assignEntry,
  canvasPurposeOf,
  pulsePoints,
  rebaseThemes,
  themeOf,
} from "./retroView";

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

describe("rebaseThemes", () => {
  const base = [{ id: "t1", title: "Meetings", entryIds: ["a"] }];

  it("keeps my grouping and adds the theme someone else saved meanwhile", () => {
    const mine = [{ id: "t1", title: "Meetings", entryIds: ["a", "b"] }];
    const theirs = [
      { id: "t1", title: "Meetings", entryIds: ["a"] },
      { id: "t2", title: "Onboarding", entryIds: ["c"] },
    ];

    const rebased = rebaseThemes({ mine, base, theirs, entryIds: ["a", "b", "c"] });

    expect(rebased.themes).toEqual([
      { id: "t1", title: "Meetings", entryIds: ["a", "b"] },
      { id: "t2", title: "Onboarding", entryIds: ["c"] },
    ]);
    expect(rebased.addedTitles).toEqual(["Onboarding"]);
  });

  it("lets my choice win where we both grouped the same entry, and renames a clashing id", () => {
    const mine = [...base, { id: "t2", title: "Tools", entryIds: ["b"] }];
    const theirs = [...base, { id: "t2", title: "Process", entryIds: ["b", "c"] }];

    const rebased = rebaseThemes({ mine, base, theirs, entryIds: ["a", "b", "c"] });

    expect(rebased.themes).toEqual([
      { id: "t1", title: "Meetings", entryIds: ["a"] },
      { id: "t2", title: "Tools", entryIds: ["b"] },
      { id: "t2-2", title: "Process", entryIds: ["c"] },
    ]);
  });

  it("keeps a theme I removed removed, and drops entries that no longer exist", () => {
    const mine = [{ id: "t3", title: "New", entryIds: ["a", "gone"] }];

    const rebased = rebaseThemes({ mine, base, theirs: base, entryIds: ["a"] });

    expect(rebased.themes).toEqual([{ id: "t3", title: "New", entryIds: ["a"] }]);
  });
});

describe("canvasPurposeOf", () => {
  function canvas(content: string): CanvasResponse {
    return {
      communityId: "c1",
      sections: [
        {
          id: "purpose",
          title: "Purpose",
          summary: "",
          prompts: [],
          content,
          version: 1,
          etag: "e",
          updatedAt: null,
          updatedBy: null,
        },
      ],
      reviewedAt: null,
      reviewedBy: null,
      allowedActions: [],
    };
  }

  it("gives the canvas purpose text, or null while nobody has written it", () => {
    expect(canvasPurposeOf(canvas(" We help PMs learn from each other. "))).toBe(
      "We help PMs learn from each other.",
    );
    expect(canvasPurposeOf(canvas("  "))).toBeNull();
  });
});
