import {
  apiErrorSchema,
  apiPaths,
  canvasHistoryResponseSchema,
  canvasResponseSchema,
  canvasReviewResponseSchema,
  canvasSectionIds,
  canvasSectionSchema,
  limits,
  type CanvasResponse,
} from "@practice-hub/shared";
import { outsiderCommunityId } from "../../bot/src/local/seed";
import { apiClient, type ApiClient } from "../support/api";
import {
  communityFactory,
  memberCommunityFactory,
  savedSectionFactory,
  sectionContentFactory,
  writtenCanvasFactory,
} from "../support/factories";
import { startStack, type Stack } from "../support/stack";

let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
  await writtenCanvasFactory(api, ownCommunityId);
});

afterAll(async () => {
  await stack?.stop();
});

async function canvasOf(communityId: string): Promise<CanvasResponse> {
  const response = await api.get(apiPaths.canvas(communityId), { as: "demo-champion" });
  return canvasResponseSchema.parse(response.body);
}

function sectionOf(canvas: CanvasResponse, sectionId: string) {
  const section = canvas.sections.find((candidate) => candidate.id === sectionId);
  if (!section) throw new Error(`no section ${sectionId}`);
  return section;
}

describe("reading the canvas", () => {
  it("answers all seven sections in canvas order with the text written so far", async () => {
    const response = await api.get(apiPaths.canvas(ownCommunityId), { as: "demo-member" });

    expect(response.status).toBe(200);
    const canvas = canvasResponseSchema.parse(response.body);
    expect(canvas.sections.map((section) => section.id)).toEqual([...canvasSectionIds]);
    expect(sectionOf(canvas, "purpose").content).toContain("product managers");
    expect(sectionOf(canvas, "purpose").version).toBe(1);
    expect(sectionOf(canvas, "purpose").updatedBy?.id).toBe("demo-champion");
    expect(canvas.reviewedBy?.id).toBe("demo-champion");
  });

  it("gives a never-written section version 0, empty text and an etag to save against", async () => {
    const canvas = await canvasOf(ownCommunityId);
    const success = sectionOf(canvas, "success");

    expect(success).toMatchObject({ content: "", version: 0, updatedAt: null, updatedBy: null });
    expect(success.etag).not.toBe("");
  });

  it("never shows storage keys to the tab", async () => {
    const response = await api.get(apiPaths.canvas(ownCommunityId), { as: "demo-member" });

    expect(JSON.stringify(response.body)).not.toMatch(/partitionKey|rowKey|odata|PartitionKey/);
  });

  it("tells a member they may only read, and a champion they may edit and review", async () => {
    const asMember = await api.get<CanvasResponse>(apiPaths.canvas(ownCommunityId), {
      as: "demo-member",
    });
    const asChampion = await api.get<CanvasResponse>(apiPaths.canvas(ownCommunityId), {
      as: "demo-champion",
    });

    expect(asMember.body.allowedActions).toEqual(["read"]);
    expect(asChampion.body.allowedActions).toEqual(["read", "update", "review"]);
  });

  it("lets the head of profession read a community they do not belong to", async () => {
    const response = await api.get<CanvasResponse>(apiPaths.canvas(ownCommunityId), {
      as: "demo-head",
    });

    expect(response.status).toBe(200);
    expect(response.body.allowedActions).toEqual(["read"]);
  });

  it("answers 404 to a person of another tenant", async () => {
    const response = await api.get(apiPaths.canvas(ownCommunityId), { as: "demo-outsider" });

    expect(response.status).toBe(404);
    expect(apiErrorSchema.parse(response.body).error).toBe("not_found");
  });

  it("answers 404 for a community that does not exist", async () => {
    const response = await api.get(apiPaths.canvas("no-such-community"), { as: "demo-champion" });

    expect(response.status).toBe(404);
  });

  it("answers 403 to someone of the same tenant who is not a member", async () => {
    const community = await communityFactory(api, "demo-champion");

    const response = await api.get(apiPaths.canvas(community.id), { as: "demo-member" });

    expect(response.status).toBe(403);
    expect(apiErrorSchema.parse(response.body).error).toBe("forbidden");
  });
});

