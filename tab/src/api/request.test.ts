import { publicConfigSchema } from "@practice-hub/shared";
import { createApiClient } from "./client";
import { ApiRequestError } from "./errors";
import { apiRequest } from "./request";

// Any contract schema will do; public-config is the smallest.
const answerSchema = publicConfigSchema;

function responseFactory(status: number, body: unknown, requestId = "req-7"): Response {
  return new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-request-id": requestId },
  });
}

async function failureOf(promise: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiRequestError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

describe("apiRequest", () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it("sends the Bearer token and If-Match, and returns the parsed body", async () => {
    const fetchMock = jest.fn().mockResolvedValue(responseFactory(200, { authMode: "local" }));
    global.fetch = fetchMock;
    const answer = await apiRequest({
      method: "PUT",
      path: "/api/x",
      schema: answerSchema,
      body: { content: "hi" },
      token: "t0k",
      headers: { "If-Match": "etag-1" },
    });
    expect(answer).toEqual({ authMode: "local" });
    const init = fetchMock.mock.calls[0][1] as RequestInit;
    expect(init.headers).toMatchObject({
      Authorization: "Bearer t0k",
      "If-Match": "etag-1",
      "Content-Type": "application/json",
    });
    expect(init.body).toBe('{"content":"hi"}');
  });

  it("throws the service's error shape for a failed call", async () => {
    const body = {
      ok: false,
      error: "forbidden",
      status: 403,
      message: "Only champions can edit the canvas.",
      requestId: "req-7",
    };
    global.fetch = jest.fn().mockResolvedValue(responseFactory(403, body));
    const failure = await failureOf(
      apiRequest({ method: "GET", path: "/api/x", schema: answerSchema }),
    );
    expect(failure.detail).toEqual(body);
  });

  it("reports an answer that breaks the contract instead of passing it on", async () => {
    global.fetch = jest.fn().mockResolvedValue(responseFactory(200, { authMode: "kerberos" }));
    const failure = await failureOf(
      apiRequest({ method: "GET", path: "/api/x", schema: answerSchema }),
    );
    expect(failure.detail).toMatchObject({ error: "internal", status: 200, requestId: "req-7" });
  });

  it("reports an unreachable service as status 0 with advice", async () => {
    global.fetch = jest.fn().mockRejectedValue(new TypeError("fetch failed"));
    const failure = await failureOf(
      apiRequest({ method: "GET", path: "/api/x", schema: answerSchema }),
    );
    expect(failure.detail.status).toBe(0);
    expect(failure.detail.message).toMatch(/connection/);
  });

  it("reports a token the host refused as a sign-in problem, without calling the API", async () => {
    const fetchMock = jest.fn();
    global.fetch = fetchMock;
    const client = createApiClient(() => Promise.reject(new Error("resourceRequiresConsent")));
    const failure = await failureOf(client.communities());
    expect(failure.detail).toMatchObject({ error: "unauthenticated", status: 401 });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
