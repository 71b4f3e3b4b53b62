import { apiErrorSchema, apiPaths } from "@practice-hub/shared";
import { apiClient, type ApiClient } from "../support/api";
import { startStack, type Stack } from "../support/stack";

let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  stack = await startStack({ seed: false });
  api = apiClient(stack);
});

afterAll(async () => {
  await stack?.stop();
});

it("answers 200 ok with the event loop's recent longest delay while storage answers, then 503 once storage is down", async () => {
  const healthy = await api.get(apiPaths.health);
  await stack.stopStorage();
  const unhealthy = await api.get(apiPaths.health);

  expect(healthy.status).toBe(200);
  expect(healthy.body).toEqual({
    status: "ok",
    eventLoop: { maxDelayMs: expect.any(Number), windowSeconds: 60 },
  });
  expect(unhealthy.status).toBe(503);
  expect(apiErrorSchema.parse(unhealthy.body).error).toBe("storage_unavailable");
});

it("answers API requests with 503 storage_unavailable while storage is down", async () => {
  const token = await stack.token("demo-champion");

  const response = await api.get(apiPaths.me, { token });

  expect(response.status).toBe(503);
  expect(apiErrorSchema.parse(response.body).error).toBe("storage_unavailable");
});
