import {
  apiErrorSchema,
  apiPaths,
  communitiesResponseSchema,
  communitySchema,
  devPeopleResponseSchema,
  meResponseSchema,
  publicConfigSchema,
} from "@practice-hub/shared";
import { demoCommunityId, demoTenantId, otherTenantId } from "../../bot/src/local/demoIdentities";
import { apiClient, type ApiClient } from "../support/api";
import { communityRequestFactory } from "../support/factories";
import { startStack, type Stack } from "../support/stack";

let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
});

afterAll(async () => {
  await stack?.stop();
});

describe("public config and demo sign-in", () => {
  it("tells the tab the auth mode without a token", async () => {
    const response = await api.get(apiPaths.publicConfig);

    expect(response.status).toBe(200);
    expect(publicConfigSchema.parse(response.body)).toEqual({ authMode: "local" });
  });

  it("lists the demo people for the browser-mode picker", async () => {
    const response = await api.get(apiPaths.devPeople);

    const people = devPeopleResponseSchema.parse(response.body).people;
    expect(people.map((person) => person.id)).toEqual([
      "demo-champion",
      "demo-member",
      "demo-head",
      "demo-outsider",
    ]);
  });

  it("answers 400 naming the user field for someone who is not a demo person", async () => {
    const response = await api.post(apiPaths.devToken, { body: { user: "mallory" } });

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).data).toMatchObject({ fields: [{ path: "user" }] });
  });
});

describe("GET /api/me", () => {
  it("shows the champion's tenant and roles", async () => {
    const response = await api.get(apiPaths.me, { as: "demo-champion" });

    const me = meResponseSchema.parse(response.body);
    expect(me.person).toEqual({ id: "demo-champion", displayName: "Ana Champion" });
    expect(me.tenantId).toBe(demoTenantId);
    expect(me.tenantRoles).toEqual([]);
    expect(me.communities).toContainEqual({
      communityId: demoCommunityId,
      roles: ["champion", "member"],
    });
  });

  it("shows the head of profession's tenant role", async () => {
    const me = meResponseSchema.parse((await api.get(apiPaths.me, { as: "demo-head" })).body);

    expect(me.tenantRoles).toEqual(["headOfProfession"]);
  });

  it("shows the outsider in their own tenant only", async () => {
    const me = meResponseSchema.parse((await api.get(apiPaths.me, { as: "demo-outsider" })).body);

    expect(me.tenantId).toBe(otherTenantId);
    expect(me.communities.map((entry) => entry.communityId)).not.toContain(demoCommunityId);
  });
});

describe("communities", () => {
  it("lists the communities a member belongs to", async () => {
    const response = await api.get(apiPaths.communities, { as: "demo-member" });

    const ids = communitiesResponseSchema.parse(response.body).communities.map((c) => c.id);
    expect(ids).toEqual([demoCommunityId]);
  });

  it("lists every community of the tenant to the head of profession", async () => {
    const response = await api.get(apiPaths.communities, { as: "demo-head" });

    const names = communitiesResponseSchema.parse(response.body).communities.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["Product Management", "Service Design"]));
    expect(names).not.toContain("Design");
  });

  it("never lists another tenant's communities", async () => {
    const response = await api.get(apiPaths.communities, { as: "demo-outsider" });

    const names = communitiesResponseSchema.parse(response.body).communities.map((c) => c.name);
    expect(names).toEqual(["Design"]);
  });

  it("creates a community whose creator becomes its champion", async () => {
    const request = communityRequestFactory({ name: "Delivery Managers" });

    const created = await api.post(apiPaths.communities, { as: "demo-member", body: request });

    expect(created.status).toBe(201);
    const community = communitySchema.parse(created.body);
    expect(community).toMatchObject({ name: "Delivery Managers", profession: request.profession });
    expect(community.id).toMatch(/^delivery-managers-[0-9a-f]{6}$/);
    const me = meResponseSchema.parse((await api.get(apiPaths.me, { as: "demo-member" })).body);
    expect(me.communities).toContainEqual({
      communityId: community.id,
      roles: ["champion", "member"],
    });
    const canvas = await api.get<{ allowedActions: string[] }>(apiPaths.canvas(community.id), {
      as: "demo-member",
    });
    expect(canvas.body.allowedActions).toEqual(["read", "update", "review"]);
  });

  it("answers 400 naming the name field when it is blank", async () => {
    const response = await api.post(apiPaths.communities, {
      as: "demo-champion",
      body: communityRequestFactory({ name: "   " }),
    });

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).data).toMatchObject({ fields: [{ path: "name" }] });
  });
});
