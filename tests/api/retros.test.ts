import {
  apiErrorSchema,
  apiPaths,
  retroListResponseSchema,
  retroSchema,
  staleRetroDataSchema,
  type CastRetroVoteResponse,
  type Retro,
  type RetroAction,
} from "@practice-hub/shared";
import { randomUUID } from "node:crypto";
import { outsiderCommunityId } from "../../bot/src/local/seed";
import { apiClient, type ApiClient } from "../support/api";
import { memberCommunityFactory } from "../support/factories";
import {
  entryFactory,
  entryRequestFactory,
  moveRetroTo,
  retroClock,
  retroFactory,
} from "../support/retroFactories";
import { startStack, type Stack } from "../support/stack";

let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let community: string;
/** The service's clock: due dates are set from it, so none of them depends on today's date. */
const clock = retroClock();

beforeAll(async () => {
  stack = await startStack({ now: clock.now, extraConfig: { JOBS_ENABLED: false } });
  api = apiClient(stack);
  community = (await memberCommunityFactory(api)).id;
});

afterAll(async () => {
  await stack?.stop();
});

const retroPath = (retro: Pick<Retro, "id">, rest = "") =>
  `${apiPaths.retro(community, retro.id)}${rest}`;

async function read(retro: Pick<Retro, "id">, as: "demo-champion" | "demo-member" = "demo-member") {
  const response = await api.get(retroPath(retro), { as });
  expect(response.status).toBe(200);
  return retroSchema.parse(response.body);
}

function vote(retro: Pick<Retro, "id">, target: string, as: "demo-champion" | "demo-member") {
  return api.post<CastRetroVoteResponse>(retroPath(retro, "/votes"), {
    as,
    body: { target, submissionKey: randomUUID() },
  });
}

describe("starting a retro", () => {
  it("lets a champion start a retro in the collect phase with every prompt at zero", async () => {
    const retro = await retroFactory(api, community, { format: "quarterly" });

    expect(retroSchema.parse(retro).phase).toBe("collect");
    expect(retro.format.prompts.map((prompt) => prompt.id)).toContain("purpose");
    expect(Object.values(retro.counts).every((count) => count === 0)).toBe(true);
    expect(retro.allowedActions).toEqual(["read", "contribute", "facilitate", "moderate"]);
  });

  it("starts a champion's custom format with its own prompts", async () => {
    const retro = await retroFactory(api, community, {
      format: "custom",
      custom: { title: "Sailboat", prompts: [{ label: "Wind" }, { label: "Anchors" }] },
    });

    expect(retro.format.prompts.map((prompt) => prompt.label)).toEqual(["Wind", "Anchors"]);
  });

  it("refuses a member with 403 and another tenant's person with 404", async () => {
    const asMember = await api.post(apiPaths.retros(community), {
      as: "demo-member",
      body: { format: "keepDropAdd" },
    });
    const asOutsider = await api.post(apiPaths.retros(community), {
      as: "demo-outsider",
      body: { format: "keepDropAdd" },
    });

    expect(asMember.status).toBe(403);
    expect(apiErrorSchema.parse(asMember.body).message).toContain("facilitators");
    expect(asOutsider.status).toBe(404);
  });

  it("refuses a custom format without prompts with the field that failed", async () => {
    const response = await api.post(apiPaths.retros(community), {
      as: "demo-champion",
      body: { format: "custom" },
    });

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain("custom");
  });

  it("keeps another tenant out of its own community's retros", async () => {
    const response = await api.get(apiPaths.retros(outsiderCommunityId), { as: "demo-member" });

    expect(response.status).toBe(404);
  });
});

