/**
 * The fuzz suite: property-based requests, driven by fast-check with a fixed seed, against every
 * route of the real service (Azurite in memory, express on loopback). Each property breaks one
 * part of a request (path parameters, query, body, headers or token) and keeps the rest
 * well-formed, so the broken part reaches the code that must refuse it. The property: never a
 * 5xx, every error in the one error shape, and /healthz still answers afterwards.
 *
 * A failure names the route, the input and the request id; the service's log lines carry the
 * same id (`x-request-id: fuzz-<n>`), so running with `LOG_LEVEL: "error"` in `extraConfig`
 * shows the stack of each 5xx. Runs per property are bounded (see `runs`).
 */
import fc from "fast-check";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { apiPaths, ritualVerbs } from "@practice-hub/shared";
import { createService } from "../../bot/src/server";
import { retroClock } from "../support/retroFactories";
import { startStack, type Stack } from "../support/stack";
import {
  describeRequest,
  FuzzFigures,
  problemOf,
  sendRaw,
  type FuzzAnswer,
} from "../support/fuzz/client";
import { startConnectorSink, type ConnectorSink } from "../support/fuzz/connectorSink";
import { expressRoutes } from "../support/fuzz/expressRoutes";
import { createFuzzFixtures, entraTokenKit, localTokenKit } from "../support/fuzz/fixtures";
import {
  RouteFuzzer,
  type Family,
  type FuzzRequest,
  type RequestParts,
  type TokenKit,
} from "../support/fuzz/requests";
import { fuzzRoutes, routeName, type FuzzFixtures } from "../support/fuzz/routes";
import { bad, jsonBody, type BodySample } from "../support/fuzz/samples";

const seed = 20_260_309;
/** Generated requests per route for each broken part (hand-written examples come on top). */
const runs: Record<Family, number> = { path: 8, query: 4, body: 8, headers: 4, token: 4 };
const families: Family[] = ["path", "query", "body", "headers", "token"];

let sink: ConnectorSink;
let tabDir: string;
let sent = 0;

beforeAll(async () => {
  sink = await startConnectorSink();
  // A built tab of two files, so the static routes serve files instead of the "not built" page.
  tabDir = mkdtempSync(path.join(tmpdir(), "practice-hub-fuzz-tab-"));
  mkdirSync(path.join(tabDir, "assets"));
  writeFileSync(path.join(tabDir, "index.html"), "<!doctype html><title>Practice Hub</title>");
  writeFileSync(path.join(tabDir, "assets", "app.js"), "console.log('tab');");
});

afterAll(async () => {
  await sink?.close();
  rmSync(tabDir, { recursive: true, force: true });
});

/**
 * A request that once got a 5xx (found by hand in the hardening issue, or by this suite): sent
 * first in its property, whatever the seed.
 */
interface KnownCase {
  route: string;
  family: Family;
  parts: Partial<RequestParts>;
}

function json(text: string, extra: Partial<BodySample> = {}): BodySample {
  return { bytes: Buffer.from(text, "utf8"), contentType: "application/json", ...extra };
}

function knownCases(f: FuzzFixtures): KnownCase[] {
  const occurrence = "/api/communities/:communityId/rituals/:ritualId/occurrences/:date";
  return [
    {
      route: "GET /api/communities/:communityId/canvas",
      family: "path",
      parts: { params: { communityId: bad("%E0%A4%A", "broken percent-encoding %E0%A4%A") } },
    },
    {
      route: "POST /api/communities",
      family: "body",
      parts: {
        body: bad(
          json('{"name":"x","profession":"y"}', { contentEncoding: "gzip" }),
          "Content-Encoding gzip over bytes that are not gzip",
        ),
      },
    },
    {
      route: "POST /api/messages",
      family: "body",
      parts: { body: bad(json(""), "an empty body") },
    },
    {
      route: "POST /api/messages",
      family: "body",
      parts: { body: bad(json('{"hello":"world"}'), "a JSON object that is not an activity") },
    },
    {
      route: "GET /api/communities/:communityId/occurrences",
      family: "query",
      parts: {
        query: bad("from=9999-12-01T00:00:00Z&to=9999-12-31T00:00:00Z", "from and to in year 9999"),
      },
    },
    {
      route: "POST /api/messages",
      family: "body",
      parts: {
        body: bad(
          jsonBody({
            type: "invoke",
            name: "adaptiveCard/action",
            channelId: "msteams",
            serviceUrl: f.connectorUrl,
            from: { id: "29:fuzz-member", aadObjectId: "demo-member" },
            recipient: { id: "28:practice-hub" },
            conversation: { id: f.channelId, conversationType: "channel", tenantId: f.tenantId },
            channelData: { tenant: { id: f.tenantId } },
            value: {
              action: {
                type: "Action.Execute",
                verb: ritualVerbs.rsvp,
                data: {
                  communityId: f.communityId,
                  ritualId: f.ritualId,
                  date: "9999-12-27",
                  lead: 15,
                  response: "going",
                },
              },
            },
          }),
          "a card RSVP for a year-9999 date",
        ),
      },
    },
    {
      route: `PUT ${occurrence}/rsvp`,
      family: "path",
      parts: { params: { date: bad("9999-12-27", "a year-9999 date") } },
    },
    {
      route: "GET /.*/",
      family: "headers",
      parts: { headers: bad({ "if-match": '"x"' }, "an If-Match on the tab") },
    },
  ];
}

