import { z } from "zod";

/** The life of a retro, in order. */
export const retroPhases = ["collect", "group", "vote", "decide", "closed"] as const;
export const retroPhaseSchema = z.enum(retroPhases);
export type RetroPhase = z.infer<typeof retroPhaseSchema>;

/** What people can do to a retro; each is allowed in exactly one phase, except hiding. */
export type RetroActivity = "addEntry" | "groupEntries" | "vote" | "addAction" | "hideEntry";

const activityPhases: Record<RetroActivity, readonly RetroPhase[]> = {
  addEntry: ["collect"],
  groupEntries: ["group"],
  vote: ["vote"],
  addAction: ["decide"],
  // A moderator may need to hide something hurtful at any point until the retro is closed.
  hideEntry: ["collect", "group", "vote", "decide"],
};

/** The one phase that may follow each phase; closed is final. */
const successor: Record<RetroPhase, RetroPhase | null> = {
  collect: "group",
  group: "vote",
  vote: "decide",
  decide: "closed",
  closed: null,
};

/** The phase after `phase`, or null when the retro is closed. */
export function nextRetroPhase(phase: RetroPhase): RetroPhase | null {
  return successor[phase];
}

/** A transition the machine refuses, with a sentence that says why. */
export class IllegalRetroTransition extends Error {
  override readonly name = "IllegalRetroTransition";
  constructor(
    readonly from: RetroPhase,
    readonly to: RetroPhase,
  ) {
    super(
      from === "closed"
        ? "This retro is closed: start a new one instead."
        : `A retro moves from ${from} to ${successor[from] ?? "nothing"}, not to ${to}.`,
    );
  }
}

/** True only for the one step forward: collect -> group -> vote -> decide -> closed. */
export function canMoveRetro(from: RetroPhase, to: RetroPhase): boolean {
  return successor[from] === to;
}

/** The new phase, or throws IllegalRetroTransition for anything but the next phase. */
export function moveRetro(from: RetroPhase, to: RetroPhase): RetroPhase {
  if (!canMoveRetro(from, to)) throw new IllegalRetroTransition(from, to);
  return to;
}

/** True when `activity` is open in `phase`. */
export function isRetroActivityOpen(activity: RetroActivity, phase: RetroPhase): boolean {
  return activityPhases[activity].includes(phase);
}

/** Why an activity is not open now, in words for the person who tried it. */
export function retroActivityClosedMessage(activity: RetroActivity, phase: RetroPhase): string {
  if (phase === "closed") return "This retro is closed, so it cannot change any more.";
  const when: Record<RetroActivity, string> = {
    addEntry: "Entries can only be added while the retro is collecting.",
    groupEntries: "Entries can only be grouped in the group phase.",
    vote: "Votes can only be cast in the vote phase.",
    addAction: "Actions can only be added in the decide phase.",
    hideEntry: "Entries can be hidden until the retro is closed.",
  };
  return `${when[activity]} It is in the ${phase} phase now.`;
}
