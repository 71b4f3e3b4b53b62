import { outcomeOfError } from "./proactiveSender";

const now = new Date("2026-11-21T10:00:00Z");

/** An error shaped like the connector client's RestError. */
function connectorErrorFactory(props: {
  statusCode?: number;
  code?: string;
  retryAfter?: string;
  body?: string;
}) {
  return Object.assign(new Error(props.code ?? "connector error"), {
    statusCode: props.statusCode,
    code: props.code,
    response: {
      headers: { get: (name: string) => (name === "retry-after" ? props.retryAfter : undefined) },
      bodyAsText: props.body ?? null,
    },
  });
}

describe("outcomeOfError", () => {
  it("retries a 429 after its Retry-After", () => {
    expect(
      outcomeOfError(connectorErrorFactory({ statusCode: 429, retryAfter: "2" }), now),
    ).toMatchObject({
      kind: "retry",
      status: 429,
      retryAfterMs: 2_000,
    });
  });

  it.each([412, 502, 503, 504])("retries a %i", (statusCode) => {
    expect(outcomeOfError(connectorErrorFactory({ statusCode }), now).kind).toBe("retry");
  });

  it("retries when the connector never answered", () => {
    expect(outcomeOfError(new Error("socket hang up"), now).kind).toBe("retry");
  });

  it("marks a 403 MessageWritesBlocked unreachable", () => {
    const error = connectorErrorFactory({ statusCode: 403, code: "MessageWritesBlocked" });

    expect(outcomeOfError(error, now)).toEqual({
      kind: "unreachable",
      status: 403,
      reason: "MessageWritesBlocked",
    });
  });

  it("fails other refusals, including a 403 for another reason", () => {
    expect(
      outcomeOfError(connectorErrorFactory({ statusCode: 403, code: "Forbidden" }), now).kind,
    ).toBe("failed");
    expect(outcomeOfError(connectorErrorFactory({ statusCode: 400 }), now).kind).toBe("failed");
  });
});
