import fc from "fast-check";
import type { DemoPerson } from "../stack";
import type { FuzzRoute } from "./routes";
import { routeName } from "./routes";
import {
  bad,
  encodedBody,
  good,
  jsonBody,
  malformedHeaders,
  malformedIfMatch,
  malformedQueryString,
  malformedQueryValue,
  malformedRawBody,
  malformedSegment,
  sizedBody,
  wrongContentType,
  wrongJsonValue,
  type BodySample,
  type Sample,
} from "./samples";

/** The part of a request one property breaks; the other parts stay well-formed. */
export type Family = "path" | "query" | "body" | "headers" | "token";

/** Every part of a request before it is assembled. */
export interface RequestParts {
  /** Raw values of the route's `:params`; for the tab's catch-all, `url` is the whole path. */
  params: Record<string, Sample<string>>;
  /** The raw query, without "?". */
  query: Sample<string>;
  body: Sample<BodySample>;
  headers: Sample<Record<string, string>>;
  ifMatch: Sample<string | null>;
  /** The Authorization header, or null for none. */
  auth: Sample<string | null>;
}

/** A request ready to go on the wire. */
export interface FuzzRequest {
  /** "METHOD /declared/path" of the route it targets. */
  route: string;
  family: Family | "routing";
  method: string;
  /** The raw path and query, exactly as sent. */
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** What is wrong with it (the labels of its malformed parts), or what it is when nothing is. */
  labels: string[];
  /** True when at least one part is deliberately malformed. */
  bad: boolean;
}

/** Authorization headers for one service: real tokens and broken ones. */
export interface TokenKit {
  /** A valid token of each demo person. */
  valid: Record<DemoPerson, string>;
  /** Headers that must never authenticate anyone (null: no header). */
  malformed: Sample<string | null>[];
}

/** Malformed Authorization headers that need no key: shared by local and Entra mode. */
export function unsignedTokenTraps(validToken: string): Sample<string | null>[] {
  const [header = "", payload = "", signature = ""] = validToken.split(".");
  const unsignedPayload = Buffer.from(
    JSON.stringify({ tid: "00000000-0000-4000-8000-00000000d302", oid: "x", sub: "x" }),
  ).toString("base64url");
  const noneHeader = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
  const otherPayload = Buffer.from(
    JSON.stringify({
      ...(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as object),
      tid: "00000000-0000-4000-8000-00000000d302",
    }),
  ).toString("base64url");
  return [
    bad(null, "no token"),
    bad("Bearer", "Bearer without a token"),
    bad("Bearer ", "Bearer and a space"),
    bad("Basic dXNlcjpwYXNz", "Basic credentials"),
    bad("Bearer a.b.c", "a three-part garbage token"),
    bad("Bearer %E0%A4%A", "a percent-encoded token"),
    bad("Bearer \u00e9\u00e8", "a Latin-1 token"),
    bad(`Bearer ${"a".repeat(6_000)}`, "a 6,000-character token"),
    bad(`Bearer ${noneHeader}.${unsignedPayload}.`, "an alg:none token"),
    bad(`Bearer ${header}.${otherPayload}.${signature}`, "a token whose tenant was edited"),
    bad(`Bearer ${header}.${payload}.${signature}x`, "a token with a damaged signature"),
    bad(`Bearer ${validToken.slice(0, -10)}`, "a truncated token"),
    bad(`Bearer ${validToken} ${validToken}`, "two tokens"),
    bad(`Bearer ${header}.${payload}`, "a token without its signature"),
  ];
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

type JsonPath = (string | number)[];

function pathsOf(value: unknown, prefix: JsonPath = [], found: JsonPath[] = []): JsonPath[] {
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      found.push([...prefix, index]);
      pathsOf(item, [...prefix, index], found);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      found.push([...prefix, key]);
      pathsOf(item, [...prefix, key], found);
    }
  }
  return found;
}

/** Changes one place of a JSON value (a copy): replace it, remove it, or add a key beside it. */
function mutate(
  value: unknown,
  choice: { pick: number; op: "replace" | "remove" | "addKey" | "root"; wrong: Sample<unknown> },
): Sample<unknown> {
  const paths = pathsOf(value);
  const path = paths[choice.pick % Math.max(paths.length, 1)];
  if (choice.op === "root" || path === undefined) {
    return bad(choice.wrong.value, `the body replaced by ${choice.wrong.label}`);
  }
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const where = path.join(".");
  if (choice.op === "remove") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
    return bad(copy, `${where} left out`);
  }
  if (choice.op === "addKey" && !Array.isArray(parent)) {
    // Assigning to __proto__ would change the object's prototype; defining it makes the own key
    // that JSON.stringify writes and a JSON parser reads back as an own key too.
    Object.defineProperty(parent, "__proto__", {
      value: choice.wrong.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return bad(copy, `an own __proto__ key beside ${where}, holding ${choice.wrong.label}`);
  }
  parent[last] = choice.wrong.value;
  return bad(copy, `${where} = ${choice.wrong.label}`);
}

const jsonMutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom("replace", "replace", "replace", "remove", "addKey", "root") as fc.Arbitrary<
    "replace" | "remove" | "addKey" | "root"
  >,
  wrong: wrongJsonValue,
});