describe("collecting entries", () => {
  it("shows counts per prompt but no entry text while collecting", async () => {
    const retro = await retroFactory(api, community);
    await entryFactory(api, retro, { promptId: "drop", text: "Long status meetings" });

    const seen = await read(retro);

    expect(seen.counts).toEqual({ keep: 0, drop: 1, add: 0 });
    expect(seen.entries).toEqual([]);
    expect(seen.voteItems).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain("Long status meetings");
  });

  it("stores one entry for a repeated submission key, even when sent in parallel", async () => {
    const retro = await retroFactory(api, community);
    const request = entryRequestFactory();

    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.post<{ created: boolean; entryId: string }>(retroPath(retro, "/entries"), {
          as: "demo-member",
          body: request,
        }),
      ),
    );

    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(4);
    expect(new Set(responses.map((r) => r.body.entryId)).size).toBe(1);
    expect((await read(retro)).counts["keep"]).toBe(1);
  });

  it("shows a named entry with its author and an anonymous one without", async () => {
    const retro = await retroFactory(api, community);
    await entryFactory(api, retro, { text: "Named thought", anonymous: false });
    await entryFactory(api, retro, { text: "Quiet thought" });
    const grouped = await moveRetroTo(api, retro, "group");

    const byText = new Map(grouped.entries.map((entry) => [entry.text, entry]));
    expect(byText.get("Named thought")?.author).toEqual({
      id: "demo-member",
      displayName: "Ben Member",
    });
    expect(byText.get("Quiet thought")?.author).toBeNull();
  });

  it("asks for a score in the monthly pulse and averages it", async () => {
    const retro = await retroFactory(api, community, { format: "pulse" });
    const unscored = await api.post(retroPath(retro, "/entries"), {
      as: "demo-member",
      body: entryRequestFactory({ promptId: "working" }),
    });
    await entryFactory(api, retro, { promptId: "working", score: 4 });
    await entryFactory(api, retro, { promptId: "not-working", score: 2 }, "demo-champion");

    expect(unscored.status).toBe(400);
    expect((await read(retro)).pulse).toEqual({ average: 3, count: 2 });
  });

  it("refuses a score sent with an entry of a format that takes none, naming the field", async () => {
    const retro = await retroFactory(api, community);

    const response = await api.post(retroPath(retro, "/entries"), {
      as: "demo-member",
      body: entryRequestFactory({ score: 4 }),
    });

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).data).toEqual({
      fields: [{ path: "score", message: expect.stringContaining("takes no score") }],
    });
    expect((await read(retro)).counts["keep"]).toBe(0);
  });

  it("refuses entries once the retro has moved on", async () => {
    const retro = await retroFactory(api, community);
    await moveRetroTo(api, retro, "group");

    const response = await api.post(retroPath(retro, "/entries"), {
      as: "demo-member",
      body: entryRequestFactory(),
    });

    expect(response.status).toBe(409);
    expect(apiErrorSchema.parse(response.body).message).toContain("collecting");
  });
});

describe("moving through the phases", () => {
  it("refuses to skip a phase with 409 and keeps the retro where it was", async () => {
    const retro = await retroFactory(api, community);

    const response = await api.post(retroPath(retro, "/phase"), {
      as: "demo-champion",
      body: { to: "vote" },
    });

    expect(response.status).toBe(409);
    expect((await read(retro)).phase).toBe("collect");
  });

  it("refuses a member who tries to move the retro on", async () => {
    const retro = await retroFactory(api, community);

    const response = await api.post(retroPath(retro, "/phase"), {
      as: "demo-member",
      body: { to: "group" },
    });

    expect(response.status).toBe(403);
  });

  it("refuses to reopen a closed retro", async () => {
    const retro = await retroFactory(api, community);
    await moveRetroTo(api, retro, "group", "vote", "decide", "closed");

    const response = await api.post(retroPath(retro, "/phase"), {
      as: "demo-champion",
      body: { to: "collect" },
    });

    expect(response.status).toBe(409);
  });
});

describe("grouping entries into themes", () => {
  it("saves themes with the retro's etag and refuses a stale one with 412", async () => {
    const retro = await retroFactory(api, community);
    const a = await entryFactory(api, retro, { text: "Too many meetings" });
    const b = await entryFactory(api, retro, { text: "Meetings run late" });
    const grouped = await moveRetroTo(api, retro, "group");

    const saved = await api.put<Retro>(retroPath(retro, "/themes"), {
      as: "demo-champion",
      headers: { "if-match": grouped.etag },
      body: { themes: [{ id: "meetings", title: "Meetings", entryIds: [a, b] }] },
    });
    const stale = await api.put(retroPath(retro, "/themes"), {
      as: "demo-champion",
      headers: { "if-match": grouped.etag },
      body: { themes: [] },
    });

    expect(saved.status).toBe(200);
    expect(saved.body.voteItems).toEqual([
      { target: "theme:meetings", title: "Meetings", entryCount: 2, votes: null },
    ]);
    expect(stale.status).toBe(412);
  });

  it("answers a stale save with the current retro, its themes and etag, to group on", async () => {
    const retro = await retroFactory(api, community);
    const a = await entryFactory(api, retro, { text: "Docs are stale" });
    const grouped = await moveRetroTo(api, retro, "group");
    const saved = await api.put<Retro>(retroPath(retro, "/themes"), {
      as: "demo-champion",
      headers: { "if-match": grouped.etag },
      body: { themes: [{ id: "docs", title: "Docs", entryIds: [a] }] },
    });

    const stale = await api.put(retroPath(retro, "/themes"), {
      as: "demo-champion",
      headers: { "if-match": grouped.etag },
      body: { themes: [] },
    });

    expect(stale.status).toBe(412);
    const { current } = staleRetroDataSchema.parse(apiErrorSchema.parse(stale.body).data);
    expect(current.etag).toBe(saved.body.etag);
    expect(current.themes).toEqual([{ id: "docs", title: "Docs", entryIds: [a] }]);
    expect(current.entries.map((entry) => entry.id)).toEqual([a]);
  });

  it("refuses to put one entry in two themes", async () => {
    const retro = await retroFactory(api, community);
    const a = await entryFactory(api, retro);
    const grouped = await moveRetroTo(api, retro, "group");

    const response = await api.put(retroPath(retro, "/themes"), {
      as: "demo-champion",
      headers: { "if-match": grouped.etag },
      body: {
        themes: [
          { id: "one", title: "One", entryIds: [a] },
          { id: "two", title: "Two", entryIds: [a] },
        ],
      },
    });

    expect(response.status).toBe(400);
  });
});

