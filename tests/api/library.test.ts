import {
  apiErrorSchema,
  apiPaths,
  handbookEntrySchema,
  libraryResourceSchema,
  libraryResponseSchema,
  suggestResourceResponseSchema,
  type LibraryResponse,
  type SuggestResourceRequest,
} from "@practice-hub/shared";
import { outsiderCommunityId } from "../../bot/src/local/seed";
import { apiClient, type ApiClient } from "../support/api";
import { memberCommunityFactory } from "../support/factories";
import { startStack, type DemoPerson, type Stack } from "../support/stack";

let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;
let counter = 0;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
  await stockedLibraryFactory();
});

afterAll(async () => {
  await stack?.stop();
});

function suggestionFactory(
  overrides: Partial<SuggestResourceRequest> = {},
): SuggestResourceRequest {
  counter += 1;
  return {
    section: "reading",
    title: `A useful article ${counter}`,
    url: `https://example.com/articles/${counter}-${Date.now()}`,
    why: "It explains a practice we keep discussing.",
    tags: ["practice"],
    ...overrides,
  };
}

async function libraryAs(person: DemoPerson): Promise<LibraryResponse> {
  const response = await api.get(apiPaths.library(ownCommunityId), { as: person });
  return libraryResponseSchema.parse(response.body);
}

async function suggest(body: unknown, as: DemoPerson = "demo-member") {
  return api.post(apiPaths.libraryResources(ownCommunityId), { as, body });
}

async function suggested(as: DemoPerson = "demo-member") {
  const response = await suggest(suggestionFactory(), as);
  const parsed = suggestResourceResponseSchema.parse(response.body);
  if (parsed.outcome !== "suggested") throw new Error("expected a new suggestion");
  return parsed.resource;
}

/**
 * Stocks the file's community as the seed stocks the demo one: an approved resource, a
 * suggestion still waiting for a curator, and a handbook entry.
 */
async function stockedLibraryFactory(): Promise<void> {
  const approved = await suggested();
  const decision = await api.post(apiPaths.libraryDecision(ownCommunityId, approved.id), {
    as: "demo-champion",
    headers: { "if-match": approved.etag },
    body: { decision: "approve" },
  });
  if (decision.status !== 200) throw new Error(`resource not approved: ${decision.status}`);
  await suggested("demo-champion");
  const entry = await api.post(apiPaths.handbook(ownCommunityId), {
    as: "demo-champion",
    body: { title: "How we welcome new product managers", body: "A buddy for the first month." },
  });
  if (entry.status !== 201) throw new Error(`handbook entry not created: ${entry.status}`);
}

describe("the library", () => {
  it("shows members the approved resources and handbook, and what they may do", async () => {
    const library = await libraryAs("demo-member");

    expect(library.resources.length).toBeGreaterThan(0);
    expect(
      library.resources.every((r) => r.status === "approved" || r.suggestedBy.id === "demo-member"),
    ).toBe(true);
    expect(library.handbook.map((entry) => entry.title)).toContain(
      "How we welcome new product managers",
    );
    expect(library.allowedActions).toEqual(["read", "suggest"]);
  });

  it("lets a champion curate", async () => {
    expect((await libraryAs("demo-champion")).allowedActions).toEqual([
      "read",
      "suggest",
      "curate",
    ]);
  });

  it("is not found for another tenant's person", async () => {
    const response = await api.get(apiPaths.library(ownCommunityId), { as: "demo-outsider" });

    expect(response.status).toBe(404);
    expect(apiErrorSchema.parse(response.body).error).toBe("not_found");
  });

  it("refuses a suggestion from someone outside the community", async () => {
    const response = await suggest(suggestionFactory(), "demo-head");

    expect(response.status).toBe(403);
  });
});

describe("suggesting a resource", () => {
  it("stores a member's suggestion for curators to judge", async () => {
    const response = await suggest(suggestionFactory({ title: "Working with engineers" }));

    expect(response.status).toBe(201);
    const body = suggestResourceResponseSchema.parse(response.body);
    expect(body.outcome === "suggested" && body.resource).toMatchObject({
      title: "Working with engineers",
      status: "suggested",
      suggestedBy: { id: "demo-member" },
    });
  });

  it("points out the resource already in the library instead of adding the same page", async () => {
    const first = await suggested();

    const response = await suggest(
      suggestionFactory({
        url: `${first.url.replace("https://", "https://www.")}/?utm_source=chat`,
      }),
      "demo-champion",
    );

    expect(response.status).toBe(200);
    const body = suggestResourceResponseSchema.parse(response.body);
    expect(body.outcome).toBe("duplicate");
    expect(body.outcome === "duplicate" && body.existing.id).toBe(first.id);
  });

  it("refuses a link that is not a web address, naming the field", async () => {
    const response = await suggest(suggestionFactory({ url: "javascript:alert(1)" }));

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).data).toMatchObject({
      fields: [{ path: "url", message: expect.stringContaining("https://") }],
    });
  });
});

