import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { gzipSync } from "node:zlib";
import { TableClient } from "@azure/data-tables";
import {
  apiErrorSchema,
  apiPaths,
  calendarFeedResponseSchema,
  communityMemberSchema,
} from "@practice-hub/shared";
import type { Express } from "express";
import pino from "pino";
import { createAuthenticator } from "../../bot/src/auth";
import type { Config } from "../../bot/src/config";
import { createHttpApp } from "../../bot/src/http/app";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore, tableNames } from "../../bot/src/store";
import { createTeamsEndpoint } from "../../bot/src/teams";
import { apiClient, type ApiClient } from "../support/api";
import { communityFactory } from "../support/factories";
import { startStack, type DemoPerson, type Stack } from "../support/stack";

/**
 * The hardening of the edges of the service: requests it cannot read are the caller's error
 * (400, never a 500 with a stack), every response carries the security headers, the calendar
 * feed's secret stays out of logs and storage, and the bot endpoint takes Teams activities only.
 * Each service here is the real HTTP app on the stack's Azurite, with a logger that writes into
 * memory so the tests can read what it logged.
 */

/** A service on the stack's storage whose every log line, at every level, is kept. */
interface LoggedService {
  baseUrl: string;
  app: Express;
  /** Parsed pino lines, oldest first. */
  lines: Record<string, unknown>[];
  /** The raw text of every line, for searching. */
  text(): string;
  close(): Promise<void>;
}

/** pino's number for the error level; fatal is above it. */
const errorLevel = 50;

/** Microsoft's list of hosts that embed Teams tabs (tab requirements, learn.microsoft.com). */
const documentedTabHosts = [
  "https://*.cloud.microsoft",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook-sdf.office.com",
  "https://outlook-sdf.office365.com",
];

const broken = "%E0%A4%A";

let stack: Stack;
let tabDir: string;
const services: LoggedService[] = [];

beforeAll(async () => {
  tabDir = mkdtempSync(path.join(tmpdir(), "practice-hub-tab-"));
  writeFileSync(path.join(tabDir, "index.html"), "<!doctype html><title>Practice Hub tab</title>");
  writeFileSync(
    path.join(tabDir, "app.js"),
    "console.log('tab');\n//# sourceMappingURL=app.js.map",
  );
  writeFileSync(path.join(tabDir, "app.js.map"), '{"version":3,"sources":["secret.ts"]}');
  stack = await startStack({ extraConfig: { JOBS_ENABLED: false, TAB_DIST_DIR: tabDir } });
});

afterAll(async () => {
  for (const service of services.splice(0)) await service.close();
  await stack?.stop();
  rmSync(tabDir, { recursive: true, force: true });
});

