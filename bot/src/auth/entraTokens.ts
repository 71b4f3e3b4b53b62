import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import type { Logger } from "../logger";
import { actorFromClaims, type Actor } from "./actor";

/** The scope the tab's SSO token must carry (the app registration exposes it). */
export const requiredScope = "access_as_user";

const metadataSchema = z.object({ issuer: z.string().min(1), jwks_uri: z.url() });

/** What the verifier needs from Config. */
export interface EntraSettings {
  openIdMetadataUrl: string;
  /** Accepted audiences: the client id and/or the app id URI. */
  audiences: string[];
}

/** Verifies Entra ID v2 access tokens against the configured OpenID metadata. */
export interface EntraTokens {
  verify(token: string): Promise<Actor | null>;
}

/**
 * Validates with jose: signature from the metadata's JWKS, issuer from the metadata (its
 * `{tenantid}` template filled with the token's own tid, as Microsoft's common endpoint
 * requires), audience, expiry and the `access_as_user` scope. Metadata is fetched on first use
 * and again after a failure, so a start-up without network does not break the service forever.
 */
export function createEntraTokens(settings: EntraSettings, logger: Logger): EntraTokens {
  let loading: Promise<{ issuer: string; keys: JWTVerifyGetKey }> | undefined;

  const metadata = () => {
    loading ??= (async () => {
      const response = await fetch(settings.openIdMetadataUrl);
      if (!response.ok) throw new Error(`OpenID metadata answered ${response.status}`);
      const parsed = metadataSchema.parse(await response.json());
      return { issuer: parsed.issuer, keys: createRemoteJWKSet(new URL(parsed.jwks_uri)) };
    })();
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };

  return {
    async verify(token) {
      let tid: unknown;
      try {
        tid = decodeJwt(token)["tid"];
      } catch {
        return null;
      }
      if (typeof tid !== "string") return null;
      let loaded: Awaited<ReturnType<typeof metadata>>;
      try {
        loaded = await metadata();
      } catch (error) {
        logger.error({ err: error }, "could not load the OpenID metadata");
        return null;
      }
      try {
        const { payload } = await jwtVerify(token, loaded.keys, {
          issuer: loaded.issuer.replace("{tenantid}", tid),
          audience: settings.audiences,
          algorithms: ["RS256"],
        });
        const scopes = typeof payload["scp"] === "string" ? payload["scp"].split(" ") : [];
        if (!scopes.includes(requiredScope)) return null;
        return actorFromClaims({
          tid: payload["tid"],
          userId: payload["oid"],
          name: payload["name"],
        });
      } catch (error) {
        logger.debug({ err: error }, "rejected an access token");
        return null;
      }
    },
  };
}
