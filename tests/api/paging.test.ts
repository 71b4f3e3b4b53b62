import { randomUUID } from "node:crypto";
import {
  apiErrorSchema,
  apiPaths,
  calendarDateOf,
  libraryResponseSchema,
  peopleResponseSchema,
  retroActionSchema,
  retroLimits,
  retroListResponseSchema,
  suggestResourceResponseSchema,
  type LibraryResource,
  type SuggestResourceRequest,
} from "@practice-hub/shared";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore, type Store } from "../../bot/src/store";
import { apiClient, type ApiClient } from "../support/api";
import { communityFactory } from "../support/factories";
import { moveRetroTo, retroFactory, storedRetroHeadersFactory } from "../support/retroFactories";
import { startStack, type DemoPerson, type Stack } from "../support/stack";

/**
 * Lists that grow with a community's life come a page at a time: `limit` items, then `nextCursor`
 * for the next page, until it is null. Every test builds its own community.
 */
let stack: Stack;
let api: ApiClient;
let store: Store;
let sequence = 0;

beforeAll(async () => {
  stack = await startStack({ extraConfig: { JOBS_ENABLED: false } });
  api = apiClient(stack);
  store = createStore(stack.storageConnectionString);
});

afterAll(async () => {
  await stack?.stop();
});