function examplesFor(fuzzer: RouteFuzzer, family: Family, known: KnownCase[]): [FuzzRequest][] {
  return known
    .filter((entry) => entry.route === routeName(fuzzer.route) && entry.family === family)
    .map((entry) => {
      const base = fuzzer.wellFormedParts();
      const parts = { ...base, ...entry.parts, params: { ...base.params, ...entry.parts.params } };
      return [fuzzer.build(family, parts)];
    });
}

/** Sends one request, records it, and throws when the answer breaks the property. */
async function check(stack: Stack, figures: FuzzFigures, request: FuzzRequest): Promise<void> {
  sent += 1;
  const headers = { "x-request-id": `fuzz-${sent}`, ...request.headers };
  let answer: FuzzAnswer | null = null;
  let problem: string | null;
  try {
    answer = await sendRaw(stack.baseUrl, { ...request, headers });
    problem = problemOf(request, answer);
  } catch (error) {
    problem = `got no answer (${String(error)})`;
  }
  figures.record(request, answer, problem);
  if (problem) {
    const excerpt = answer ? answer.text.slice(0, 160).replace(/\s+/g, " ") : "";
    const id = answer ? ` (request id ${answer.requestId})` : "";
    throw new Error(`${describeRequest(request)} ${problem}${id}: ${excerpt}`);
  }
}

/**
 * Runs one property per route for a family; returns a line per route whose property failed,
 * with the first counterexample (runs end at the first failure: no shrinking over HTTP).
 */