function encodeQuery(record: Record<string, string>): string {
  return new URLSearchParams(record).toString();
}

/** How one route's requests are made: well-formed parts, and each family's broken ones. */
export class RouteFuzzer {
  private readonly queryKeys: string[];

  constructor(
    readonly route: FuzzRoute,
    private readonly tokens: TokenKit,
  ) {
    const keys = new Set<string>();
    if (route.query) {
      for (const query of fc.sample(route.query, { seed: 1, numRuns: 30 })) {
        for (const key of Object.keys(query)) keys.add(key);
      }
    }
    this.queryKeys = [...keys];
  }

  /** The families that apply: a route without parameters has no path to break. */
  families(): Family[] {
    const withPath = Object.keys(this.route.params).length > 0 || this.route.urls !== undefined;
    return (["path", "query", "body", "headers", "token"] as Family[]).filter(
      (family) => family !== "path" || withPath,
    );
  }

  /** Requests whose `family` part is broken and the rest well-formed. */
  requests(family: Family): fc.Arbitrary<FuzzRequest> {
    const parts = fc.record<RequestParts>({
      params: family === "path" ? this.brokenParams() : this.goodParams(),
      query: family === "query" ? this.brokenQuery() : this.goodQuery(),
      body: family === "body" ? this.brokenBody() : this.goodBody(),
      headers: family === "headers" ? this.brokenHeaders() : fc.constant(good({}, "usual headers")),
      ifMatch: family === "headers" ? this.maybeBrokenIfMatch() : fc.constant(this.goodIfMatch()),
      auth: family === "token" ? this.brokenAuth() : this.goodAuth(),
    });
    return parts.map((value) => this.build(family, value));
  }

  /** One well-formed set of parts (the same every time), for hand-written examples. */
  wellFormedParts(): RequestParts {
    const [parts] = fc.sample(
      fc.record<RequestParts>({
        params: this.goodParams(),
        query: this.goodQuery(),
        body: this.goodBody(),
        headers: fc.constant(good({}, "usual headers")),
        ifMatch: fc.constant(this.goodIfMatch()),
        auth: this.goodAuth(),
      }),
      { seed: 1, numRuns: 1 },
    );
    if (!parts) throw new Error("fast-check gave no sample");
    return parts;
  }

  /** Puts the parts together into what goes on the wire. */
  build(family: Family, parts: RequestParts): FuzzRequest {
    const { route } = this;
    const path = route.urls
      ? (parts.params["url"]?.value ?? "/")
      : route.path.replace(/:(\w+)/g, (_, name: string) => {
          const value = parts.params[name];
          if (!value) throw new Error(`${routeName(route)} has no value for :${name}`);
          return value.value;
        });
    const headers: Record<string, string> = {};
    if (parts.auth.value !== null) headers["authorization"] = parts.auth.value;
    if (parts.ifMatch.value !== null) headers["if-match"] = parts.ifMatch.value;
    const body = parts.body.value;
    if (body.contentType !== undefined) headers["content-type"] = body.contentType;
    if (body.contentEncoding !== undefined) headers["content-encoding"] = body.contentEncoding;
    Object.assign(headers, parts.headers.value);
    const samples = [
      ...Object.values(parts.params),
      parts.query,
      parts.body,
      parts.headers,
      parts.ifMatch,
      parts.auth,
    ];
    const broken = samples.filter((sample) => sample.bad).map((sample) => sample.label);
    return {
      route: routeName(route),
      family,
      method: route.method,
      path: parts.query.value === "" ? path : `${path}?${parts.query.value}`,
      headers,
      body: body.bytes,
      labels: broken.length > 0 ? broken : ["well-formed"],
      bad: broken.length > 0,
    };
  }

  private goodParams(): fc.Arbitrary<Record<string, Sample<string>>> {
    if (this.route.urls) {
      return fc.record({ url: fc.constant(good("/", "the tab's root")) });
    }
    return fc.record(this.route.params);
  }

  private brokenParams(): fc.Arbitrary<Record<string, Sample<string>>> {
    if (this.route.urls) return fc.record({ url: this.route.urls });
    const names = Object.keys(this.route.params);
    const trap = malformedSegment(this.route.paramTraps);
    const maybeBroken = mapValues(this.route.params, (arbitrary) =>
      fc.oneof({ weight: 3, arbitrary }, { weight: 1, arbitrary: trap }),
    );
    return fc
      .tuple(fc.constantFrom(...names), fc.record(maybeBroken), trap)
      .map(([name, values, broken]) => ({ ...values, [name]: broken }));
  }

  private goodQueryRecord(): fc.Arbitrary<Record<string, string>> {
    return this.route.query ?? fc.constant({});
  }

  private goodQuery(): fc.Arbitrary<Sample<string>> {
    return this.goodQueryRecord().map((record) => good(encodeQuery(record), "a usual query"));
  }

