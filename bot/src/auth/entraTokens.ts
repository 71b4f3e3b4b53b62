import {
  createLocalJWKSet,
  decodeJwt,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from "jose";
import { z } from "zod";
import type { Logger } from "../logger";
import { actorFromClaims, tokenClockToleranceSeconds, type Actor } from "./actor";

/** The scope the tab's SSO token must carry (the app registration exposes it). */
export const requiredScope = "access_as_user";

const metadataSchema = z.object({ issuer: z.string().min(1).max(500), jwks_uri: z.url() });
/** A key set as the metadata's jwks_uri serves it; jose checks each key itself. */
const keySetSchema = z.object({
  keys: z.array(z.looseObject({ kty: z.string() })).max(100),
});

/** What the verifier needs from Config. */
export interface EntraSettings {
  openIdMetadataUrl: string;
  /** Accepted audiences: the client id and/or the app id URI. */
  audiences: string[];
  /** How long one load of the metadata and its keys may take before it is given up. */
  loadTimeoutMs: number;
  /** How long loaded keys are trusted before they are loaded again (in the background). */
  keysTtlMs: number;
  /** Milliseconds on a monotonic clock; tests move it. */
  clock?: () => number;
}

/**
 * The signing keys could not be loaded and none were loaded before: no token can be checked, so
 * the request is neither accepted nor refused as unauthenticated (the caller answers 503).
 */
export class IdentityProviderUnavailable extends Error {
  override readonly name = "IdentityProviderUnavailable";
}

/** Verifies Entra ID v2 access tokens against the configured OpenID metadata. */
export interface EntraTokens {
  /**
   * The Actor of a valid token, or null for a token that is refused. Throws
   * IdentityProviderUnavailable when no signing keys could ever be loaded.
   */
  verify(token: string): Promise<Actor | null>;
}

interface LoadedKeys {
  issuer: string;
  keys: JWTVerifyGetKey;
  /** On the settings' clock. */
  loadedAt: number;
}

/** An unknown key id loads the keys again (Entra rolls its keys), but not more often than this. */
const rolloverCooldownMs = 5 * 60_000;

/** Says why a token was refused without repeating any claim value (jose's messages name claims only). */
function refusalReason(error: unknown): string {
  if (error instanceof errors.JOSEError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.name : "unknown error";
}

async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/**
 * Validates with jose: signature from the metadata's JWKS, issuer from the metadata (its
 * `{tenantid}` template filled with the token's own tid, as Microsoft's common endpoint
 * requires), audience, expiry with two minutes' clock skew, and the `access_as_user` scope.
 *
 * The metadata and keys are loaded on first use, within `loadTimeoutMs` (one hung identity
 * provider must not hang every request), and kept for `keysTtlMs`. After that they are loaded
 * again in the background while the last good keys keep serving, and a failed load keeps them:
 * an outage of the identity provider then breaks nothing that worked before it. A failed load is
 * forgotten at once, so the next request tries again.
 */
export function createEntraTokens(settings: EntraSettings, logger: Logger): EntraTokens {
  const clock = settings.clock ?? (() => performance.now());
  let current: LoadedKeys | null = null;
  let loading: Promise<LoadedKeys> | null = null;

  async function loadOnce(): Promise<LoadedKeys> {
    // One deadline for both fetches: the metadata and then the keys it names.
    const signal = AbortSignal.timeout(settings.loadTimeoutMs);
    const metadata = metadataSchema.parse(await fetchJson(settings.openIdMetadataUrl, signal));
    const keySet = keySetSchema.parse(await fetchJson(metadata.jwks_uri, signal));
    return {
      issuer: metadata.issuer,
      keys: createLocalJWKSet(keySet as JSONWebKeySet),
      loadedAt: clock(),
    };
  }

  /** Loads the keys; concurrent callers share one load, and a failed one is not kept. */
  function load(): Promise<LoadedKeys> {
    loading ??= loadOnce()
      .then((loaded) => {
        current = loaded;
        return loaded;
      })
      .catch((error: unknown) => {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        logger.error({ reason }, "could not load the OpenID metadata and signing keys");
        throw new IdentityProviderUnavailable(reason);
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  /** The keys to verify with: the cached ones (refreshed behind the scenes once stale), or a load. */
  async function keys(): Promise<LoadedKeys> {
    if (!current) return load();
    if (clock() - current.loadedAt >= settings.keysTtlMs) {
      // Errors are logged by load(); the last good keys keep serving meanwhile.
      load().catch(() => undefined);
    }
    return current;
  }

  async function verifyWith(loaded: LoadedKeys, token: string, tid: string) {
    return jwtVerify(token, loaded.keys, {
      issuer: loaded.issuer.replace("{tenantid}", tid),
      audience: settings.audiences,
      algorithms: ["RS256"],
      clockTolerance: tokenClockToleranceSeconds,
    });
  }

  function refuse(reason: string): null {
    logger.info({ reason }, "refused an access token");
    return null;
  }

  return {
    async verify(token) {
      let tid: unknown;
      let version: unknown;
      try {
        ({ tid, ver: version } = decodeJwt(token));
      } catch {
        return refuse("not a JWT");
      }
      if (typeof tid !== "string") return refuse("the token has no tid claim");
      if (version === "1.0") {
        return refuse(
          "an Entra v1 token: set accessTokenAcceptedVersion to 2 in the app registration's manifest",
        );
      }
      let loaded = await keys();
      let verified;
      try {
        verified = await verifyWith(loaded, token, tid);
      } catch (error) {
        const rolledOver =
          error instanceof errors.JWKSNoMatchingKey &&
          clock() - loaded.loadedAt >= rolloverCooldownMs;
        if (!rolledOver) return refuse(refusalReason(error));
        try {
          loaded = await load();
          verified = await verifyWith(loaded, token, tid);
        } catch (retryError) {
          return refuse(refusalReason(retryError));
        }
      }
      const { payload } = verified;
      const scopes = typeof payload["scp"] === "string" ? payload["scp"].split(" ") : [];
      if (!scopes.includes(requiredScope))
        return refuse(`the token lacks the ${requiredScope} scope`);
      const actor = actorFromClaims({
        tid: payload["tid"],
        userId: payload["oid"],
        name: payload["name"],
      });
      return actor ?? refuse("the token's tid or oid cannot name a tenant and a person");
    },
  };
}
