import { limits, type CanvasSection } from "@practice-hub/shared";
import { draftSize, editReducer, etagForSave, hasUnsavedWork, type EditState } from "./editing";

function sectionFactory(overrides: Partial<CanvasSection> = {}): CanvasSection {
  return {
    id: "values",
    title: "Values and norms",
    summary: "How we behave.",
    prompts: [],
    content: "Be kind.",
    version: 2,
    etag: "etag-2",
    updatedAt: "2026-11-01T09:00:00.000Z",
    updatedBy: { id: "p1", displayName: "Ana Champion" },
    ...overrides,
  };
}

function editing(draft: string): EditState {
  const started = editReducer({ mode: "reading" }, { type: "start", section: sectionFactory() });
  return editReducer(started, { type: "change", draft });
}

describe("editReducer", () => {
  it("keeps the draft and the newer version side by side after a stale save", () => {
    const theirs = sectionFactory({ content: "Be kind and brief.", version: 3, etag: "etag-3" });
    const state = editReducer(editing("Be kind, always."), {
      type: "staleRejected",
      current: theirs,
    });
    expect(state).toMatchObject({ mode: "editing", draft: "Be kind, always.", theirs });
  });

  it("saves over theirs with their etag once the user keeps their own text", () => {
    const theirs = sectionFactory({ version: 3, etag: "etag-3" });
    const state = editReducer(editing("Mine"), { type: "staleRejected", current: theirs });
    expect(etagForSave(editing("Mine"))).toBe("etag-2");
    expect(etagForSave(state)).toBe("etag-3");
  });

  it("appends their text below the draft without dropping the draft", () => {
    const theirs = sectionFactory({ content: "Theirs" });
    const state = editReducer(
      editReducer(editing("Mine\n"), { type: "staleRejected", current: theirs }),
      { type: "appendTheirs" },
    );
    expect(state).toMatchObject({ draft: "Mine\n\nTheirs" });
  });
});

describe("hasUnsavedWork", () => {
  it("is false when the draft matches the saved text, and true once it differs", () => {
    expect(hasUnsavedWork(editing("Be kind."))).toBe(false);
    expect(hasUnsavedWork(editing("Be kinder."))).toBe(true);
  });

  it("stays true during a conflict even if the draft equals the old text", () => {
    const state = editReducer(editing("Be kind."), {
      type: "staleRejected",
      current: sectionFactory({ content: "Changed" }),
    });
    expect(hasUnsavedWork(state)).toBe(true);
  });
});

describe("draftSize", () => {
  it("counts a draft within the limit and finds nothing wrong", () => {
    expect(draftSize("Be kind.", "en-GB")).toEqual({
      tooLong: false,
      hint: `8 of ${new Intl.NumberFormat("en-GB").format(limits.canvasSectionContent)} characters`,
      problem: undefined,
    });
  });

  it("says how to save a draft over the limit", () => {
    const size = draftSize("x".repeat(limits.canvasSectionContent + 1), "en-GB");
    expect(size.tooLong).toBe(true);
    expect(size.problem).toBe(
      `Too long: shorten it to ${limits.canvasSectionContent} characters to save.`,
    );
  });
});
