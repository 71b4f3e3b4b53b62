import { randomUUID } from "node:crypto";
import { apiErrorSchema, apiPaths } from "@practice-hub/shared";
import { apiClient, type ApiClient, type ApiResponse } from "../support/api";
import type { FakeEntra } from "../support/fakeEntra";
import { startStack, type Stack } from "../support/stack";

/**
 * The API's rate limits with real, small numbers: per person (tenant + user of the verified
 * token), per tenant, and per network address for requests without a verified token. People are
 * made up by signing their tokens with the fake Entra, so a tenant can have as many as a test needs.
 */
const perPerson = 10;
const perTenant = 25;
const perAddress = 15;

let stack: Stack;
let api: ApiClient;
let entra: FakeEntra;

beforeAll(async () => {
  stack = await startStack({
    authMode: "entra",
    seed: false,
    extraConfig: {
      JOBS_ENABLED: false,
      RATE_LIMIT_WINDOW_SECONDS: 600,
      RATE_LIMIT_PER_PERSON: perPerson,
      RATE_LIMIT_PER_TENANT: perTenant,
      RATE_LIMIT_PER_ADDRESS: perAddress,
    },
  });
  api = apiClient(stack);
  if (!stack.fakeEntra) throw new Error("an entra stack starts a fake Entra");
  entra = stack.fakeEntra;
});

afterAll(async () => {
  await stack?.stop();
});

/** A person of `tenantId` (a fresh tenant unless given) with a signed token. */
async function personFactory(tenantId: string = randomUUID()) {
  const oid = randomUUID();
  const token = await entra.sign({ tid: tenantId, oid, name: `Person ${oid.slice(0, 4)}` });
  return { tenantId, token };
}

/** Sends `count` requests at once and answers them in the order they were sent. */
function burst(count: number, send: () => Promise<ApiResponse>): Promise<ApiResponse[]> {
  return Promise.all(Array.from({ length: count }, send));
}

function statusesOf(responses: ApiResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

it("answers one person's burst over their limit with 429 and Retry-After, and still serves a colleague", async () => {
  const burster = await personFactory();
  const colleague = await personFactory(burster.tenantId);

  const responses = await burst(perPerson + 5, () =>
    api.get(apiPaths.me, { token: burster.token }),
  );
  const colleagues = await api.get(apiPaths.me, { token: colleague.token });

  expect(statusesOf(responses)).toEqual({ 200: perPerson, 429: 5 });
  const refused = responses.find((response) => response.status === 429);
  const retryAfter = Number(refused?.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(600);
  const error = apiErrorSchema.parse(refused?.body);
  expect(error).toMatchObject({ error: "rate_limited", status: 429 });
  expect(error.message).toMatch(/^You have sent too many requests .* Try again in \d+ seconds\.$/);
  expect(colleagues.status).toBe(200);
});

it("limits a whole tenant at its limit however many people share the load, and not other tenants", async () => {
  const tenantId = randomUUID();
  const people = await Promise.all(Array.from({ length: 10 }, () => personFactory(tenantId)));

  // Ten people, four requests each: every person stays under their own limit of ten.
  const responses = await Promise.all(
    people.flatMap((person) =>
      Array.from({ length: 4 }, () => api.get(apiPaths.me, { token: person.token })),
    ),
  );
  const newcomer = await personFactory(tenantId);
  const newcomers = await api.get(apiPaths.me, { token: newcomer.token });
  const elsewhere = await personFactory();
  const otherTenants = await api.get(apiPaths.me, { token: elsewhere.token });

  expect(statusesOf(responses)).toEqual({ 200: perTenant, 429: 40 - perTenant });
  const refused = responses.find((response) => response.status === 429);
  expect(refused?.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(apiErrorSchema.parse(refused?.body).message).toMatch(
    /^Your organisation has sent too many requests/,
  );
  expect(newcomers.status).toBe(429);
  expect(otherTenants.status).toBe(200);
});

it("limits requests without a valid token by network address, and never the verified ones", async () => {
  const responses = await burst(perAddress + 3, () =>
    api.get(apiPaths.me, { token: "not-a-token" }),
  );
  const publicConfig = await api.get(apiPaths.publicConfig);
  const verified = await personFactory();
  const signedIn = await api.get(apiPaths.me, { token: verified.token });
  const health = await api.get(apiPaths.health);

  expect(statusesOf(responses)).toEqual({ 401: perAddress, 429: 3 });
  expect(publicConfig.status).toBe(429);
  expect(apiErrorSchema.parse(publicConfig.body).message).toMatch(
    /^Your network address has sent too many requests/,
  );
  expect(signedIn.status).toBe(200);
  expect(health.status).toBe(200);
});