describe("saving a section", () => {
  it("saves a new version and answers the section with a new etag", async () => {
    const community = await communityFactory(api);
    const before = sectionOf(await canvasOf(community.id), "purpose");
    const content = sectionContentFactory("purpose");

    const response = await api.put(apiPaths.canvasSection(community.id, "purpose"), {
      as: "demo-champion",
      headers: { "if-match": before.etag },
      body: { content },
    });

    expect(response.status).toBe(200);
    const saved = canvasSectionSchema.parse(response.body);
    expect(saved).toMatchObject({ id: "purpose", content, version: 1 });
    expect(saved.updatedBy).toEqual({ id: "demo-champion", displayName: "Ana Champion" });
    expect(saved.etag).not.toBe(before.etag);
    expect(sectionOf(await canvasOf(community.id), "purpose").content).toBe(content);
  });

  it("answers 412 with the current text when two saves use the same etag", async () => {
    const community = await communityFactory(api);
    const first = await savedSectionFactory(api, {
      communityId: community.id,
      sectionId: "values",
      etag: sectionOf(await canvasOf(community.id), "values").etag,
    });
    const winner = sectionContentFactory("winner");
    const loser = sectionContentFactory("loser");

    const firstSave = await api.put(apiPaths.canvasSection(community.id, "values"), {
      as: "demo-champion",
      headers: { "if-match": first.etag },
      body: { content: winner },
    });
    const secondSave = await api.put(apiPaths.canvasSection(community.id, "values"), {
      as: "demo-champion",
      headers: { "if-match": first.etag },
      body: { content: loser },
    });

    expect(firstSave.status).toBe(200);
    expect(secondSave.status).toBe(412);
    const error = apiErrorSchema.parse(secondSave.body);
    expect(error.error).toBe("stale_version");
    const current = canvasSectionSchema.parse((error.data as { current: unknown }).current);
    expect(current).toMatchObject({ content: winner, version: 2 });
    expect(sectionOf(await canvasOf(community.id), "values").content).toBe(winner);
  });

  it("checks the etag of a never-written section, so a second first save gets 412", async () => {
    const community = await communityFactory(api);
    const unsaved = sectionOf(await canvasOf(community.id), "roles").etag;

    const first = await api.put(apiPaths.canvasSection(community.id, "roles"), {
      as: "demo-champion",
      headers: { "if-match": unsaved },
      body: { content: "first" },
    });
    const second = await api.put(apiPaths.canvasSection(community.id, "roles"), {
      as: "demo-champion",
      headers: { "if-match": unsaved },
      body: { content: "second" },
    });

    expect(first.status).toBe(200);
    expect(second.status).toBe(412);
    expect(apiErrorSchema.parse(second.body).data).toMatchObject({
      current: { content: "first", version: 1 },
    });
  });

  it("answers 428 when the save has no If-Match header", async () => {
    const response = await api.put(apiPaths.canvasSection(ownCommunityId, "purpose"), {
      as: "demo-champion",
      body: { content: sectionContentFactory() },
    });

    expect(response.status).toBe(428);
    expect(apiErrorSchema.parse(response.body).error).toBe("precondition_required");
  });

  it("answers 428 when If-Match is a wildcard", async () => {
    const response = await api.put(apiPaths.canvasSection(ownCommunityId, "purpose"), {
      as: "demo-champion",
      headers: { "if-match": "*" },
      body: { content: sectionContentFactory() },
    });

    expect(response.status).toBe(428);
  });

  it("answers 403 to a member who is not a champion, and keeps the text", async () => {
    const before = sectionOf(await canvasOf(ownCommunityId), "purpose");

    const response = await api.put(apiPaths.canvasSection(ownCommunityId, "purpose"), {
      as: "demo-member",
      headers: { "if-match": before.etag },
      body: { content: "overwritten" },
    });

    expect(response.status).toBe(403);
    expect(sectionOf(await canvasOf(ownCommunityId), "purpose")).toEqual(before);
  });

  it("answers 404 to a person of another tenant", async () => {
    const before = sectionOf(await canvasOf(ownCommunityId), "purpose");

    const response = await api.put(apiPaths.canvasSection(ownCommunityId, "purpose"), {
      as: "demo-outsider",
      headers: { "if-match": before.etag },
      body: { content: "from outside" },
    });

    expect(response.status).toBe(404);
  });

  it("answers 404 when a champion of one tenant saves to an unknown community", async () => {
    const response = await api.put(apiPaths.canvasSection("missing-community", "purpose"), {
      as: "demo-champion",
      headers: { "if-match": 'W/"unsaved"' },
      body: { content: "lost" },
    });

    expect(response.status).toBe(404);
  });

  it("answers 400 naming the content field when it is too long", async () => {
    const response = await api.put(apiPaths.canvasSection(ownCommunityId, "purpose"), {
      as: "demo-champion",
      headers: { "if-match": 'W/"any"' },
      body: { content: "x".repeat(limits.canvasSectionContent + 1) },
    });

    expect(response.status).toBe(400);
    const error = apiErrorSchema.parse(response.body);
    expect(error.error).toBe("bad_request");
    expect(error.data).toEqual({
      fields: [{ path: "content", message: expect.stringContaining("Keep the section within") }],
    });
  });

  it("answers 400 naming the content field when it is not a string", async () => {
    const response = await api.put(apiPaths.canvasSection(ownCommunityId, "purpose"), {
      as: "demo-champion",
      headers: { "if-match": 'W/"any"' },
      body: { content: 42 },
    });

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).data).toMatchObject({
      fields: [{ path: "content" }],
    });
  });

  it("answers 400 for a section id outside the seven", async () => {
    const response = await api.put(apiPaths.canvasSection(ownCommunityId, "vision"), {
      as: "demo-champion",
      headers: { "if-match": 'W/"any"' },
      body: { content: "text" },
    });

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).data).toMatchObject({
      fields: [{ path: "sectionId" }],
    });
  });
});

