import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { apiErrorSchema, apiPaths } from "@practice-hub/shared";
import pino from "pino";
import {
  createEntraTokens,
  IdentityProviderUnavailable,
  type EntraSettings,
} from "../../bot/src/auth/entraTokens";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { apiClient, type ApiClient } from "../support/api";
import { startFakeEntra, type AccessTokenClaims, type FakeEntra } from "../support/fakeEntra";
import { startStack, type Stack } from "../support/stack";

/**
 * Signing keys from an identity provider that can hang: loads time out, keys are cached with a TTL
 * and the last good ones keep serving, and refusals are logged without the token's claims.
 */
function claimsFactory(overrides: Partial<AccessTokenClaims> = {}): AccessTokenClaims {
  return {
    tid: demoTenantId,
    oid: `person-${randomUUID()}`,
    name: `Secret Name ${randomUUID().slice(0, 8)}`,
    ...overrides,
  };
}

describe("the service while the identity provider hangs", () => {
  let stack: Stack;
  let api: ApiClient;
  let entra: FakeEntra;

  beforeAll(async () => {
    stack = await startStack({
      authMode: "entra",
      seed: false,
      extraConfig: { JOBS_ENABLED: false, ENTRA_KEYS_TIMEOUT_SECONDS: 1 },
    });
    api = apiClient(stack);
    if (!stack.fakeEntra) throw new Error("an entra stack starts a fake Entra");
    entra = stack.fakeEntra;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("answers a token check with 503 and a sentence once the load times out, and keeps serving routes without a token meanwhile", async () => {
    entra.hang();
    const token = await entra.sign(claimsFactory());
    const started = Date.now();

    const pending = api.get(apiPaths.me, { token });
    const [health, publicConfig] = await Promise.all([
      api.get(apiPaths.health),
      api.get(apiPaths.publicConfig),
    ]);
    const answer = await pending;
    const elapsedMs = Date.now() - started;

    expect(health.status).toBe(200);
    expect(publicConfig.status).toBe(200);
    expect(answer.status).toBe(503);
    const error = apiErrorSchema.parse(answer.body);
    expect(error.error).toBe("identity_unavailable");
    expect(error.message).toMatch(
      /^Sign-in cannot be checked right now .*Try again in a minute\.$/,
    );
    // The configured timeout is one second; without one, the request would wait for the socket.
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it("tries the load again on the next request instead of keeping the failed one", async () => {
    const before = entra.requests.metadata;

    const answer = await api.get(apiPaths.me, { token: await entra.sign(claimsFactory()) });

    expect(answer.status).toBe(503);
    expect(entra.requests.metadata).toBe(before + 1);
  });

  it("verifies tokens again once the identity provider answers", async () => {
    entra.recover();

    const answer = await api.get(apiPaths.me, { token: await entra.sign(claimsFactory()) });

    expect(answer.status).toBe(200);
  });

  it("keeps verifying with the cached keys when the identity provider hangs later", async () => {
    const before = { ...entra.requests };
    entra.hang();
    try {
      const answers = await Promise.all(
        Array.from({ length: 3 }, async () =>
          api.get(apiPaths.me, { token: await entra.sign(claimsFactory()) }),
        ),
      );

      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      expect(entra.requests).toEqual(before);
    } finally {
      entra.recover();
    }
  });
});

describe("createEntraTokens", () => {
  let entra: FakeEntra;

  beforeAll(async () => {
    entra = await startFakeEntra();
  });

  afterAll(async () => {
    await entra?.close();
  });

  afterEach(() => entra.recover());

  /** A verifier on a hand-moved clock whose log lines the test reads. */
  function verifierFactory(overrides: Partial<EntraSettings> = {}) {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    const clock = { now: 0 };
    const tokens = createEntraTokens(
      {
        openIdMetadataUrl: entra.metadataUrl,
        audiences: [entra.clientId],
        loadTimeoutMs: 300,
        keysTtlMs: 60_000,
        clock: () => clock.now,
        ...overrides,
      },
      pino({ level: "debug" }, sink),
    );
    return { tokens, clock, lines };
  }

  it("keeps verifying with the last good keys after their TTL while a reload hangs", async () => {
    const { tokens, clock } = verifierFactory();
    expect(await tokens.verify(await entra.sign(claimsFactory()))).not.toBeNull();
    const loadsBefore = entra.requests.metadata;
    entra.hang();
    clock.now += 60_001;
    const reload = entra.nextMetadataRequest();

    const actor = await tokens.verify(await entra.sign(claimsFactory({ oid: "after-ttl" })));
    await reload;

    expect(actor?.userId).toBe("after-ttl");
    // The stale keys served the request; a reload was started behind it.
    expect(entra.requests.metadata).toBe(loadsBefore + 1);
  });

  it("fails with IdentityProviderUnavailable when no keys were ever loaded", async () => {
    const { tokens } = verifierFactory();
    entra.hang();

    await expect(tokens.verify(await entra.sign(claimsFactory()))).rejects.toBeInstanceOf(
      IdentityProviderUnavailable,
    );
  });

  it("accepts a token that expired or starts within two minutes of the service's clock", async () => {
    const { tokens } = verifierFactory();
    const now = Math.floor(Date.now() / 1_000);

    const expiredAMinuteAgo = await entra.sign(claimsFactory({ exp: now - 60 }));
    const startsInAMinute = await entra.sign(claimsFactory({ nbf: now + 60 }));
    const expiredThreeMinutesAgo = await entra.sign(claimsFactory({ exp: now - 180 }));

    expect(await tokens.verify(expiredAMinuteAgo)).not.toBeNull();
    expect(await tokens.verify(startsInAMinute)).not.toBeNull();
    expect(await tokens.verify(expiredThreeMinutesAgo)).toBeNull();
  });

  it("logs why a token was refused, and none of its claims", async () => {
    const { tokens, lines } = verifierFactory();
    const now = Math.floor(Date.now() / 1_000);
    const refused = [
      claimsFactory({ exp: now - 3_600 }),
      claimsFactory({ aud: "someone-else" }),
      claimsFactory({ scp: "User.Read" }),
      claimsFactory({ ver: "1.0" }),
    ];

    for (const claims of refused) expect(await tokens.verify(await entra.sign(claims))).toBeNull();
    expect(await tokens.verify(await entra.sign(claimsFactory(), { signWith: "impostor" }))).toBe(
      null,
    );

    const refusals = lines.filter((line) => line.includes("refused an access token"));
    expect(refusals).toHaveLength(5);
    expect(refusals.join("\n")).toMatch(/ERR_JWT_EXPIRED/);
    expect(refusals.join("\n")).toMatch(/accessTokenAcceptedVersion/);
    for (const claims of refused) {
      for (const value of [claims.oid, claims.name, "someone-else"]) {
        expect(lines.join("\n")).not.toContain(value);
      }
    }
  });
});
