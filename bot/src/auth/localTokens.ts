import { randomBytes } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";
import type { DemoIdentity } from "../local/demoIdentities";
import { actorFromClaims, tokenClockToleranceSeconds, type Actor } from "./actor";

const issuer = "practice-hub-local";
const audience = "practice-hub";

/** Signs and verifies the demo tokens of AUTH_MODE=local. */
export interface LocalTokens {
  /** A token for a seeded demo person, valid for 12 hours. */
  issue(person: DemoIdentity): Promise<string>;
  /** The Actor of a token this instance issued, or null for anything else. */
  verify(token: string): Promise<Actor | null>;
}

/** How long a demo token lasts. */
const lifetimeSeconds = 12 * 3_600;

/**
 * HS256 tokens signed with a secret made at start-up: they die with the process, so a leaked
 * demo token is useless after a restart, and nothing needs configuring to run locally. Checked
 * with the same clock skew as Entra tokens.
 */
export function createLocalTokens(options: { now?: () => Date } = {}): LocalTokens {
  const secret = randomBytes(32);
  const now = options.now ?? (() => new Date());
  return {
    async issue(person) {
      const issuedAt = Math.floor(now().getTime() / 1_000);
      return new SignJWT({ tid: person.tenantId, oid: person.id, name: person.displayName })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(person.id)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + lifetimeSeconds)
        .sign(secret);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, secret, {
          issuer,
          audience,
          algorithms: ["HS256"],
          clockTolerance: tokenClockToleranceSeconds,
          currentDate: now(),
        });
        return actorFromClaims({ tid: payload["tid"], userId: payload.sub, name: payload["name"] });
      } catch {
        return null;
      }
    },
  };
}