describe("voting", () => {
  async function votingRetro(votesPerPerson: number) {
    const retro = await retroFactory(api, community, { votesPerPerson });
    const entryId = await entryFactory(api, retro, { text: "Pair on discovery" });
    await moveRetroTo(api, retro, "group", "vote");
    return { retro, target: `entry:${entryId}` };
  }

  it("counts exactly 50 votes when 50 arrive in parallel", async () => {
    const { retro, target } = await votingRetro(25);

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        vote(retro, target, index % 2 === 0 ? "demo-champion" : "demo-member"),
      ),
    );

    expect(responses.map((r) => r.status).filter((status) => status === 201)).toHaveLength(50);
    const decided = await moveRetroTo(api, retro, "decide");
    expect(decided.votesCast).toBe(50);
    expect(decided.voteItems[0]?.votes).toBe(50);
  });

  it("never lets a person cast more than their votes, even in parallel", async () => {
    const { retro, target } = await votingRetro(3);

    const responses = await Promise.all(
      Array.from({ length: 8 }, () => vote(retro, target, "demo-member")),
    );

    expect(responses.filter((r) => r.status === 201)).toHaveLength(3);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(5);
    expect((await read(retro)).myVotes).toHaveLength(3);
  });

  it("stores one vote for a repeated submission key", async () => {
    const { retro, target } = await votingRetro(3);
    const body = { target, submissionKey: randomUUID() };

    const first = await api.post(retroPath(retro, "/votes"), { as: "demo-member", body });
    const again = await api.post<CastRetroVoteResponse>(retroPath(retro, "/votes"), {
      as: "demo-member",
      body,
    });

    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, votesLeft: 2 });
    expect((await read(retro)).votesCast).toBe(1);
  });

  it("hides the tallies while the vote is open and shows them once deciding", async () => {
    const { retro, target } = await votingRetro(3);
    await vote(retro, target, "demo-member");

    expect((await read(retro)).voteItems[0]?.votes).toBeNull();
    expect((await moveRetroTo(api, retro, "decide")).voteItems[0]?.votes).toBe(1);
  });
});