  private brokenQuery(): fc.Arbitrary<Sample<string>> {
    const keys = [...this.queryKeys, "unknown"];
    const record = this.goodQueryRecord();
    const key = fc.constantFrom(...keys);
    const arbitraries: fc.Arbitrary<Sample<string>>[] = [
      fc.tuple(record, key, malformedQueryValue).map(([query, name, value]) => {
        const rest = encodeQuery(
          Object.fromEntries(Object.entries(query).filter(([k]) => k !== name)),
        );
        return bad(`${rest}${rest ? "&" : ""}${name}=${value.value}`, `${name}=${value.label}`);
      }),
      fc
        .tuple(record, key)
        .map(([query, name]) =>
          bad(`${encodeQuery(query)}&${name}=x&${name}=y`, `${name} given twice (an array)`),
        ),
      fc
        .tuple(record, key)
        .map(([query, name]) =>
          bad(`${encodeQuery(query)}&${name}[]=x&${name}[a]=y`, `${name} in bracket syntax`),
        ),
      malformedQueryString,
    ];
    if (this.queryKeys.length > 0) {
      arbitraries.push(
        fc
          .tuple(record, fc.constantFrom(...this.queryKeys))
          .map(([query, name]) =>
            bad(
              encodeQuery(Object.fromEntries(Object.entries(query).filter(([k]) => k !== name))),
              `${name} left out`,
            ),
          ),
      );
    }
    return fc.oneof(...arbitraries);
  }

  private goodBody(): fc.Arbitrary<Sample<BodySample>> {
    if (!this.route.body) return fc.constant(good<BodySample>({ bytes: undefined }, "no body"));
    return this.route.body.map((value) => good(jsonBody(value), "a usual body"));
  }

  private brokenBody(): fc.Arbitrary<Sample<BodySample>> {
    const base = this.route.body ?? fc.constant({});
    return fc.oneof(
      {
        weight: 5,
        arbitrary: fc.tuple(base, jsonMutation).map(([value, choice]) => {
          const mutated = mutate(value, choice);
          return bad(jsonBody(mutated.value), mutated.label);
        }),
      },
      { weight: 2, arbitrary: malformedRawBody },
      {
        weight: 2,
        arbitrary: fc
          .tuple(base, wrongContentType)
          .map(([value, type]) =>
            bad<BodySample>({ ...jsonBody(value), contentType: type }, `Content-Type "${type}"`),
          ),
      },
      {
        weight: 1,
        arbitrary: base.map((value) =>
          bad<BodySample>({ bytes: jsonBody(value).bytes }, "JSON without a Content-Type"),
        ),
      },
      { weight: 2, arbitrary: base.chain((value) => encodedBody(jsonBody(value))) },
      { weight: 1, arbitrary: sizedBody },
    );
  }

  private goodIfMatch(): Sample<string | null> {
    return this.route.ifMatch === undefined
      ? good(null, "no If-Match")
      : good(this.route.ifMatch, "an etag from setup");
  }

  private maybeBrokenIfMatch(): fc.Arbitrary<Sample<string | null>> {
    return fc.oneof(fc.constant(this.goodIfMatch()), malformedIfMatch);
  }

  private brokenHeaders(): fc.Arbitrary<Sample<Record<string, string>>> {
    return fc.oneof(
      fc.constant(good({}, "usual headers")),
      malformedHeaders,
      fc
        .tuple(malformedHeaders, malformedHeaders)
        .map(([a, b]) => bad({ ...a.value, ...b.value }, `${a.label} and ${b.label}`)),
    );
  }

  private tokenOf(person: DemoPerson): Sample<string | null> {
    return good(`Bearer ${this.tokens.valid[person]}`, `${person}'s token`);
  }

  private goodAuth(): fc.Arbitrary<Sample<string | null>> {
    if (this.route.access !== "signedIn") return fc.constant(good(null, "no token"));
    if (this.route.people) {
      return fc.constantFrom(...this.route.people.map((person) => this.tokenOf(person)));
    }
    if (this.route.championOnly) return fc.constant(this.tokenOf("demo-champion"));
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(this.tokenOf("demo-champion")) },
      { weight: 1, arbitrary: fc.constant(this.tokenOf("demo-member")) },
      { weight: 1, arbitrary: fc.constant(this.tokenOf("demo-head")) },
    );
  }

  private brokenAuth(): fc.Arbitrary<Sample<string | null>> {
    const member = this.tokenOf("demo-member");
    const champion = this.tokens.valid["demo-champion"];
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...this.tokens.malformed) },
      {
        weight: 1,
        arbitrary: fc.constant(
          bad(`Bearer ${this.tokens.valid["demo-outsider"]}`, "another tenant's token"),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.constant(
          this.route.championOnly
            ? bad(member.value, "a member's token on a champion's route")
            : member,
        ),
      },
      { weight: 1, arbitrary: fc.constant(good(`bearer ${champion}`, "a lower-case scheme")) },
    );
  }
}
