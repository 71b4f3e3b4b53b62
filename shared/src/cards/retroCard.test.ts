import type { Retro, RetroAction, RetroEntry } from "../api/retros";
import { builtInRetroFormat } from "../retros/formats";
import { retroPhases } from "../retros/phases";
import { retroBallot } from "../retros/votes";
import { retroCard, retroOwnerCard, retroSummaryCard, retroVerbs } from "./retroCard";
import { cardBytes, cardProblems } from "./testing";
import { maxCardBytes } from "./types";

const tabUrl = "https://hub.example.com/retros";
const renderKey = "3f1c2a9e-7b1d-4c55-9a0e-2b6d8f4e1a77";

function anEntry(index: number, overrides: Partial<RetroEntry> = {}): RetroEntry {
  return {
    id: `e${index}`,
    promptId: ["keep", "drop", "add"][index % 3] ?? "keep",
    text: `Entry number ${index}: ${"words ".repeat(150)}`,
    score: null,
    author: null,
    hidden: null,
    ...overrides,
  };
}

function anAction(overrides: Partial<RetroAction> = {}): RetroAction {
  return {
    id: "a1",
    retroId: "r1",
    text: "Book a room for the show and tell",
    kind: "action",
    owner: { id: "demo-member", displayName: "Ben Member" },
    dueDate: "2026-12-01",
    escalate: false,
    status: "open",
    overdue: false,
    createdAt: "2026-11-20T10:00:00.000Z",
    updatedAt: "2026-11-20T10:00:00.000Z",
    ...overrides,
  };
}

function aRetro(overrides: Partial<Retro> = {}): Retro {
  const format = builtInRetroFormat("keepDropAdd");
  return {
    id: "r1",
    communityId: "product-management",
    title: "November retro",
    format,
    phase: "collect",
    votesPerPerson: 3,
    startedAt: "2026-11-20T10:00:00.000Z",
    startedBy: { id: "demo-champion", displayName: "Ana Champion" },
    closedAt: null,
    counts: { keep: 2, drop: 1, add: 0 },
    entries: [],
    themes: [],
    voteItems: [],
    votesCast: 0,
    myVotes: [],
    actions: [],
    reviewActions: [],
    pulse: null,
    etag: "W/1",
    allowedActions: ["read", "contribute"],
    ...overrides,
  };
}

/** A retro with `count` long entries, every one voted for once. */
function bigRetro(count: number, phase: Retro["phase"]): Retro {
  const entries = Array.from({ length: count }, (_, index) => anEntry(index));
  const votes = entries.map((entry) => ({ target: `entry:${entry.id}` }));
  const voteItems = retroBallot({
    entries: entries.map((e) => ({ id: e.id, text: e.text, hidden: false })),
    themes: [],
    votes,
  });
  return aRetro({
    phase,
    entries,
    counts: { keep: 100, drop: 100, add: 100 },
    voteItems,
    votesCast: count,
    actions: Array.from({ length: 40 }, (_, index) => anAction({ id: `a${index}` })),
    reviewActions: Array.from({ length: 40 }, (_, index) => anAction({ id: `b${index}` })),
  });
}

