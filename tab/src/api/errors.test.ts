import { ApiRequestError, apiErrorOf, formErrorsOf, staleSectionOf, toApiError } from "./errors";

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

describe("formErrorsOf", () => {
  const placement = {
    name: "name",
    "schedule.timeZone": "timeZone",
    "schedule.recurrence": "repeats",
    "schedule.recurrence.interval": "interval",
    reminderOffsetsMinutes: "reminders",
  } as const;

  function badRequest(fields: { path: string; message: string }[]) {
    return toApiError(
      400,
      apiErrorFactory({
        error: "bad_request",
        status: 400,
        message: `The ritual is not valid. ${fields[0]?.message ?? ""}`.trim(),
        data: { fields },
      }),
      "req-2",
    );
  }

  it("puts each field's sentence beside the form field its path names", () => {
    const error = badRequest([
      { path: "schedule.timeZone", message: "Choose a time zone from the list." },
      { path: "name", message: "Give the ritual a name." },
    ]);
    expect(formErrorsOf(error, placement)).toEqual({
      fields: { timeZone: "Choose a time zone from the list.", name: "Give the ritual a name." },
      form: null,
    });
  });

  it("places a path under a listed one on the longest match", () => {
    const error = badRequest([
      { path: "schedule.recurrence.interval", message: "Leave at most 13 weeks." },
      { path: "schedule.recurrence.weekday", message: "Choose a weekday." },
      { path: "reminderOffsetsMinutes.1", message: "Each reminder must be at least 5." },
    ]);
    expect(formErrorsOf(error, placement).fields).toEqual({
      interval: "Leave at most 13 weeks.",
      repeats: "Choose a weekday.",
      reminders: "Each reminder must be at least 5.",
    });
  });

  it("keeps the first sentence when two paths land on one field", () => {
    const error = badRequest([
      { path: "reminderOffsetsMinutes.0", message: "First." },
      { path: "reminderOffsetsMinutes.1", message: "Second." },
    ]);
    expect(formErrorsOf(error, placement).fields).toEqual({ reminders: "First." });
  });

  it("shows at form level the sentences of fields the form does not have", () => {
    const error = badRequest([
      { path: "name", message: "Give the ritual a name." },
      { path: "purpose", message: "Keep the purpose short." },
      { path: "(body)", message: "The ritual must be a set of fields." },
    ]);
    const laid = formErrorsOf(error, placement);
    expect(laid.fields).toEqual({ name: "Give the ritual a name." });
    expect(laid.form).toMatchObject({
      status: 400,
      message: "Keep the purpose short. The ritual must be a set of fields.",
    });
  });

  it("shows an error not about fields as it came, at form level", () => {
    const error = toApiError(409, apiErrorFactory({ error: "conflict", status: 409 }), "req-3");
    expect(formErrorsOf(error, placement)).toEqual({ fields: {}, form: error });
  });
});
