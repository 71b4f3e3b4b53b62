import fc from "fast-check";
import { gzipSync } from "node:zlib";
import { limits } from "@practice-hub/shared";

/**
 * One part of a fuzz request (a path segment, a query, a body, headers, a token) with a short
 * label for failure messages, and whether it is deliberately wrong.
 */
export interface Sample<T> {
  value: T;
  label: string;
  bad: boolean;
}

/** A well-formed part. */
export function good<T>(value: T, label: string): Sample<T> {
  return { value, label, bad: false };
}

/** A deliberately malformed part. */
export function bad<T>(value: T, label: string): Sample<T> {
  return { value, label, bad: true };
}

/** A body as it goes on the wire, with the headers that describe it. */
export interface BodySample {
  bytes: Buffer | undefined;
  /** Content-Type; absent sends none. */
  contentType?: string;
  contentEncoding?: string;
}

/** A JSON body of the value, as the tab sends it. */
export function jsonBody(value: unknown): BodySample {
  return { bytes: Buffer.from(JSON.stringify(value), "utf8"), contentType: "application/json" };
}

function constants<T>(entries: [string, T][]): fc.Arbitrary<Sample<T>> {
  return fc.constantFrom(...entries.map(([label, value]) => bad(value, label)));
}

function shown(text: string): string {
  return text.length > 40 ? `${JSON.stringify(text.slice(0, 40))}...` : JSON.stringify(text);
}

/** Dates that are not dates, or are far outside the few years around now the API accepts. */
const outlandishDates: [string, string][] = [
  ["a year-9999 date", "9999-12-27"],
  ["the last day of year 9999", "9999-12-31"],
  ["a year-0 date", "0000-01-03"],
  ["a date before 1900", "1066-10-14"],
  ["a day that does not exist", "2026-02-30"],
  ["month 13", "2026-13-01"],
  ["an unpadded date", "2026-3-9"],
  ["a date past the end of JavaScript's range", "+275760-09-14"],
];

/**
 * Path segments, raw as they go into the URL: broken percent-encoding, traversal, NUL and
 * control characters, bidi overrides, injection attempts, impossible dates.
 */
const fixedSegments = constants<string>([
  ["broken percent-encoding %E0%A4%A", "%E0%A4%A"],
  ["a lone %", "%"],
  ["an invalid escape %zz", "%zz"],
  ["a truncated UTF-8 escape", "%C3"],
  ["bytes that are not UTF-8", "%FF%FE"],
  ["overlong UTF-8", "%C0%AF"],
  ["an escaped lone surrogate", "%ED%A0%80"],
  ["dot-dot", ".."],
  ["escaped dot-dot", "%2e%2e"],
  ["escaped traversal", "..%2F..%2F..%2Fetc%2Fpasswd"],
  ["an escaped slash", "a%2Fb"],
  ["an escaped backslash", "a%5Cb"],
  ["NUL", "%00"],
  ["NUL inside", "product%00management"],
  ["CRLF", "%0D%0ASet-Cookie:%20x=1"],
  ["a bidi override", "%E2%80%AEtxt.exe"],
  ["a zero-width space", "%E2%80%8B"],
  ["full-width letters", "%EF%BC%A1%EF%BC%A2"],
  ["OData injection", encodeURIComponent("' or PartitionKey ne '")],
  ["__proto__", "__proto__"],
  ["constructor", "constructor"],
  ["a space", "%20"],
  ["upper case", "Product-Management"],
  ...outlandishDates,
]);

/** Malformed path segments; `extra` adds the route's own (another tenant's id, say). */
export function malformedSegment(extra: Sample<string>[] = []): fc.Arbitrary<Sample<string>> {
  const arbitraries: fc.Arbitrary<Sample<string>>[] = [
    fixedSegments,
    fc
      .integer({ min: 100, max: 4_000 })
      .map((length) => bad("a".repeat(length), `${length} characters`)),
    fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 12 })
      .map((text) => bad(encodeURIComponent(text), `unicode ${shown(text)}`)),
    fc
      .string({ unit: "binary-ascii", minLength: 1, maxLength: 12 })
      .map((text) => bad(encodeURIComponent(text), `ASCII with controls ${shown(text)}`)),
  ];
  if (extra.length > 0) arbitraries.push(fc.constantFrom(...extra));
  return fc.oneof(...arbitraries);
}

