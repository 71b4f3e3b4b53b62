import {
  IllegalRetroTransition,
  canMoveRetro,
  isRetroActivityOpen,
  moveRetro,
  nextRetroPhase,
  retroPhases,
  type RetroPhase,
} from "./phases";

const legal: [RetroPhase, RetroPhase][] = [
  ["collect", "group"],
  ["group", "vote"],
  ["vote", "decide"],
  ["decide", "closed"],
];

const illegal = retroPhases.flatMap((from) =>
  retroPhases
    .filter((to) => !legal.some(([a, b]) => a === from && b === to))
    .map((to) => [from, to] as [RetroPhase, RetroPhase]),
);

describe("the retro phase machine", () => {
  it.each(legal)("moves from %s to %s", (from, to) => {
    expect(canMoveRetro(from, to)).toBe(true);
    expect(moveRetro(from, to)).toBe(to);
  });

  it("refuses all twenty-one other pairs of phases", () => {
    expect(illegal).toHaveLength(retroPhases.length * retroPhases.length - legal.length);
  });

  it.each(illegal)("refuses to move from %s to %s", (from, to) => {
    expect(canMoveRetro(from, to)).toBe(false);
    expect(() => moveRetro(from, to)).toThrow(IllegalRetroTransition);
  });

  it("explains that a closed retro cannot reopen", () => {
    expect(() => moveRetro("closed", "collect")).toThrow(/closed/);
  });

  it("names the phase that would have been allowed", () => {
    expect(() => moveRetro("collect", "vote")).toThrow("from collect to group, not to vote");
  });

  it("walks every phase in order and ends at closed", () => {
    const walked: RetroPhase[] = ["collect"];
    let next = nextRetroPhase("collect");
    while (next) {
      walked.push(next);
      next = nextRetroPhase(next);
    }
    expect(walked).toEqual([...retroPhases]);
  });

  it("takes entries only while collecting", () => {
    expect(retroPhases.filter((phase) => isRetroActivityOpen("addEntry", phase))).toEqual([
      "collect",
    ]);
  });

  it("takes votes only in the vote phase and actions only in the decide phase", () => {
    expect(retroPhases.filter((phase) => isRetroActivityOpen("vote", phase))).toEqual(["vote"]);
    expect(retroPhases.filter((phase) => isRetroActivityOpen("addAction", phase))).toEqual([
      "decide",
    ]);
  });

  it("lets moderators hide entries in every phase but closed", () => {
    expect(isRetroActivityOpen("hideEntry", "closed")).toBe(false);
    expect(isRetroActivityOpen("hideEntry", "vote")).toBe(true);
  });
});
