import { publicConfigSchema } from "@practice-hub/shared";
import { lazyArea } from "./lazyArea";
import { apiRequest, prefetch } from "./request";

function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json" },
  });
}

describe("prefetch", () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it("answers the first GET of the same path and token from the early request, and only that one", async () => {
    const fetchMock = jest
      .fn()
      .mockResolvedValueOnce(jsonResponse({ authMode: "local" }))
      .mockResolvedValueOnce(jsonResponse({ authMode: "entra" }));
    global.fetch = fetchMock;
    const request = {
      method: "GET",
      path: "/api/x",
      schema: publicConfigSchema,
      token: "t",
    } as const;

    void prefetch(request);
    await expect(apiRequest(request)).resolves.toEqual({ authMode: "local" });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await expect(apiRequest(request)).resolves.toEqual({ authMode: "entra" });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("does not hand an early answer to another person's request", async () => {
    const fetchMock = jest.fn().mockImplementation(async () => jsonResponse({ authMode: "local" }));
    global.fetch = fetchMock;
    const request = { method: "GET", path: "/api/y", schema: publicConfigSchema } as const;

    void prefetch({ ...request, token: "first-person" });
    await apiRequest({ ...request, token: "second-person" });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await apiRequest({ ...request, token: "first-person" });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("asks again when the early answer was not taken within ten seconds", async () => {
    const fetchMock = jest.fn().mockImplementation(async () => jsonResponse({ authMode: "local" }));
    global.fetch = fetchMock;
    const request = { method: "GET", path: "/api/z", schema: publicConfigSchema } as const;
    const sentAt = Date.now();
    const clock = jest.spyOn(Date, "now").mockReturnValue(sentAt);
    try {
      void prefetch(request);
      clock.mockReturnValue(sentAt + 10_001);
      await apiRequest(request);
      expect(fetchMock).toHaveBeenCalledTimes(2);
    } finally {
      clock.mockRestore();
    }
  });
});

describe("lazyArea", () => {
  it("loads the area on its first call only, and passes calls and answers through", async () => {
    const load = jest.fn(async () => ({
      double: async (value: number) => value * 2,
      greet: async (name: string) => `hello ${name}`,
    }));
    const area = lazyArea(load);

    expect(load).not.toHaveBeenCalled();
    await expect(area.double(21)).resolves.toBe(42);
    await expect(area.greet("Ana")).resolves.toBe("hello Ana");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("is not mistaken for a promise when awaited", async () => {
    const area = lazyArea(async () => ({ ping: async () => "pong" }));
    const awaited = await Promise.resolve(area);
    expect(awaited).toBe(area);
  });
});
