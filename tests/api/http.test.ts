import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { apiErrorSchema, apiPaths, limits } from "@practice-hub/shared";
import { apiClient, type ApiClient } from "../support/api";
import { memberCommunityFactory } from "../support/factories";
import { startStack, type Stack } from "../support/stack";

let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;
let tabDir: string;

beforeAll(async () => {
  tabDir = mkdtempSync(path.join(tmpdir(), "practice-hub-tab-"));
  writeFileSync(path.join(tabDir, "index.html"), "<!doctype html><title>Practice Hub tab</title>");
  writeFileSync(path.join(tabDir, "app.js"), "console.log('tab');");
  stack = await startStack({ extraConfig: { TAB_DIST_DIR: tabDir } });
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
});

afterAll(async () => {
  await stack?.stop();
  rmSync(tabDir, { recursive: true, force: true });
});

describe("request ids", () => {
  it("puts an x-request-id on every response, errors included", async () => {
    const ok = await api.get(apiPaths.publicConfig);
    const missing = await api.get("/api/nowhere");
    const unauthenticated = await api.get(apiPaths.me);

    for (const response of [ok, missing, unauthenticated]) {
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(apiErrorSchema.parse(missing.body).requestId).toBe(missing.headers.get("x-request-id"));
  });

  it("keeps a well-formed request id sent by the caller", async () => {
    const response = await api.get(apiPaths.publicConfig, {
      headers: { "x-request-id": "trace-123" },
    });

    expect(response.headers.get("x-request-id")).toBe("trace-123");
  });

  it("replaces a request id that could pollute the logs", async () => {
    const response = await api.get(apiPaths.publicConfig, {
      headers: { "x-request-id": "a".repeat(200) },
    });

    expect(response.headers.get("x-request-id")).not.toBe("a".repeat(200));
  });
});

describe("malformed requests", () => {
  it("answers 400 invalid_json for a body that is not JSON", async () => {
    const response = await api.post(apiPaths.communities, {
      as: "demo-champion",
      body: '{"name": "Broken",',
    });

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).error).toBe("invalid_json");
  });

  it("answers 413 for a body over 256 KB", async () => {
    const response = await api.put(apiPaths.canvasSection(ownCommunityId, "purpose"), {
      as: "demo-champion",
      headers: { "if-match": 'W/"unsaved"' },
      body: { content: "x".repeat(limits.requestBodyBytes + 1) },
    });

    expect(response.status).toBe(413);
    expect(apiErrorSchema.parse(response.body)).toMatchObject({
      error: "payload_too_large",
      status: 413,
    });
  });

  it("answers 404 not_found for an unknown API route, signed in or not", async () => {
    const anonymous = await api.get("/api/unknown-thing");
    const signedIn = await api.post("/api/communities/x/canvas/elsewhere", { as: "demo-member" });

    expect(anonymous.status).toBe(404);
    expect(apiErrorSchema.parse(anonymous.body).error).toBe("not_found");
    expect(signedIn.status).toBe(404);
  });

  it("answers 404 for a known path with a method it does not serve", async () => {
    const response = await api.request("DELETE", apiPaths.canvas(ownCommunityId), {
      as: "demo-champion",
    });

    expect(response.status).toBe(404);
  });
});

describe("authentication", () => {
  it("answers 401 without a token", async () => {
    const response = await api.get(apiPaths.me);

    expect(response.status).toBe(401);
    expect(apiErrorSchema.parse(response.body).error).toBe("unauthenticated");
  });

  it("answers 401 for a token that is not one the service issued", async () => {
    const valid = await stack.token("demo-champion");
    const [header, payload] = valid.split(".");
    const tampered = `${header}.${payload}.${"A".repeat(43)}`;

    const garbage = await api.get(apiPaths.me, { token: "not-a-jwt" });
    const forged = await api.get(apiPaths.me, { token: tampered });

    expect(garbage.status).toBe(401);
    expect(forged.status).toBe(401);
  });

  it("answers 401 for a scheme other than Bearer", async () => {
    const token = await stack.token("demo-champion");

    const response = await api.get(apiPaths.me, { headers: { authorization: `Basic ${token}` } });

    expect(response.status).toBe(401);
  });
});

describe("the built tab", () => {
  it("serves the tab's files and index.html at the root", async () => {
    const root = await api.get("/");
    const script = await api.get("/app.js");

    expect(root.status).toBe(200);
    expect(root.body).toContain("Practice Hub tab");
    expect(script.body).toContain("console.log");
  });

  it("answers index.html for client-side routes so reloads work", async () => {
    const response = await api.get("/communities/product-management/canvas");

    expect(response.status).toBe(200);
    expect(response.body).toContain("Practice Hub tab");
  });
});
