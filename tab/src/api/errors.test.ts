import { ApiRequestError, apiErrorOf, staleSectionOf, toApiError } from "./errors";

function sectionFactory(overrides: Record<string, unknown> = {}) {
  return {
    id: "purpose",
    title: "Purpose",
    summary: "Why we meet.",
    prompts: ["Why?"],
    content: "Their text",
    version: 3,
    etag: 'W/"3"',
    updatedAt: "2026-11-20T10:00:00.000Z",
    updatedBy: { id: "p1", displayName: "Ana Champion" },
    ...overrides,
  };
}

function apiErrorFactory(overrides: Record<string, unknown> = {}) {
  return {
    ok: false,
    error: "stale_version",
    status: 412,
    message: "Someone saved first.",
    requestId: "req-1",
    ...overrides,
  };
}

describe("toApiError", () => {
  it("keeps the service's error shape as it came", () => {
    const body = apiErrorFactory({ data: { current: sectionFactory() } });
    expect(toApiError(412, body, "req-1")).toEqual(body);
  });

  it("turns a body that is not the error shape into one, keeping the request id", () => {
    const error = toApiError(502, "<html>Bad gateway</html>", "req-9");
    expect(error).toMatchObject({ ok: false, error: "internal", status: 502, requestId: "req-9" });
    expect(error.message).toMatch(/not answering/);
  });

  it("names a bare 401 as unauthenticated", () => {
    expect(toApiError(401, undefined, null).error).toBe("unauthenticated");
  });
});

describe("staleSectionOf", () => {
  it("returns the current section carried by a stale_version error", () => {
    const error = new ApiRequestError(
      apiErrorFactory({ data: { current: sectionFactory({ content: "Newer" }) } }) as never,
    );
    expect(staleSectionOf(error)?.content).toBe("Newer");
  });

  it("returns null for other errors and for a 412 without a usable section", () => {
    expect(
      staleSectionOf(new ApiRequestError(apiErrorFactory({ error: "forbidden" }) as never)),
    ).toBeNull();
    expect(
      staleSectionOf(new ApiRequestError(apiErrorFactory({ data: { current: 1 } }) as never)),
    ).toBeNull();
    expect(staleSectionOf(new Error("boom"))).toBeNull();
  });
});

describe("apiErrorOf", () => {
  it("treats anything that is not an API error as an unreachable service", () => {
    expect(apiErrorOf(new TypeError("fetch failed"))).toMatchObject({
      status: 0,
      error: "internal",
    });
  });
});
