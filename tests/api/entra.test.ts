import { randomUUID } from "node:crypto";
import {
  apiErrorSchema,
  apiPaths,
  meResponseSchema,
  publicConfigSchema,
} from "@practice-hub/shared";
import { demoCommunityId, demoTenantId } from "../../bot/src/local/demoIdentities";
import { apiClient, type ApiClient } from "../support/api";
import type { AccessTokenClaims, FakeEntra } from "../support/fakeEntra";
import { startStack, type Stack } from "../support/stack";

let stack: Stack;
let api: ApiClient;
let entra: FakeEntra;

beforeAll(async () => {
  stack = await startStack({ authMode: "entra" });
  api = apiClient(stack);
  if (!stack.fakeEntra) throw new Error("an entra stack starts a fake Entra");
  entra = stack.fakeEntra;
});

afterAll(async () => {
  await stack?.stop();
});

/** Claims of the seeded champion as Entra would issue them. */
function claimsFactory(overrides: Partial<AccessTokenClaims> = {}): AccessTokenClaims {
  return { tid: demoTenantId, oid: "demo-champion", name: "Ana Champion", ...overrides };
}

async function meWith(token: string) {
  return api.get(apiPaths.me, { token });
}

it("accepts a token signed by a key of the metadata's JWKS, for the right audience and issuer", async () => {
  const response = await meWith(await entra.sign(claimsFactory()));

  expect(response.status).toBe(200);
  const me = meResponseSchema.parse(response.body);
  expect(me.person).toEqual({ id: "demo-champion", displayName: "Ana Champion" });
  expect(me.tenantId).toBe(demoTenantId);
});

it("takes the tenant from the token, so a token of another tenant sees none of this one", async () => {
  const otherTenant = randomUUID();
  const token = await entra.sign(claimsFactory({ tid: otherTenant }));

  const me = await meWith(token);
  const canvas = await api.get(apiPaths.canvas(demoCommunityId), { token });

  expect(meResponseSchema.parse(me.body).tenantId).toBe(otherTenant);
  expect(canvas.status).toBe(404);
});

it("answers 401 for a token issued for another audience", async () => {
  const response = await meWith(await entra.sign(claimsFactory({ aud: randomUUID() })));

  expect(response.status).toBe(401);
  expect(apiErrorSchema.parse(response.body).error).toBe("unauthenticated");
});

it("answers 401 for a token from another issuer", async () => {
  const response = await meWith(
    await entra.sign(claimsFactory({ iss: "https://login.example.com/not-entra/v2.0" })),
  );

  expect(response.status).toBe(401);
});

it("answers 401 when the issuer names a different tenant than the tid claim", async () => {
  const response = await meWith(
    await entra.sign(claimsFactory({ iss: entra.issuerFor(randomUUID()) })),
  );

  expect(response.status).toBe(401);
});

it("answers 401 for an expired token", async () => {
  const anHourAgo = Math.floor(Date.now() / 1000) - 3600;

  const response = await meWith(await entra.sign(claimsFactory({ exp: anHourAgo })));

  expect(response.status).toBe(401);
});

it("answers 401 for a bad signature made under a published key id", async () => {
  const response = await meWith(await entra.sign(claimsFactory(), { signWith: "impostor" }));

  expect(response.status).toBe(401);
});

it("answers 401 for a token signed by a key the JWKS does not publish", async () => {
  const response = await meWith(await entra.sign(claimsFactory(), { signWith: "unknown" }));

  expect(response.status).toBe(401);
});

it("answers 401 for a token without the access_as_user scope", async () => {
  const response = await meWith(await entra.sign(claimsFactory({ scp: "User.Read" })));

  expect(response.status).toBe(401);
});

it("answers 401 for a token whose payload was altered after signing", async () => {
  const token = await entra.sign(claimsFactory());
  const [header, , signature] = token.split(".");
  const payload = Buffer.from(
    JSON.stringify({ ...claimsFactory({ oid: "demo-head" }), aud: entra.clientId }),
  ).toString("base64url");

  const response = await meWith(`${header}.${payload}.${signature}`);

  expect(response.status).toBe(401);
});

it("tells the tab it runs in entra mode and serves no demo sign-in", async () => {
  const publicConfig = await api.get(apiPaths.publicConfig);
  const devToken = await api.post(apiPaths.devToken, { body: { user: "demo-champion" } });
  const devPeople = await api.get(apiPaths.devPeople);

  expect(publicConfigSchema.parse(publicConfig.body).authMode).toBe("entra");
  expect(devToken.status).toBe(404);
  expect(devPeople.status).toBe(404);
});