/** Reads every page of a list, `limit` at a time, and answers the pages. */
async function allPages<T extends { nextCursor: string | null }>(
  path: string,
  as: DemoPerson,
  limit: number,
  parse: (body: unknown) => T,
): Promise<T[]> {
  const pages: T[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor) query.set("cursor", cursor);
    const response = await api.get(`${path}?${query.toString()}`, { as });
    expect(response.status).toBe(200);
    const page = parse(response.body);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

async function memberFactory(communityId: string, displayName: string) {
  sequence += 1;
  const response = await api.post(apiPaths.people(communityId), {
    as: "demo-champion",
    body: { userId: `paged-person-${sequence}-${randomUUID().slice(0, 8)}`, displayName },
  });
  expect(response.status).toBe(201);
}

describe("people", () => {
  it("lists a community's members a page at a time, each once, with the changes on the first page only", async () => {
    const community = await communityFactory(api);
    for (let index = 0; index < 6; index += 1) await memberFactory(community.id, `Person ${index}`);

    const pages = await allPages(apiPaths.people(community.id), "demo-champion", 3, (body) =>
      peopleResponseSchema.parse(body),
    );

    expect(pages.map((page) => page.members.length)).toEqual([3, 3, 1]);
    const ids = pages.flatMap((page) => page.members.map((member) => member.person.id));
    expect(new Set(ids).size).toBe(7);
    expect(ids).toContain("demo-champion");
    expect(pages[0]?.recentChanges.length).toBeGreaterThanOrEqual(6);
    expect(pages.slice(1).every((page) => page.recentChanges.length === 0)).toBe(true);
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it("never lists members of another community of the tenant on any page", async () => {
    const mine = await communityFactory(api);
    const other = await communityFactory(api);
    await memberFactory(mine.id, "Only in mine");
    await memberFactory(other.id, "Only in the other");

    const pages = await allPages(apiPaths.people(mine.id), "demo-champion", 1, (body) =>
      peopleResponseSchema.parse(body),
    );

    const names = pages.flatMap((page) => page.members.map((member) => member.person.displayName));
    expect(names).toContain("Only in mine");
    expect(names).not.toContain("Only in the other");
  });

  it("refuses a cursor of another community's list, or one that was made up, with 400", async () => {
    const mine = await communityFactory(api);
    const other = await communityFactory(api);
    await memberFactory(other.id, "Someone");
    const first = await api.get(`${apiPaths.people(other.id)}?limit=1`, { as: "demo-champion" });
    const othersCursor = peopleResponseSchema.parse(first.body).nextCursor ?? "";
    const forged = Buffer.from(JSON.stringify({ v: 1, after: "someone|else" })).toString(
      "base64url",
    );

    const answers = await Promise.all(
      [othersCursor, forged, "not base64 at all!", "x".repeat(800)].map((cursor) =>
        api.get(`${apiPaths.people(mine.id)}?${new URLSearchParams({ cursor }).toString()}`, {
          as: "demo-champion",
        }),
      ),
    );

    expect(othersCursor).not.toBe("");
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(apiErrorSchema.parse(answer.body).message).toMatch(/cursor/);
    }
  });

  it("refuses a page size over the most one page may hold", async () => {
    const community = await communityFactory(api);

    const answer = await api.get(`${apiPaths.people(community.id)}?limit=1000`, {
      as: "demo-champion",
    });

    expect(answer.status).toBe(400);
    expect(apiErrorSchema.parse(answer.body).message).toMatch(/limit must be at most 200/);
  });
});

describe("the library", () => {
  function suggestion(title: string): SuggestResourceRequest {
    sequence += 1;
    return {
      section: "reading",
      title,
      url: `https://example.com/paged/${sequence}-${randomUUID()}`,
      why: "Worth reading.",
      tags: ["paging"],
    };
  }

  async function suggest(communityId: string, title: string, as: DemoPerson) {
    const response = await api.post(apiPaths.libraryResources(communityId), {
      as,
      body: suggestion(title),
    });
    const parsed = suggestResourceResponseSchema.parse(response.body);
    if (parsed.outcome !== "suggested") throw new Error("expected a new suggestion");
    return parsed.resource;
  }

  async function approve(communityId: string, resource: LibraryResource) {
    const response = await api.post(apiPaths.libraryDecision(communityId, resource.id), {
      as: "demo-champion",
      headers: { "if-match": resource.etag },
      body: { decision: "approve" },
    });
    expect(response.status).toBe(200);
  }

  async function handbookEntry(communityId: string, title: string, archived: boolean) {
    const response = await api.post(apiPaths.handbook(communityId), {
      as: "demo-champion",
      body: { title, body: "How we do it here.", archived },
    });
    expect(response.status).toBe(201);
  }

  it("pages through what each reader may see: curators everything, members the approved and their own", async () => {
    const community = await communityFactory(api);
    const member = "demo-member";
    await api.post(apiPaths.people(community.id), {
      as: "demo-champion",
      body: { userId: member, displayName: "Demo Member" },
    });
    for (const title of ["Approved A", "Approved B", "Approved C"]) {
      await approve(community.id, await suggest(community.id, title, "demo-champion"));
    }
    await suggest(community.id, "Waiting for a curator", "demo-champion");
    await suggest(community.id, "My own suggestion", member);
    await handbookEntry(community.id, "Current entry", false);
    await handbookEntry(community.id, "Archived entry", true);

    const parse = (body: unknown) => libraryResponseSchema.parse(body);
    const asMember = await allPages(apiPaths.library(community.id), member, 2, parse);
    const asCurator = await allPages(apiPaths.library(community.id), "demo-champion", 2, parse);

    const titles = (pages: typeof asMember) =>
      pages.flatMap((page) => [
        ...page.handbook.map((entry) => entry.title),
        ...page.resources.map((resource) => resource.title),
      ]);
    expect(titles(asMember).sort()).toEqual(
      ["Approved A", "Approved B", "Approved C", "Current entry", "My own suggestion"].sort(),
    );
    expect(asMember.map((page) => page.resources.length + page.handbook.length)).toEqual([2, 2, 1]);
    expect(titles(asCurator)).toHaveLength(7);
    expect(titles(asCurator)).toEqual(expect.arrayContaining(["Archived entry"]));
    expect(asCurator.at(-1)?.nextCursor).toBeNull();
  });
});

describe("retros", () => {
  it("lists the history newest first a page at a time, with the open actions on the first page only", async () => {
    const community = await communityFactory(api);
    await storedRetroHeadersFactory(store, community.id, 5, {
      tenantId: demoTenantId,
      before: new Date("2026-01-01T00:00:00Z"),
    });

    const pages = await allPages(apiPaths.retros(community.id), "demo-champion", 2, (body) =>
      retroListResponseSchema.parse(body),
    );

    expect(pages.map((page) => page.retros.map((retro) => retro.title))).toEqual([
      ["Stored retro 0", "Stored retro 1"],
      ["Stored retro 2", "Stored retro 3"],
      ["Stored retro 4"],
    ]);
    expect(pages.slice(1).every((page) => page.openActions.length === 0)).toBe(true);
  });

  it(`refuses a new action once ${retroLimits.openActionsMax} are open in the community, and still answers a retry`, async () => {
    const community = await communityFactory(api);
    const retro = await moveRetroTo(
      api,
      await retroFactory(api, community.id),
      "group",
      "vote",
      "decide",
    );
    const stored = Array.from({ length: retroLimits.openActionsMax - 1 }, (_, index) => index);
    for (let start = 0; start < stored.length; start += 50) {
      await Promise.all(
        stored.slice(start, start + 50).map((index) =>
          store.retros.addAction({
            tenantId: demoTenantId,
            communityId: community.id,
            action: {
              actionId: `${retro.id}-stored${String(index).padStart(9, "0")}`,
              retroId: retro.id,
              text: `Stored action ${index}`,
              kind: "action",
              owner: { id: "demo-champion", displayName: "Demo Champion" },
              dueDate: "2026-12-31",
              escalate: false,
              status: "open",
              createdAt: "2026-01-01T00:00:00.000Z",
              updatedAt: "2026-01-01T00:00:00.000Z",
            },
          }),
        ),
      );
    }
    const request = () => ({
      text: "One more thing to do",
      owner: { id: "demo-champion" },
      dueDate: calendarDateOf(new Date(Date.now() + 30 * 86_400_000)),
      submissionKey: randomUUID(),
    });
    const last = request();
    const add = (body: unknown) =>
      api.post(`${apiPaths.retro(community.id, retro.id)}/actions`, { as: "demo-champion", body });

    const lastOne = await add(last);
    const overTheCap = await add(request());
    const retried = await add(last);

    expect(lastOne.status).toBe(201);
    expect(overTheCap.status).toBe(409);
    expect(apiErrorSchema.parse(overTheCap.body).message).toBe(
      `This community has ${retroLimits.openActionsMax} actions still open. Mark some done before adding more.`,
    );
    expect(retried.status).toBe(200);
    expect(retroActionSchema.parse(retried.body).id).toBe(retroActionSchema.parse(lastOne.body).id);
  });
});