describe("curating", () => {
  it("approves a suggestion, which then shows to every member", async () => {
    const resource = await suggested();

    const response = await api.post(apiPaths.libraryDecision(ownCommunityId, resource.id), {
      as: "demo-champion",
      headers: { "if-match": resource.etag },
      body: { decision: "approve" },
    });

    expect(response.status).toBe(200);
    expect(libraryResourceSchema.parse(response.body).status).toBe("approved");
    const seenByHead = await api.get(apiPaths.library(ownCommunityId), { as: "demo-head" });
    expect(libraryResponseSchema.parse(seenByHead.body).resources.map((r) => r.id)).toContain(
      resource.id,
    );
  });

  it("rejects only with a reason, and keeps the reason", async () => {
    const resource = await suggested();
    const decide = (body: unknown) =>
      api.post(apiPaths.libraryDecision(ownCommunityId, resource.id), {
        as: "demo-champion",
        headers: { "if-match": resource.etag },
        body,
      });

    expect((await decide({ decision: "reject" })).status).toBe(400);
    const response = await decide({
      decision: "reject",
      reason: "We already have a better guide.",
    });

    expect(libraryResourceSchema.parse(response.body)).toMatchObject({
      status: "rejected",
      rejectionReason: "We already have a better guide.",
    });
  });

  it("archives an approved resource", async () => {
    const resource = await suggested();
    const approved = libraryResourceSchema.parse(
      (
        await api.post(apiPaths.libraryDecision(ownCommunityId, resource.id), {
          as: "demo-champion",
          headers: { "if-match": resource.etag },
          body: { decision: "approve" },
        })
      ).body,
    );

    const response = await api.post(apiPaths.libraryDecision(ownCommunityId, resource.id), {
      as: "demo-champion",
      headers: { "if-match": approved.etag },
      body: { decision: "archive" },
    });

    expect(libraryResourceSchema.parse(response.body).status).toBe("archived");
  });

  it("answers 412 with the current resource when another curator decided first", async () => {
    const resource = await suggested();
    await api.post(apiPaths.libraryDecision(ownCommunityId, resource.id), {
      as: "demo-champion",
      headers: { "if-match": resource.etag },
      body: { decision: "approve" },
    });

    const response = await api.post(apiPaths.libraryDecision(ownCommunityId, resource.id), {
      as: "demo-champion",
      headers: { "if-match": resource.etag },
      body: { decision: "reject", reason: "Not for us." },
    });

    expect(response.status).toBe(412);
    const error = apiErrorSchema.parse(response.body);
    expect(libraryResourceSchema.parse((error.data as { current: unknown }).current).status).toBe(
      "approved",
    );
  });

  it("refuses a member's decision with 403", async () => {
    const resource = await suggested();

    const response = await api.post(apiPaths.libraryDecision(ownCommunityId, resource.id), {
      as: "demo-member",
      headers: { "if-match": resource.etag },
      body: { decision: "approve" },
    });

    expect(response.status).toBe(403);
  });

  it("asks for If-Match before deciding", async () => {
    const resource = await suggested();

    const response = await api.post(apiPaths.libraryDecision(ownCommunityId, resource.id), {
      as: "demo-champion",
      body: { decision: "approve" },
    });

    expect(response.status).toBe(428);
  });
});

describe("handbook entries", () => {
  it("are created by curators and saved as new versions against their etag", async () => {
    const created = await api.post(apiPaths.handbook(ownCommunityId), {
      as: "demo-champion",
      body: { title: "Our prioritisation habits", body: "We start from outcomes." },
    });
    expect(created.status).toBe(201);
    const entry = handbookEntrySchema.parse(created.body);

    const saved = await api.put(apiPaths.handbookEntry(ownCommunityId, entry.id), {
      as: "demo-champion",
      headers: { "if-match": entry.etag },
      body: { title: entry.title, body: "We start from outcomes, then size the bets." },
    });

    expect(saved.status).toBe(200);
    expect(handbookEntrySchema.parse(saved.body)).toMatchObject({ version: 2 });
  });

  it("answer 412 with the current entry when someone saved first", async () => {
    const entry = handbookEntrySchema.parse(
      (
        await api.post(apiPaths.handbook(ownCommunityId), {
          as: "demo-champion",
          body: { title: "Meeting norms", body: "v1" },
        })
      ).body,
    );
    await api.put(apiPaths.handbookEntry(ownCommunityId, entry.id), {
      as: "demo-champion",
      headers: { "if-match": entry.etag },
      body: { title: entry.title, body: "v2" },
    });

    const stale = await api.put(apiPaths.handbookEntry(ownCommunityId, entry.id), {
      as: "demo-champion",
      headers: { "if-match": entry.etag },
      body: { title: entry.title, body: "my v2" },
    });

    expect(stale.status).toBe(412);
    const current = (apiErrorSchema.parse(stale.body).data as { current: unknown }).current;
    expect(handbookEntrySchema.parse(current)).toMatchObject({ body: "v2", version: 2 });
  });

  it("cannot be written by a member", async () => {
    const response = await api.post(apiPaths.handbook(ownCommunityId), {
      as: "demo-member",
      body: { title: "Mine", body: "text" },
    });

    expect(response.status).toBe(403);
  });

  it("stay invisible to another tenant", async () => {
    const response = await api.get(apiPaths.library(outsiderCommunityId), { as: "demo-member" });

    expect(response.status).toBe(404);
  });
});
