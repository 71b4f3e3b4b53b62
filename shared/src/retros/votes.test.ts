import { entryTarget, freeVoteSlots, retroBallot, themeTarget, votesLeft } from "./votes";

function entry(id: string, overrides: Partial<{ text: string; hidden: boolean }> = {}) {
  return { id, text: `entry ${id}`, hidden: false, ...overrides };
}

describe("retroBallot", () => {
  it("lists themes and the entries no theme gathered, most voted first", () => {
    const ballot = retroBallot({
      entries: [entry("a"), entry("b"), entry("c")],
      themes: [{ id: "t1", title: "Meetings", entryIds: ["a", "b"] }],
      votes: [
        { target: entryTarget("c") },
        { target: entryTarget("c") },
        { target: themeTarget("t1") },
      ],
    });

    expect(ballot).toEqual([
      { target: "entry:c", title: "entry c", entryCount: 1, votes: 2 },
      { target: "theme:t1", title: "Meetings", entryCount: 2, votes: 1 },
    ]);
  });

  it("leaves hidden entries and empty themes off the ballot", () => {
    const ballot = retroBallot({
      entries: [entry("a", { hidden: true }), entry("b")],
      themes: [{ id: "t1", title: "Only hidden", entryIds: ["a"] }],
      votes: [],
    });

    expect(ballot.map((item) => item.target)).toEqual(["entry:b"]);
  });
});

describe("vote allocation", () => {
  it("lists the free slots, and none once every vote is used", () => {
    expect(freeVoteSlots(3, [])).toEqual([0, 1, 2]);
    expect(freeVoteSlots(3, [0, 2])).toEqual([1]);
    expect(freeVoteSlots(3, [0, 1, 2])).toEqual([]);
  });

  it("never reports fewer than zero votes left", () => {
    expect(votesLeft(3, 1)).toBe(2);
    expect(votesLeft(3, 5)).toBe(0);
  });
});