/** Query values, raw (already escaped where they should be). */
const fixedQueryValues = constants<string>([
  ["a year-9999 instant", "9999-12-01T00:00:00Z"],
  ["the last instant of year 9999", "9999-12-31T23:59:59.999Z"],
  ["a year-1 instant", "0001-01-01T00:00:00Z"],
  ["an instant past JavaScript's range", "%2B275760-09-14T00:00:00.000Z"],
  ["an instant before JavaScript's range", "-271821-04-19T00:00:00Z"],
  ["a day that does not exist", "2026-02-30T00:00:00Z"],
  ["hour 25", "2026-03-09T25:61:00Z"],
  ["a date without a time", "2026-03-09"],
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
  ["-1", "-1"],
  ["zero", "0"],
  ["1e309", "1e309"],
  ["a 400-digit number", "9".repeat(400)],
  ["hex", "0x10"],
  ["a fraction", "1.5"],
  ["empty", ""],
  ["broken percent-encoding", "%E0%A4%A"],
  ["NUL", "%00"],
  ["a bidi override", "%E2%80%AE"],
  ["6,000 characters", "x".repeat(6_000)],
  ["traversal", encodeURIComponent("../../etc/passwd")],
  ["an unknown zone", "Etc%2FGMT%2B99"],
  ["a zone with NUL", "Europe%2FLondon%00"],
  ["JSON", encodeURIComponent('{"$gt":""}')],
]);

/** A malformed query value: a fixed outlandish one, or random unicode. */
export const malformedQueryValue: fc.Arbitrary<Sample<string>> = fc.oneof(
  { weight: 4, arbitrary: fixedQueryValues },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: "grapheme", maxLength: 16 })
      .map((text) => bad(encodeURIComponent(text), `unicode ${shown(text)}`)),
  },
);

/** Whole query strings that are malformed as a whole. */
export const malformedQueryString = constants<string>([
  ["only ampersands", "&&&"],
  ["an empty key", "=x"],
  ["a lone %", "x=%"],
  ["semicolons", ";;;"],
  ["a second ?", "?a=1"],
  ["__proto__", "__proto__=x&__proto__[polluted]=1"],
  ["constructor.prototype", "constructor[prototype][polluted]=1"],
  ["hasOwnProperty", "hasOwnProperty=x"],
  ["1,500 parameters", Array.from({ length: 1_500 }, (_, index) => `p${index}=1`).join("&")],
]);

function deepObject(depth: number): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

/** JSON values of the wrong type or shape for whatever field they replace. */
export const wrongJsonValue: fc.Arbitrary<Sample<unknown>> = fc.oneof(
  {
    weight: 5,
    arbitrary: constants<unknown>([
      ["null", null],
      ["true", true],
      ["zero", 0],
      ["-1", -1],
      ["1.5", 1.5],
      ["1e308", 1e308],
      ["2^53 + 2", 2 ** 53 + 2],
      ["an empty string", ""],
      ["a blank string", "   "],
      ["40,000 characters", "x".repeat(40_000)],
      ["a NUL character", "\u0000"],
      ["a lone surrogate", "\uD800"],
      ["a bidi override", "\u202Etxt.exe"],
      ["markup", "<script>alert(1)</script>"],
      ["an adaptive card mention", "<at>everyone</at>"],
      ["OData injection", "' or PartitionKey ne '"],
      ["a year-9999 date", "9999-12-31"],
      ["a year-0 date", "0000-01-01"],
      ["an instant past JavaScript's range", "+275760-09-14T00:00:00.000Z"],
      ["a day that does not exist", "2026-02-30"],
      ["NaN as text", "NaN"],
      ["an empty array", []],
      ["a mixed array", [1, "a", null, {}]],
      ["10,000 items", Array.from({ length: 10_000 }, () => "a")],
      ["an empty object", {}],
      ["a 1,000-deep object", deepObject(1_000)],
      ["a javascript: URL", "javascript:alert(1)"],
      ["a file: URL", "file:///etc/passwd"],
    ]),
  },
  {
    weight: 1,
    arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => bad(value, "random JSON")),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: "grapheme", maxLength: 40 })
      .map((text) => bad<unknown>(text, `unicode ${shown(text)}`)),
  },
);