describe("deciding, closing and following up", () => {
  function actionRequest(overrides: Record<string, unknown> = {}) {
    return {
      text: "Run a session on writing good OKRs",
      owner: { id: "demo-member" },
      dueDate: clock.dateIn(30),
      submissionKey: randomUUID(),
      ...overrides,
    };
  }

  async function addAction(retro: Retro, overrides: Record<string, unknown> = {}) {
    const response = await api.post<RetroAction>(retroPath(retro, "/actions"), {
      as: "demo-champion",
      body: actionRequest(overrides),
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function decidingRetro() {
    const retro = await retroFactory(api, community);
    return moveRetroTo(api, retro, "group", "vote", "decide");
  }

  it("stores one action for a repeated submission key, even when sent in parallel", async () => {
    const deciding = await decidingRetro();
    const body = actionRequest();

    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        api.post<RetroAction>(retroPath(deciding, "/actions"), { as: "demo-champion", body }),
      ),
    );

    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(3);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect((await read(deciding)).actions).toHaveLength(1);
  });

  it("takes the owner's name from the community's members, whatever name was sent", async () => {
    const deciding = await decidingRetro();

    const action = await addAction(deciding, {
      owner: { id: "demo-member", displayName: "Ana Champion" },
    });

    expect(action.owner).toEqual({ id: "demo-member", displayName: "Ben Member" });
  });

  it("refuses an owner who is not a member of the community with 400 naming the field", async () => {
    const deciding = await decidingRetro();

    const response = await api.post(retroPath(deciding, "/actions"), {
      as: "demo-champion",
      body: actionRequest({ owner: { id: "demo-outsider" } }),
    });

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).data).toEqual({
      fields: [{ path: "owner.id", message: expect.stringContaining("not a member") }],
    });
  });

  it("refuses a due date that does not exist, such as the 31st of February", async () => {
    const deciding = await decidingRetro();

    const response = await api.post(retroPath(deciding, "/actions"), {
      as: "demo-champion",
      body: actionRequest({ dueDate: "2026-02-31" }),
    });

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).data).toMatchObject({
      fields: [{ path: "dueDate", message: expect.stringContaining("does not exist") }],
    });
  });

  it("records actions with owner, due date, escalation and learning goals", async () => {
    const retro = await retroFactory(api, community);
    const deciding = await moveRetroTo(api, retro, "group", "vote", "decide");

    const action = await addAction(deciding, { escalate: true });
    const goal = await addAction(deciding, {
      kind: "learningGoal",
      text: "Learn to use OKRs well",
    });

    expect(action).toMatchObject({
      escalate: true,
      status: "open",
      overdue: false,
      kind: "action",
    });
    expect(goal.kind).toBe("learningGoal");
    expect((await read(retro)).actions.map((a) => a.id)).toEqual([action.id, goal.id]);
  });

  it("refuses actions outside the decide phase", async () => {
    const retro = await retroFactory(api, community);

    const response = await api.post(retroPath(retro, "/actions"), {
      as: "demo-champion",
      body: {
        text: "x",
        owner: { id: "demo-member" },
        dueDate: clock.dateIn(30),
        submissionKey: randomUUID(),
      },
    });

    expect(response.status).toBe(409);
  });

  it("lists a closed retro with its top themes and opens the next one on its open actions", async () => {
    const retro = await retroFactory(api, community, { title: "Closing test" });
    const entryId = await entryFactory(api, retro, { text: "Onboarding is slow" });
    await moveRetroTo(api, retro, "group", "vote");
    await vote(retro, `entry:${entryId}`, "demo-member");
    const deciding = await moveRetroTo(api, retro, "decide");
    const action = await addAction(deciding, { dueDate: clock.dateIn(-1) });
    await moveRetroTo(api, retro, "closed");

    const list = retroListResponseSchema.parse(
      (await api.get(apiPaths.retros(community), { as: "demo-member" })).body,
    );
    const next = await retroFactory(api, community);

    const listed = list.retros.find((item) => item.id === retro.id);
    expect(listed).toMatchObject({
      phase: "closed",
      topThemes: [{ title: "Onboarding is slow", votes: 1 }],
    });
    expect(list.openActions.find((a) => a.id === action.id)?.overdue).toBe(true);
    expect(next.reviewActions.map((a) => a.id)).toContain(action.id);
  });

  it("lets the owner mark an action done and refuses anyone else without a role", async () => {
    const retro = await retroFactory(api, community);
    const deciding = await moveRetroTo(api, retro, "group", "vote", "decide");
    const mine = await addAction(deciding);
    const theirs = await addAction(deciding, { owner: { id: "demo-champion" } });

    const done = await api.post<RetroAction>(`${apiPaths.retroAction(community, mine.id)}/status`, {
      as: "demo-member",
      body: { status: "done" },
    });
    const refused = await api.post(`${apiPaths.retroAction(community, theirs.id)}/status`, {
      as: "demo-member",
      body: { status: "done" },
    });

    expect(done.status).toBe(200);
    expect(done.body.status).toBe("done");
    expect(refused.status).toBe(403);
  });
});

describe("moderation", () => {
  it("hides an entry with a recorded reason from everyone but those who run the retro", async () => {
    const retro = await retroFactory(api, community);
    const entryId = await entryFactory(api, retro, { text: "Something hurtful" });
    await moveRetroTo(api, retro, "group");

    const hidden = await api.post<Retro>(retroPath(retro, `/entries/${entryId}/hide`), {
      as: "demo-champion",
      body: { reason: "Names a colleague" },
    });
    const asMember = await read(retro, "demo-member");

    expect(hidden.status).toBe(200);
    expect(hidden.body.entries.find((e) => e.id === entryId)?.hidden).toMatchObject({
      reason: "Names a colleague",
      by: { id: "demo-champion" },
    });
    expect(asMember.entries.some((e) => e.id === entryId)).toBe(false);
    expect(asMember.voteItems).toEqual([]);
  });

  it("refuses a member who tries to hide an entry", async () => {
    const retro = await retroFactory(api, community);
    const entryId = await entryFactory(api, retro);

    const response = await api.post(retroPath(retro, `/entries/${entryId}/hide`), {
      as: "demo-member",
      body: { reason: "I do not like it" },
    });

    expect(response.status).toBe(403);
  });
});
