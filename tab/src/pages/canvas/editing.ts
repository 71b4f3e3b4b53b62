import { limits, type ApiError, type CanvasSection } from "@practice-hub/shared";
import { characterCount } from "../../format";

/**
 * The editor of one canvas section. A stale save never discards the draft: the state keeps
 * the user's text and the version someone else saved side by side until the user chooses.
 */
export type EditState =
  | { mode: "reading" }
  | {
      mode: "editing";
      /** The version the draft started from; its etag guards the first save. */
      base: CanvasSection;
      draft: string;
      saving: boolean;
      error: ApiError | null;
      /** The newer version that refused the save, while the user decides. */
      theirs: CanvasSection | null;
    };

export type EditAction =
  | { type: "start"; section: CanvasSection }
  | { type: "change"; draft: string }
  | { type: "saveStarted" }
  | { type: "saved" }
  | { type: "staleRejected"; current: CanvasSection }
  | { type: "failed"; error: ApiError }
  | { type: "appendTheirs" }
  | { type: "close" };

/** Applies one editor event. */
export function editReducer(state: EditState, action: EditAction): EditState {
  if (action.type === "start") {
    return {
      mode: "editing",
      base: action.section,
      draft: action.section.content,
      saving: false,
      error: null,
      theirs: null,
    };
  }
  if (action.type === "close" || action.type === "saved") return { mode: "reading" };
  if (state.mode !== "editing") return state;
  switch (action.type) {
    case "change":
      return { ...state, draft: action.draft };
    case "saveStarted":
      return { ...state, saving: true, error: null };
    case "staleRejected":
      return { ...state, saving: false, theirs: action.current };
    case "failed":
      return { ...state, saving: false, error: action.error };
    case "appendTheirs":
      return state.theirs
        ? { ...state, draft: `${state.draft.trimEnd()}\n\n${state.theirs.content}` }
        : state;
  }
}

/** True while leaving would lose something the user typed or has not yet decided about. */
export function hasUnsavedWork(state: EditState): boolean {
  if (state.mode !== "editing") return false;
  return state.theirs !== null || state.draft !== state.base.content;
}

/** The etag the next save must carry: the newer version's once the user chose to keep theirs. */
export function etagForSave(state: EditState): string | null {
  if (state.mode !== "editing") return null;
  return (state.theirs ?? state.base).etag;
}

/** How a section's draft measures against the limit: the count to show, and what to do when over. */
export function draftSize(
  draft: string,
  locale: string,
): { tooLong: boolean; hint: string; problem: string | undefined } {
  const max = limits.canvasSectionContent;
  const tooLong = draft.length > max;
  return {
    tooLong,
    hint: characterCount(draft.length, max, locale),
    problem: tooLong ? `Too long: shorten it to ${max} characters to save.` : undefined,
  };
}