async function startLoggedService(overrides: Partial<Config> = {}): Promise<LoggedService> {
  const config: Config = { ...stack.config, ...overrides };
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = chunk.toString("utf8");
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: "trace" }, sink);
  const store = createStore(stack.storageConnectionString);
  const app = createHttpApp({
    config,
    logger,
    store,
    authenticator: createAuthenticator(config, logger),
    now: () => new Date(),
    teamsEndpoint: createTeamsEndpoint({
      config,
      conversationReferences: store.conversationReferences,
      logger,
    }),
    tabDistDir: tabDir,
    retroNotifier: null,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const address = server.address();
  const service: LoggedService = {
    baseUrl: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    app,
    lines,
    text: () => raw.join(""),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  services.push(service);
  return service;
}

/** An API client for a logged service (local mode: tokens from its own /api/dev/token). */
function clientOf(service: LoggedService): ApiClient {
  return apiClient({
    ...stack,
    baseUrl: service.baseUrl,
    async token(user: DemoPerson) {
      const response = await fetch(`${service.baseUrl}${apiPaths.devToken}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user }),
      });
      return ((await response.json()) as { token: string }).token;
    },
  });
}

function errorLinesOf(service: LoggedService) {
  return service.lines.filter((line) => Number(line["level"]) >= errorLevel);
}

/**
 * Every route of the app that has a path parameter, with its method and full pattern, read from
 * the app's router so that a route added later is covered too.
 */
function routesWithParameters(app: Express): { method: string; pattern: string }[] {
  interface Layer {
    rawPath?: unknown;
    route?: { path: unknown; methods: Record<string, boolean> };
    handle: { stack?: Layer[] };
  }
  const found: { method: string; pattern: string }[] = [];
  const visit = (layers: Layer[], prefix: string) => {
    for (const layer of layers) {
      if (layer.route && typeof layer.route.path === "string") {
        const pattern = `${prefix}${layer.route.path}`;
        if (!pattern.includes("/:")) continue;
        for (const method of Object.keys(layer.route.methods)) {
          found.push({ method: method.toUpperCase(), pattern });
        }
      } else if (layer.handle.stack) {
        const mount =
          typeof layer.rawPath === "string" && layer.rawPath !== "/" ? layer.rawPath : "";
        visit(layer.handle.stack, `${prefix}${mount}`);
      }
    }
  };
  visit((app as unknown as { router: { stack: Layer[] } }).router.stack, "");
  return found;
}

describe("a path with broken percent-encoding", () => {
  it("answers 400 with a sentence on every route with a path parameter, signed in or not", async () => {
    const service = await startLoggedService();
    const api = clientOf(service);
    const routes = routesWithParameters(service.app);
    console.log(`${routes.length} method and route pairs with a path parameter`);
    // The issue counted 43 such routes; more may come, fewer would mean the walk lost some.
    expect(routes.length).toBeGreaterThanOrEqual(43);

    for (const { method, pattern } of routes) {
      const url = pattern.replace(/:[A-Za-z]+/g, broken);
      for (const as of [undefined, "demo-champion"] as const) {
        const response = await api.request(method, url, as ? { as } : {});

        expect({ method, url, as, status: response.status }).toEqual({
          method,
          url,
          as,
          status: 400,
        });
        const body = apiErrorSchema.parse(response.body);
        expect(body.error).toBe("bad_request");
        expect(body.message).toMatch(/^The address has broken percent-encoding .+\.$/);
      }
    }
    expect(errorLinesOf(service)).toEqual([]);
  });

  it("answers 400 for the issue's example, and the tab's page (not a 500) under the tab", async () => {
    const service = await startLoggedService();
    const api = clientOf(service);

    const canvas = await api.get(`/api/communities/${broken}/canvas`);
    const file = await api.get(`/assets/${broken}.js`);

    expect(canvas.status).toBe(400);
    // Any GET outside /api that names no file gets the tab, which shows its own not-found view.
    expect(file.status).toBe(200);
    expect(file.body).toContain("Practice Hub tab");
    expect(errorLinesOf(service)).toEqual([]);
  });
});

describe("a body the service cannot read", () => {
  it("answers 400 to a body that claims gzip and is not", async () => {
    const service = await startLoggedService();
    const api = clientOf(service);

    const response = await api.post(apiPaths.communities, {
      as: "demo-champion",
      headers: { "content-encoding": "gzip" },
      body: '{"name":"Not gzip at all"}',
    });

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).message).toMatch(
      /^The request body could not be read: it does not match its Content-Encoding/,
    );
    expect(errorLinesOf(service)).toEqual([]);
  });

  it("still reads a body that really is gzip", async () => {
    const service = await startLoggedService();

    const response = await fetch(`${service.baseUrl}${apiPaths.devToken}`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(JSON.stringify({ user: "demo-member" })),
    });

    expect(response.status).toBe(200);
  });

  it("answers 415 to a Content-Encoding it does not read", async () => {
    const service = await startLoggedService();
    const api = clientOf(service);

    const response = await api.post(apiPaths.devToken, {
      headers: { "content-encoding": "compress" },
      body: { user: "demo-member" },
    });

    expect(response.status).toBe(415);
    expect(apiErrorSchema.parse(response.body).message).toContain("Send UTF-8 JSON");
    expect(errorLinesOf(service)).toEqual([]);
  });
});

describe("the bot endpoint", () => {
  const teamsActivity = {
    type: "event",
    name: "hardening/probe",
    channelId: "msteams",
    serviceUrl: "http://127.0.0.1:9/",
    from: { id: "29:someone", aadObjectId: "someone" },
    recipient: { id: "28:bot" },
    conversation: { id: "a:hardening", conversationType: "personal", tenantId: demoTenantId },
  };

  function postActivity(service: LoggedService, body: string | undefined, contentType?: string) {
    return fetch(`${service.baseUrl}${apiPaths.botMessages}`, {
      method: "POST",
      headers: contentType ? { "content-type": contentType } : {},
      ...(body !== undefined ? { body } : {}),
    });
  }

  it.each([
    ["no body", undefined, undefined],
    ["an empty JSON body", "", "application/json"],
    ["a JSON array", "[]", "application/json"],
    ["an object that is not an activity", '{"hello":"bot"}', "application/json"],
    ["plain text", "hello bot", "text/plain"],
  ])("answers 400 with a sentence to %s", async (_what, body, contentType) => {
    const service = await startLoggedService();

    const response = await postActivity(service, body, contentType);

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).message).toBe(
      "The bot endpoint takes a Bot Framework activity: a JSON object with type, channelId, serviceUrl and conversation.id.",
    );
    expect(errorLinesOf(service)).toEqual([]);
  });

  it("answers 400 to an activity whose tenant is not a tenant id", async () => {
    const service = await startLoggedService();
    const activity = {
      ...teamsActivity,
      conversation: { ...teamsActivity.conversation, tenantId: "contoso__other" },
    };

    const response = await postActivity(service, JSON.stringify(activity), "application/json");

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).message).toContain(
      "not a Microsoft Entra tenant id",
    );
  });

  it("refuses an activity from another channel than Teams outside local mode", async () => {
    const service = await startLoggedService({
      AUTH_MODE: "entra",
      ENTRA_CLIENT_ID: "00000000-0000-4000-8000-0000000000c1",
      ENTRA_OPENID_METADATA_URL: "http://127.0.0.1:9/.well-known/openid-configuration",
      MicrosoftAppId: "00000000-0000-4000-8000-00000000b075",
      MicrosoftAppPassword: "not-a-real-secret",
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: demoTenantId,
    });
    const webChat = JSON.stringify({ ...teamsActivity, channelId: "webchat" });

    const response = await postActivity(service, webChat, "application/json");

    expect(response.status).toBe(403);
    expect(apiErrorSchema.parse(await response.json()).message).toBe(
      "This bot answers Microsoft Teams only; activities from other channels are refused.",
    );
  });

  it("lets another channel in locally, where the Playground and the Emulator talk to it", async () => {
    const service = await startLoggedService();
    const webChat = JSON.stringify({ ...teamsActivity, channelId: "webchat" });

    const response = await postActivity(service, webChat, "application/json");

    expect(response.status).toBe(200);
  });
});

describe("security headers", () => {
  function directivesOf(response: Response): Map<string, string[]> {
    const policy = response.headers.get("content-security-policy") ?? "";
    return new Map(
      policy
        .split(";")
        .map((directive) => directive.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name ?? "", values]),
    );
  }

  it.each([
    ["the tab", "/"],
    ["a client-side route of the tab", "/communities/x/canvas"],
    ["the API", apiPaths.publicConfig],
    ["an API error", "/api/nowhere"],
  ])("puts helmet's headers and the tab's CSP on %s", async (_what, url) => {
    const service = await startLoggedService();

    const response = await fetch(`${service.baseUrl}${url}`);
    const directives = directivesOf(response);

    expect(directives.get("frame-ancestors")).toEqual(["'self'", ...documentedTabHosts]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    // X-Frame-Options cannot name Teams; frame-ancestors decides who may frame the tab.
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(response.headers.get("x-powered-by")).toBeNull();
    // Plain http (the local stack): no HSTS, no upgrade of requests to https it does not serve.
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(directives.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds HSTS and upgrade-insecure-requests behind TLS", async () => {
    const service = await startLoggedService({ PUBLIC_BASE_URL: "https://hub.example.com" });

    const response = await fetch(`${service.baseUrl}/`);

    expect(response.headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(directivesOf(response).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("source maps", () => {
  it("are not served outside development: 404, not the tab's index.html", async () => {
    const service = await startLoggedService({ NODE_ENV: "production" });
    const api = clientOf(service);

    const map = await api.get("/app.js.map");
    const encoded = await api.get("/app.js%2Emap");
    const script = await api.get("/app.js");

    expect(map.status).toBe(404);
    expect(JSON.stringify(map.body)).not.toContain("secret.ts");
    expect(encoded.status).toBe(404);
    expect(script.status).toBe(200);
  });

  it("are served in development", async () => {
    const service = await startLoggedService({ NODE_ENV: "development" });

    const response = await fetch(`${service.baseUrl}/app.js.map`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("secret.ts");
  });
});

describe("the calendar feed's secret", () => {
  const feedTable = () =>
    TableClient.fromConnectionString(stack.storageConnectionString, tableNames.rituals, {
      allowInsecureConnection: true,
    });

  async function turnOnFeed(api: ApiClient, communityId: string) {
    const response = await api.post(apiPaths.calendarFeed(communityId), { as: "demo-champion" });
    const url = calendarFeedResponseSchema.parse(response.body).url;
    if (!url) throw new Error("no feed url");
    const { pathname } = new URL(url);
    const token = pathname.split("/")[5] ?? "";
    return { pathname, token };
  }

  it("never appears in the log lines of a feed poll", async () => {
    const service = await startLoggedService();
    const api = clientOf(service);
    const community = await communityFactory(api);
    const { pathname, token } = await turnOnFeed(api, community.id);
    const before = service.lines.length;

    const poll = await fetch(`${service.baseUrl}${pathname}`);
    const wrongToken = await fetch(`${service.baseUrl}${pathname.replace(token, "x".repeat(32))}`);

    expect(poll.status).toBe(200);
    expect(wrongToken.status).toBe(404);
    const pollLines = service.lines.slice(before);
    expect(pollLines.map((line) => line["route"])).toContain(
      "/feeds/:tenantId/:communityId/:token/calendar.ics",
    );
    expect(JSON.stringify(pollLines)).not.toContain(token);
    expect(service.text()).not.toContain(token);
  });

  it("is stored only as a hash, and the champion's view says the feed is on without its URL", async () => {
    const service = await startLoggedService();
    const api = clientOf(service);
    const community = await communityFactory(api);
    const { token } = await turnOnFeed(api, community.id);

    const row = await feedTable().getEntity(`${demoTenantId}__${community.id}`, "feed");
    const state = await api.get(apiPaths.calendarFeed(community.id), { as: "demo-champion" });

    expect(JSON.stringify(row)).not.toContain(token);
    expect(row["token"]).toBeUndefined();
    expect(row["tokenHash"]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(calendarFeedResponseSchema.parse(state.body)).toEqual({ url: null, active: true });
  });

  it("keeps working for a subscriber's URL made before hashing, and then stores only its hash", async () => {
    const service = await startLoggedService();
    const api = clientOf(service);
    const community = await communityFactory(api);
    await turnOnFeed(api, community.id);
    const partitionKey = `${demoTenantId}__${community.id}`;
    // The row as the service wrote it before this change: the token itself.
    const oldToken = "OldSubscriberToken_0123456789abcd";
    await feedTable().updateEntity({ partitionKey, rowKey: "feed", token: oldToken }, "Replace");
    const oldUrl = `/api/feeds/${demoTenantId}/${community.id}/${oldToken}/calendar.ics`;

    const first = await fetch(`${service.baseUrl}${oldUrl}`);
    const row = await feedTable().getEntity(partitionKey, "feed");
    const second = await fetch(`${service.baseUrl}${oldUrl}`);

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(JSON.stringify(row)).not.toContain(oldToken);
    expect(row["tokenHash"]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("member ids", () => {
  it.each([
    ["a right-to-left override", "abc\u202Egpj.exe"],
    ["a left-to-right isolate", "\u2066admin\u2069"],
    ["markup", "<img src=x onerror=alert(1)>"],
    ["a Markdown link", "[boss](https://evil.example)"],
    ["a space", "Jane Doe"],
    ["a dot segment", ".."],
  ])("refuses %s with 400 and a sentence", async (_what, userId) => {
    const service = await startLoggedService();
    const api = clientOf(service);
    const community = await communityFactory(api);

    const response = await api.post(apiPaths.people(community.id), {
      as: "demo-champion",
      body: { userId, displayName: "Someone New" },
    });

    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).message).toContain(
      "A person's id uses only letters, digits and . _ - and starts with a letter or digit",
    );
  });

  it("accepts an Entra object id", async () => {
    const service = await startLoggedService();
    const api = clientOf(service);
    const community = await communityFactory(api);

    const response = await api.post(apiPaths.people(community.id), {
      as: "demo-champion",
      body: { userId: "8c1f2d3e-0000-4000-8000-1234567890ab", displayName: "Someone New" },
    });

    expect(response.status).toBe(201);
    expect(communityMemberSchema.parse(response.body).person.id).toBe(
      "8c1f2d3e-0000-4000-8000-1234567890ab",
    );
  });
});