async function fuzzFamily(props: {
  stack: Stack;
  figures: FuzzFigures;
  fuzzers: RouteFuzzer[];
  family: Family;
  numRuns: number;
  known: KnownCase[];
}): Promise<string[]> {
  const failures: string[] = [];
  for (const [index, fuzzer] of props.fuzzers.entries()) {
    if (!fuzzer.families().includes(props.family)) continue;
    const details = await fc.check(
      fc.asyncProperty(fuzzer.requests(props.family), (request) =>
        check(props.stack, props.figures, request),
      ),
      {
        seed: seed + index * families.length + families.indexOf(props.family),
        numRuns: props.numRuns,
        endOnFailure: true,
        examples: examplesFor(fuzzer, props.family, props.known),
      },
    );
    if (details.failed) {
      const error = details.errorInstance;
      failures.push(
        `${routeName(fuzzer.route)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return failures;
}

async function healthStatus(stack: Stack): Promise<number> {
  const response = await fetch(`${stack.baseUrl}${apiPaths.health}`);
  return response.status;
}

const familySentences: Record<Family, string> = {
  path: "malformed path parameters",
  query: "malformed queries",
  body: "malformed bodies, content types and encodings",
  headers: "malformed If-Match and other headers",
  token: "missing, malformed, forged and foreign tokens",
};

describe("the service in local mode", () => {
  let stack: Stack;
  let fixtures: FuzzFixtures;
  let fuzzers: RouteFuzzer[];
  let tokens: TokenKit;
  const figures = new FuzzFigures();

  beforeAll(async () => {
    const clock = retroClock("2026-03-09T12:00:00.000Z");
    stack = await startStack({
      now: clock.now,
      extraConfig: { JOBS_ENABLED: false, TAB_DIST_DIR: tabDir },
    });
    fixtures = await createFuzzFixtures(stack, sink.serviceUrl);
    tokens = await localTokenKit(stack);
    fuzzers = fuzzRoutes(fixtures).map((route) => new RouteFuzzer(route, tokens));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("fuzzes every route the express app serves, and no route it does not", async () => {
    const service = await createService({ ...stack.config, JOBS_ENABLED: false });
    try {
      const served = expressRoutes(service.app).sort();
      const fuzzed = fuzzers.map((fuzzer) => routeName(fuzzer.route)).sort();

      expect(fuzzed).toEqual(served);
      expect(served.length).toBeGreaterThanOrEqual(57);
    } finally {
      await service.close();
    }
  });

  it("fuzzes every path of the shared API contract", () => {
    const fuzzedPaths = fuzzers.map((fuzzer) => fuzzer.route.path.replace(/:\w+/g, "P"));
    const contractPaths = Object.values(apiPaths).map((entry) =>
      typeof entry === "string" ? entry : (entry as (...ids: string[]) => string)("P", "P", "P"),
    );

    const missing = contractPaths.filter(
      (contract) =>
        !fuzzedPaths.some((fuzzed) => fuzzed === contract || fuzzed.startsWith(`${contract}/`)),
    );
    expect(missing).toEqual([]);
  });

  it.each(families.map((family) => [familySentences[family], family] as const))(
    "answers %s on every route without a 5xx, in the one error shape",
    async (_sentence, family) => {
      const failures = await fuzzFamily({
        stack,
        figures,
        fuzzers,
        family,
        numRuns: runs[family],
        known: knownCases(fixtures),
      });

      expect(failures).toEqual([]);
      expect(await healthStatus(stack)).toBe(200);
    },
  );

  it("answers unknown paths and wrong methods without a 5xx, in the one error shape", async () => {
    const routePaths = fuzzers.map((fuzzer) => fuzzer.build("path", fuzzer.wellFormedParts()).path);
    const strayPaths = [
      "/api",
      "/api/",
      "/API/ME",
      "/api//me",
      "/api/me/",
      "/api/nope",
      `/api/communities/${fixtures.communityId}/nope`,
      "/api/me;jsessionid=1",
      "/api/me%2F",
      "/api/%2e%2e/healthz",
      "/api/communities/%E0%A4%A",
      "*",
    ];
    const champion = `Bearer ${tokens.valid["demo-champion"]}`;
    const requests = fc
      .record({
        method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
        path: fc.constantFrom(...routePaths, ...strayPaths),
      })
      .map(({ method, path: url }): FuzzRequest => ({
        route: "(routing)",
        family: "routing",
        method,
        path: url,
        headers: { authorization: champion },
        body: undefined,
        labels: [`${method} on ${url.slice(0, 80)}`],
        bad: true,
      }));

    await fc.assert(
      fc.asyncProperty(requests, (request) => check(stack, figures, request)),
      { seed, numRuns: 80, endOnFailure: true },
    );
    expect(await healthStatus(stack)).toBe(200);
  });

  it("still answers /healthz after every route was fuzzed, and prints the figures", async () => {
    const unfuzzed = fuzzers
      .map((fuzzer) => routeName(fuzzer.route))
      .filter((route) => figures.requestsTo(route) === 0);

    console.log(
      [
        figures.report("Fuzz figures, local mode"),
        ...figures.serverErrors.map((line) => `  5xx: ${line}`),
        ...figures.shapeErrors.map((line) => `  shape: ${line}`),
        ...figures.unanswered.map((line) => `  no answer: ${line}`),
      ].join("\n"),
    );
    expect(await healthStatus(stack)).toBe(200);
    expect(unfuzzed).toEqual([]);
  });
});

describe("the service in Entra mode", () => {
  let stack: Stack;
  let fuzzers: RouteFuzzer[];
  const figures = new FuzzFigures();

  beforeAll(async () => {
    stack = await startStack({
      authMode: "entra",
      seed: false,
      extraConfig: { JOBS_ENABLED: false, TAB_DIST_DIR: tabDir },
    });
    const fixtures = await createFuzzFixtures(stack, sink.serviceUrl);
    const tokens = await entraTokenKit(stack);
    fuzzers = fuzzRoutes(fixtures)
      // Local mode only: Entra mode does not serve the demo people and their tokens.
      .filter((route) => !route.path.startsWith("/api/dev/"))
      .map((route) => new RouteFuzzer(route, tokens));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("answers expired, mis-addressed, mis-signed and foreign tokens on every route without a 5xx, in the one error shape", async () => {
    const failures = await fuzzFamily({
      stack,
      figures,
      fuzzers,
      family: "token",
      numRuns: 4,
      known: [],
    });

    console.log(
      [
        figures.report("Fuzz figures, Entra mode"),
        ...figures.serverErrors.map((line) => `  5xx: ${line}`),
        ...figures.shapeErrors.map((line) => `  shape: ${line}`),
      ].join("\n"),
    );
    expect(failures).toEqual([]);
    expect(await healthStatus(stack)).toBe(200);
  });
});