describe("retroCard", () => {
  it("gives Add entry the key of this render, so two submissions of one card are one entry", () => {
    const otherKey = "5d2e8c10-0f3a-4b7e-8c21-6a9f3e7d2b44";
    const addEntryData = (key: string) =>
      retroCard({ renderKey: key, retro: aRetro(), tabUrl })
        .body.flatMap((element) => (element.type === "ActionSet" ? element.actions : []))
        .find((action) => action.type === "Action.Execute" && action.verb === retroVerbs.addEntry);

    expect(addEntryData(renderKey)).toMatchObject({
      data: { communityId: "product-management", retroId: "r1", renderKey },
    });
    expect(addEntryData(otherKey)).toMatchObject({ data: { renderKey: otherKey } });
  });

  it.each(retroPhases)("parses without problems in the %s phase", (phase) => {
    expect(cardProblems(retroCard({ renderKey, retro: aRetro({ phase }), tabUrl }))).toEqual([]);
  });

  it.each(retroPhases)("stays under 80 KB with 300 entries in the %s phase", (phase) => {
    const card = retroCard({ renderKey, retro: bigRetro(300, phase), tabUrl });

    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(maxCardBytes);
  });

  it("shows how many entries each prompt has while collecting, never their text", () => {
    const retro = aRetro({
      counts: { keep: 2, drop: 1, add: 0 },
      entries: [anEntry(1, { text: "secret opinion" })],
    });

    const text = JSON.stringify(retroCard({ renderKey, retro, tabUrl }));

    expect(text).toContain('"title":"Keep","value":"2 entries"');
    expect(text).toContain('"title":"Drop","value":"1 entry"');
    expect(text).not.toContain("secret opinion");
  });

  it("points the quarterly purpose prompt to the canvas, and no other format's prompts", () => {
    const quarterly = retroCard({
      renderKey,
      retro: aRetro({ format: builtInRetroFormat("quarterly"), counts: {} }),
      tabUrl,
    });
    const plain = retroCard({ renderKey, retro: aRetro(), tabUrl });

    expect(cardProblems(quarterly)).toEqual([]);
    expect(JSON.stringify(quarterly)).toMatch(
      /Is our purpose still right\?\*\* Read the purpose on the community canvas first: \[open the canvas\]\(https:\/\/hub\.example\.com\/retros\)/,
    );
    expect(JSON.stringify(plain)).not.toContain("community canvas");
  });

  it("offers the entry form with anonymity as the default while collecting", () => {
    const card = retroCard({ renderKey, retro: aRetro(), tabUrl });
    const toggle = card.body.find((element) => element.type === "Input.Toggle");

    expect(toggle).toMatchObject({ value: "anonymous", valueOn: "named" });
    expect(JSON.stringify(card)).toContain(retroVerbs.addEntry);
  });

  it("asks for a score in the pulse format", () => {
    const card = retroCard({
      renderKey,
      retro: aRetro({ format: builtInRetroFormat("pulse") }),
      tabUrl,
    });

    expect(card.body.some((e) => e.type === "Input.ChoiceSet" && e.id === "score")).toBe(true);
  });

  it("opens the retro by listing the open actions of earlier retros", () => {
    const card = retroCard({
      renderKey,
      retro: aRetro({
        reviewActions: [anAction({ text: "Write the onboarding guide", overdue: true })],
      }),
      tabUrl,
    });

    const text = JSON.stringify(card);
    expect(text).toContain("Still open from earlier retros");
    expect(text).toContain("Write the onboarding guide");
    expect(text).toContain("**overdue**");
  });

  it("escapes entry text so it cannot link, mention or format", () => {
    const retro = aRetro({
      phase: "vote",
      voteItems: [
        {
          target: "entry:e1",
          title: "[click](https://evil.example) <at>All</at> **loud**",
          entryCount: 1,
          votes: null,
        },
      ],
    });

    const texts = retroCard({ renderKey, retro, tabUrl }).body.flatMap((element) =>
      element.type === "Container"
        ? element.items.flatMap((item) => (item.type === "TextBlock" ? [item.text] : []))
        : [],
    );

    const line = texts.find((text) => text.includes("click")) ?? "";
    expect(line).toContain("\\[click\\]");
    expect(line).not.toMatch(/https?:\/\//);
    expect(line).toContain("\\<at\\>");
    expect(line).toContain("\\*\\*loud\\*\\*");
  });

  it("offers the next phase as a button and none once closed", () => {
    const card = retroCard({ renderKey, retro: aRetro({ phase: "vote" }), tabUrl });

    expect(card.actions?.[0]).toMatchObject({
      type: "Action.Execute",
      verb: retroVerbs.move,
      data: { to: "decide", retroId: "r1", communityId: "product-management" },
    });
    expect(
      JSON.stringify(retroCard({ renderKey, retro: aRetro({ phase: "closed" }), tabUrl })),
    ).not.toContain(retroVerbs.move);
  });
});

describe("retroSummaryCard", () => {
  it("lists the top themes with their votes and the actions with owners", () => {
    const retro = aRetro({
      phase: "closed",
      voteItems: [
        { target: "theme:t1", title: "Too many meetings", entryCount: 3, votes: 5 },
        { target: "entry:e2", title: "Nobody reads the wiki", entryCount: 1, votes: 0 },
      ],
      actions: [anAction({ escalate: true, kind: "learningGoal", text: "Learn to use OKRs well" })],
    });

    const card = retroSummaryCard({ retro, tabUrl });
    const text = JSON.stringify(card);

    expect(cardProblems(card)).toEqual([]);
    expect(text).toContain('"title":"Too many meetings","value":"5 votes"');
    expect(text).not.toContain("Nobody reads the wiki");
    expect(text).toContain("Learn to use OKRs well: Ben Member, due 2026-12-01");
    expect(text).toContain("learning goal, escalated to leadership");
  });

  it("reports the pulse average when the format is scored", () => {
    const retro = aRetro({ phase: "closed", pulse: { average: 3.5, count: 4 } });

    expect(JSON.stringify(retroSummaryCard({ retro, tabUrl }))).toContain("Pulse: 3.5 out of 5");
  });
});

describe("retroOwnerCard", () => {
  const ownerMri = "29:1bSnHZ7Js2STWrgk6ScEErLk1Lp2zQuD5H2qQ960rtvs";

  function ownerCard(action: RetroAction, mri: string | null = ownerMri) {
    return retroOwnerCard({
      action,
      communityId: "product-management",
      communityName: "Product Management",
      retroTitle: "November retro",
      tabUrl,
      ownerMri: mri,
    });
  }

  it("asks Teams to refresh it for its owner with the read-only verb while the action is open", () => {
    const card = ownerCard(anAction({ id: "r1-abc", status: "needHelp" }));

    expect(cardProblems(card)).toEqual([]);
    expect(card.refresh).toEqual({
      action: {
        type: "Action.Execute",
        title: "Refresh",
        verb: retroVerbs.refreshAction,
        data: { communityId: "product-management", actionId: "r1-abc" },
      },
      userIds: [ownerMri],
    });
  });

  it("leaves userIds out when the owner's Teams id is unknown, so the personal chat still refreshes", () => {
    const card = ownerCard(anAction(), null);

    expect(card.refresh?.action.verb).toBe(retroVerbs.refreshAction);
    expect(card.refresh).not.toHaveProperty("userIds");
  });

  it("stops refreshing once the action is done: nothing about it can change with time", () => {
    expect(ownerCard(anAction({ status: "done", overdue: false })).refresh).toBeUndefined();
  });

  it("says Overdue, with the due date, once the action is overdue", () => {
    const overdue = JSON.stringify(ownerCard(anAction({ overdue: true, dueDate: "2026-11-19" })));
    const onTime = JSON.stringify(ownerCard(anAction({ overdue: false })));

    expect(overdue).toContain("**Overdue**: this was due on 2026-11-19.");
    expect(overdue).toContain("2026-11-19 (overdue)");
    expect(onTime).not.toMatch(/overdue/i);
  });

  it("offers done and need help while the action is open", () => {
    const card = ownerCard(anAction());

    expect(cardProblems(card)).toEqual([]);
    expect(card.actions?.map((action) => action.title)).toEqual([
      "Done",
      "I need help",
      "Open in Practice Hub",
    ]);
  });

  it("offers only done once the owner asked for help, and nothing once done", () => {
    expect(ownerCard(anAction({ status: "needHelp" })).actions?.map((a) => a.title)).toEqual([
      "Done",
      "Open in Practice Hub",
    ]);
    expect(ownerCard(anAction({ status: "done" })).actions?.map((a) => a.title)).toEqual([
      "Open in Practice Hub",
    ]);
  });
});