/** Raw bodies that are not the JSON object a route expects, sent as application/json. */
export const malformedRawBody: fc.Arbitrary<Sample<BodySample>> = fc.oneof(
  {
    weight: 4,
    arbitrary: constants<string>([
      ["an empty body", ""],
      ["an unterminated object", "{"],
      ["a misspelt null", "nul"],
      ["an array", "[]"],
      ["null", "null"],
      ["a number", "0"],
      ["a string", '"text"'],
      ["true", "true"],
      ["a trailing comma", '{"a":1,}'],
      ["a byte-order mark", "\uFEFF{}"],
      ["single quotes", "{'a':1}"],
      ["duplicate keys", '{"a":1,"a":2}'],
      ["an own __proto__ key", '{"__proto__":{"polluted":true}}'],
      ["100,000 unclosed brackets", "[".repeat(100_000)],
      ["arrays 100,000 deep", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
      ["a NUL byte", "\u0000"],
    ]).map((sample) => ({
      ...sample,
      value: { bytes: Buffer.from(sample.value, "utf8"), contentType: "application/json" },
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ minLength: 1, maxLength: 64 })
      .map((bytes) =>
        bad<BodySample>(
          { bytes: Buffer.from(bytes), contentType: "application/json" },
          `${bytes.length} random bytes`,
        ),
      ),
  },
);

/** Bodies around the size limit: just under, just over, and far over. */
export const sizedBody: fc.Arbitrary<Sample<BodySample>> = fc
  .constantFrom(
    { label: "a body 512 bytes under the limit", bytes: limits.requestBodyBytes - 512 },
    { label: "a body 1 byte over the limit", bytes: limits.requestBodyBytes + 1 },
    { label: "a body four times the limit", bytes: limits.requestBodyBytes * 4 },
  )
  .map(({ label, bytes }) => {
    const padding = "x".repeat(bytes - '{"pad":""}'.length);
    return bad<BodySample>(
      { bytes: Buffer.from(`{"pad":"${padding}"}`, "utf8"), contentType: "application/json" },
      label,
    );
  });

/** Content types a JSON route does not expect. */
export const wrongContentType = fc.constantFrom(
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----fuzz",
  "application/json; charset=latin1",
  "application/json; charset=utf-16le",
  "application/json; charset=nonsense",
  "application/json;;;",
  "APPLICATION/JSON",
  "application/merge-patch+json",
  "application/xml",
  "",
);

/**
 * Content encodings: gzip, deflate and br announced over bytes that are none of them, encodings
 * nobody supports, and (well-formed) real gzip.
 */
export function encodedBody(body: BodySample): fc.Arbitrary<Sample<BodySample>> {
  const bytes = body.bytes ?? Buffer.alloc(0);
  return fc.constantFrom(
    bad({ ...body, contentEncoding: "gzip" }, "Content-Encoding gzip over bytes that are not gzip"),
    bad({ ...body, contentEncoding: "deflate" }, "Content-Encoding deflate over plain bytes"),
    bad({ ...body, contentEncoding: "br" }, "Content-Encoding br over plain bytes"),
    bad({ ...body, contentEncoding: "compress" }, "an unsupported Content-Encoding"),
    bad({ ...body, contentEncoding: "gzip, gzip" }, "Content-Encoding gzip twice"),
    bad(
      { ...body, bytes: gzipSync(Buffer.from("not json")), contentEncoding: "gzip" },
      "real gzip of text that is not JSON",
    ),
    good({ ...body, bytes: gzipSync(bytes), contentEncoding: "gzip" }, "real gzip"),
  );
}

/** If-Match values: the wildcard, empty, garbage, lists, long and non-ASCII ones. */
export const malformedIfMatch = constants<string | null>([
  ["no If-Match", null],
  ["If-Match *", "*"],
  ["an empty If-Match", ""],
  ["a garbage If-Match", "garbage"],
  ["a weak made-up etag", 'W/"x"'],
  ["an unterminated quote", '"'],
  ["a list of etags", '"a", "b"'],
  ["a 5,000-character If-Match", `"${"e".repeat(5_000)}"`],
  ["a Latin-1 If-Match", '"\u00e9t\u00e9"'],
  ["a year-9999 storage etag", `W/"datetime'9999-12-31T23%3A59%3A59.9999999Z'"`],
]);

/** Other headers a client may send wrong. */
export const malformedHeaders = constants<Record<string, string>>([
  ["Accept: application/xml", { accept: "application/xml" }],
  ["a garbage Accept", { accept: "*/*;q=abc;;" }],
  ["a 500-character request id", { "x-request-id": "r".repeat(500) }],
  ["a request id with traversal", { "x-request-id": "../../etc/passwd" }],
  ["a Latin-1 request id", { "x-request-id": "\u00ff\u00fe" }],
  ["a method override", { "x-http-method-override": "DELETE" }],
  ["a garbage X-Forwarded-For", { "x-forwarded-for": "999.1.1.1, not-an-ip" }],
  ["a garbage Range", { range: "bytes=a-b" }],
  ["a huge Range", { range: "bytes=99999999999999999999-" }],
  ["a Range past the end", { range: "bytes=99999-" }],
  ["an If-Unmodified-Since in 1990", { "if-unmodified-since": "Mon, 01 Jan 1990 00:00:00 GMT" }],
  ["a garbage If-Modified-Since", { "if-modified-since": "yesterday-ish" }],
  ["If-None-Match *", { "if-none-match": "*" }],
  ["a broken cookie", { cookie: "a=%E0%A4%A; ;;=" }],
  ["Origin: null", { origin: "null" }],
  ["a garbage Accept-Encoding", { "accept-encoding": "gzip;q=abc" }],
  ["a Content-Type on a read", { "content-type": "application/json; charset=utf-99" }],
]);
