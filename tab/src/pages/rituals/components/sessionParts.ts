import { makeStyles, tokens } from "@fluentui/react-components";
import type { Occurrence } from "@practice-hub/shared";

/** The layout shared by the parts of a session's panel. */
export const useSessionStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalS, marginBlock: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
});

/** What every part of the panel is given: the session, and the panel's one way to change it. */
export interface SessionPartProps {
  occurrence: Occurrence;
  communityId: string;
  /** True while a change is under way. */
  busy: boolean;
  /**
   * Runs a change and announces `done`: the session as answered replaces the shown one, or the
   * calendar loads again when `work` answers null (the rotation decides who runs it).
   */
  run(work: () => Promise<Occurrence | null>, done: string): void;
}