describe("canvas history", () => {
  it("lists saved versions newest first with who and when, in pages", async () => {
    const community = await communityFactory(api);
    let etag = sectionOf(await canvasOf(community.id), "curation").etag;
    const contents: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const content = sectionContentFactory(`curation v${index + 1}`);
      contents.push(content);
      etag = (
        await savedSectionFactory(api, {
          communityId: community.id,
          sectionId: "curation",
          etag,
          content,
        })
      ).etag;
    }
    const historyPath = `${apiPaths.canvasHistory(community.id)}?section=curation&limit=2`;

    const first = canvasHistoryResponseSchema.parse(
      (await api.get(historyPath, { as: "demo-champion" })).body,
    );
    const second = canvasHistoryResponseSchema.parse(
      (await api.get(`${historyPath}&cursor=${first.nextCursor}`, { as: "demo-champion" })).body,
    );
    const third = canvasHistoryResponseSchema.parse(
      (await api.get(`${historyPath}&cursor=${second.nextCursor}`, { as: "demo-champion" })).body,
    );

    expect(first.versions.map((v) => v.version)).toEqual([5, 4]);
    expect(second.versions.map((v) => v.version)).toEqual([3, 2]);
    expect(third.versions.map((v) => v.version)).toEqual([1]);
    expect(third.nextCursor).toBeNull();
    expect(first.versions[0]).toMatchObject({
      sectionId: "curation",
      content: contents[4],
      updatedBy: { id: "demo-champion" },
    });
  });

  it("keeps each section's history apart", async () => {
    const community = await communityFactory(api);
    const canvas = await canvasOf(community.id);
    await savedSectionFactory(api, {
      communityId: community.id,
      sectionId: "purpose",
      etag: sectionOf(canvas, "purpose").etag,
    });

    const response = await api.get(`${apiPaths.canvasHistory(community.id)}?section=values`, {
      as: "demo-champion",
    });

    expect(canvasHistoryResponseSchema.parse(response.body)).toEqual({
      versions: [],
      nextCursor: null,
    });
  });

  it("lets a member read the history", async () => {
    const response = await api.get(`${apiPaths.canvasHistory(ownCommunityId)}?section=purpose`, {
      as: "demo-member",
    });

    expect(response.status).toBe(200);
    expect(canvasHistoryResponseSchema.parse(response.body).versions.length).toBeGreaterThan(0);
  });

  it("answers 404 to a person of another tenant", async () => {
    const response = await api.get(`${apiPaths.canvasHistory(ownCommunityId)}?section=purpose`, {
      as: "demo-outsider",
    });

    expect(response.status).toBe(404);
  });

  it("answers 400 for an unknown section or a cursor of another section", async () => {
    const unknown = await api.get(`${apiPaths.canvasHistory(ownCommunityId)}?section=vision`, {
      as: "demo-member",
    });
    const foreignCursor = Buffer.from("version|values|9999999998").toString("base64url");
    const mixed = await api.get(
      `${apiPaths.canvasHistory(ownCommunityId)}?section=purpose&cursor=${foreignCursor}`,
      { as: "demo-member" },
    );

    expect(unknown.status).toBe(400);
    expect(mixed.status).toBe(400);
  });
});

describe("reviewing the canvas", () => {
  it("records when a champion reviewed the canvas and who did", async () => {
    const community = await communityFactory(api);

    const response = await api.post(apiPaths.canvasReview(community.id), { as: "demo-champion" });

    expect(response.status).toBe(200);
    const review = canvasReviewResponseSchema.parse(response.body);
    expect(review.reviewedBy).toEqual({ id: "demo-champion", displayName: "Ana Champion" });
    const canvas = await canvasOf(community.id);
    expect(canvas.reviewedAt).toBe(review.reviewedAt);
    expect(canvas.reviewedBy).toEqual(review.reviewedBy);
  });

  it("answers 403 to a member who is not a champion", async () => {
    const response = await api.post(apiPaths.canvasReview(ownCommunityId), { as: "demo-member" });

    expect(response.status).toBe(403);
  });

  it("answers 403 to the head of profession, who reads but does not review", async () => {
    const response = await api.post(apiPaths.canvasReview(ownCommunityId), { as: "demo-head" });

    expect(response.status).toBe(403);
  });

  it("answers 404 to a person of another tenant and for a community of theirs", async () => {
    const fromOutside = await api.post(apiPaths.canvasReview(ownCommunityId), {
      as: "demo-outsider",
    });
    const theirs = await api.post(apiPaths.canvasReview(outsiderCommunityId), {
      as: "demo-champion",
    });

    expect(fromOutside.status).toBe(404);
    expect(theirs.status).toBe(404);
  });
});
