import { randomUUID } from "node:crypto";
import http from "node:http";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from "jose";

/** Claims a test may set or override on an access token. */
export interface AccessTokenClaims {
  tid: string;
  oid: string;
  name?: string;
  scp?: string;
  aud?: string;
  iss?: string;
  /** Seconds since the epoch. */
  exp?: number;
  /** Seconds since the epoch; a minute ago unless given. */
  nbf?: number;
  [claim: string]: unknown;
}

/** A stand-in for Microsoft's OpenID metadata and JWKS, with keys made by the test. */
export interface FakeEntra {
  metadataUrl: string;
  /** The audience tokens get unless overridden. */
  clientId: string;
  /** The issuer for a tenant, as Microsoft's v2.0 endpoint writes it. */
  issuerFor(tenantId: string): string;
  /**
   * Signs an access token. `signWith: "unknown"` uses a key whose kid is not in the JWKS;
   * `"impostor"` signs with a different key under a kid the JWKS does publish.
   */
  sign(
    claims: AccessTokenClaims,
    options?: { signWith?: "known" | "unknown" | "impostor" },
  ): Promise<string>;
  /**
   * From now on, requests for the metadata (and for the keys, unless `keysToo` is false) are
   * accepted and never answered, as a hung identity provider does, until `recover()`.
   */
  hang(options?: { keysToo?: boolean }): void;
  /** Answers again; requests left hanging stay unanswered until their callers give up. */
  recover(): void;
  /** How many times the metadata and the keys were asked for. */
  requests: { metadata: number; keys: number };
  /** Resolves when the metadata is next asked for (a reload the service starts in the background). */
  nextMetadataRequest(): Promise<void>;
  close(): Promise<void>;
}

interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
}

async function signingKey(kid: string = randomUUID()): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" },
  };
}

/**
 * Starts an HTTP server on a free port that serves OpenID metadata (with Microsoft's `{tenantid}`
 * issuer template) and a JWKS holding one key the test can sign with. It can hang, as an identity
 * provider that accepts connections and never answers does.
 */
export async function startFakeEntra(clientId: string = randomUUID()): Promise<FakeEntra> {
  const known = await signingKey();
  const unknown = await signingKey();
  const impostor = await signingKey(known.kid);
  let baseUrl = "";
  const hanging = { metadata: false, keys: false };
  const requests = { metadata: 0, keys: 0 };
  const metadataWaiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    if (req.url === "/common/v2.0/.well-known/openid-configuration") {
      requests.metadata += 1;
      for (const resolve of metadataWaiters.splice(0)) resolve();
      if (hanging.metadata) return;
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          issuer: `${baseUrl}/{tenantid}/v2.0`,
          jwks_uri: `${baseUrl}/common/discovery/v2.0/keys`,
        }),
      );
      return;
    }
    if (req.url === "/common/discovery/v2.0/keys") {
      requests.keys += 1;
      if (hanging.keys) return;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [known.publicJwk] }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  baseUrl = `http://127.0.0.1:${port}`;
  const issuerFor = (tenantId: string) => `${baseUrl}/${tenantId}/v2.0`;

  return {
    metadataUrl: `${baseUrl}/common/v2.0/.well-known/openid-configuration`,
    clientId,
    issuerFor,
    async sign(claims, options = {}) {
      const key = { known, unknown, impostor }[options.signWith ?? "known"];
      const now = Math.floor(Date.now() / 1000);
      const { aud, iss, exp, nbf, ...rest } = claims;
      return new SignJWT({ scp: "access_as_user", ver: "2.0", ...rest })
        .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
        .setIssuer(iss ?? issuerFor(claims.tid))
        .setAudience(aud ?? clientId)
        .setIssuedAt(now - 60)
        .setNotBefore(nbf ?? now - 60)
        .setExpirationTime(exp ?? now + 3600)
        .sign(key.privateKey);
    },
    hang({ keysToo = true } = {}) {
      hanging.metadata = true;
      hanging.keys = keysToo;
    },
    recover() {
      hanging.metadata = false;
      hanging.keys = false;
    },
    requests,
    nextMetadataRequest() {
      return new Promise((resolve) => metadataWaiters.push(resolve));
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
