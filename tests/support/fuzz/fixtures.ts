import {
  apiPaths,
  type CalendarFeedResponse,
  type CanvasResponse,
  type CommunityMember,
  type HandbookEntry,
  type MeResponse,
  type RetroAction,
  type Ritual,
  type SuggestResourceResponse,
} from "@practice-hub/shared";
import { randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { demoIdentities, otherTenantId } from "../../../bot/src/local/demoIdentities";
import { apiClient, type ApiClient, type ApiRequest } from "../api";
import { communityFactory } from "../factories";
import { entryFactory, moveRetroTo, retroFactory } from "../retroFactories";
import type { DemoPerson, Stack } from "../stack";
import type { TokenKit } from "./requests";
import { unsignedTokenTraps } from "./requests";
import type { FuzzFixtures } from "./routes";
import { bad, type Sample } from "./samples";

/** The ritual every occurrence route aims at: weekly on Mondays from 2 March 2026. */
const ritualSchedule = {
  startDate: "2026-03-02",
  startTime: "09:00",
  durationMinutes: 60,
  timeZone: "Europe/London",
  recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
  until: null,
} as const;

async function call<T>(
  api: ApiClient,
  method: "GET" | "POST" | "PUT",
  path: string,
  options: ApiRequest,
  expected: number,
): Promise<T> {
  const response = await api.request<T>(method, path, options);
  if (response.status !== expected) {
    throw new Error(`fuzz setup: ${method} ${path} answered ${response.status}, not ${expected}`);
  }
  return response.body;
}

/**
 * Builds what well-formed fuzz requests aim at, through the API like a user would: two
 * communities of the champion (with a member, a ritual, retros, an action, library items, a
 * channel and a calendar feed) and one of the other tenant.
 */
export async function createFuzzFixtures(
  stack: Stack,
  connectorUrl: string,
): Promise<FuzzFixtures> {
  const api = apiClient(stack);
  const champion = { as: "demo-champion" as const };
  const community = await communityFactory(api, "demo-champion", { name: "Fuzz community" });
  const scratch = await communityFactory(api, "demo-champion", { name: "Fuzz scratch" });
  const otherTenant = await communityFactory(api, "demo-outsider", { name: "Fuzz elsewhere" });
  const me = await call<MeResponse>(api, "GET", apiPaths.me, champion, 200);
  const communityId = community.id;

  await call(
    api,
    "POST",
    apiPaths.people(communityId),
    { ...champion, body: { userId: "demo-member", displayName: "Ben Member", roles: ["member"] } },
    201,
  );
  const added = await call<CommunityMember>(
    api,
    "POST",
    apiPaths.people(communityId),
    { ...champion, body: { userId: "fuzz-added", displayName: "Fuzz Added", roles: ["member"] } },
    201,
  );
  const ritual = await call<Ritual>(
    api,
    "POST",
    apiPaths.rituals(communityId),
    { ...champion, body: { name: "Fuzz clinic", schedule: ritualSchedule } },
    201,
  );
  const scratchRitual = await call<Ritual>(
    api,
    "POST",
    apiPaths.rituals(scratch.id),
    { ...champion, body: { name: "Fuzz scratch clinic", schedule: ritualSchedule } },
    201,
  );
  const canvas = await call<CanvasResponse>(
    api,
    "GET",
    apiPaths.canvas(communityId),
    champion,
    200,
  );

  const collecting = await retroFactory(api, communityId);
  const entryId = await entryFactory(api, collecting);
  const deciding = await retroFactory(api, communityId);
  await entryFactory(api, deciding);
  await moveRetroTo(api, deciding, "group", "vote", "decide");
  const action = await call<RetroAction>(
    api,
    "POST",
    `${apiPaths.retro(communityId, deciding.id)}/actions`,
    {
      ...champion,
      body: {
        text: "Write the onboarding guide",
        owner: { id: "demo-member" },
        dueDate: "2026-04-01",
        submissionKey: randomUUID(),
      },
    },
    201,
  );

  const suggestion = await call<SuggestResourceResponse>(
    api,
    "POST",
    apiPaths.libraryResources(communityId),
    {
      as: "demo-member",
      body: {
        section: "reading",
        title: "A fuzz read",
        url: "https://example.com/fuzz-read",
        why: "It shows how to break things gently.",
      },
    },
    201,
  );
  if (suggestion.outcome !== "suggested") throw new Error("fuzz setup: resource not suggested");
  const handbook = await call<HandbookEntry>(
    api,
    "POST",
    apiPaths.handbook(communityId),
    { ...champion, body: { title: "How we fuzz", body: "Carefully." } },
    201,
  );

  const channelId = "19:fuzz-channel@thread.tacv2";
  await call(
    api,
    "PUT",
    apiPaths.communityChannel(communityId),
    { ...champion, body: { channelId, teamId: channelId } },
    200,
  );
  const feed = await call<CalendarFeedResponse>(
    api,
    "POST",
    apiPaths.calendarFeed(communityId),
    champion,
    200,
  );
  const feedParts = /\/api\/feeds\/([^/]+)\/([^/]+)\/([^/]+)\/calendar\.ics$/.exec(feed.url ?? "");
  if (!feedParts?.[1] || !feedParts[2] || !feedParts[3]) {
    throw new Error(`fuzz setup: unexpected feed URL ${feed.url}`);
  }

  return {
    tenantId: me.tenantId,
    communityId,
    scratchCommunityId: scratch.id,
    otherTenantCommunityId: otherTenant.id,
    ritualId: ritual.id,
    occurrenceDates: ["2026-03-02", "2026-03-16", "2026-03-23", "2026-04-06"],
    scratchRitualId: scratchRitual.id,
    scratchRitualEtag: scratchRitual.etag,
    collectingRetroId: collecting.id,
    retroEtag: collecting.etag,
    entryId,
    decidingRetroId: deciding.id,
    actionId: action.id,
    resourceId: suggestion.resource.id,
    resourceEtag: suggestion.resource.etag,
    handbookEntryId: handbook.id,
    handbookEtag: handbook.etag,
    sectionEtag: canvas.sections[0]?.etag ?? "",
    addedUserId: "fuzz-added",
    addedUserEtag: added.etag,
    channelId,
    feed: {
      tenantId: feedParts[1],
      communityId: decodeURIComponent(feedParts[2]),
      token: feedParts[3],
    },
    connectorUrl,
  };
}

async function validTokens(stack: Stack): Promise<Record<DemoPerson, string>> {
  const people: DemoPerson[] = ["demo-champion", "demo-member", "demo-head", "demo-outsider"];
  const tokens = await Promise.all(people.map((person) => stack.token(person)));
  return Object.fromEntries(people.map((person, index) => [person, tokens[index]])) as Record<
    DemoPerson,
    string
  >;
}

/**
 * Tokens for a local-mode service: the demo people's, and ones it must refuse. Local tokens
 * are HS256 with a secret made at start-up, so a forged or expired one is signed with another
 * secret: the service can only tell it did not issue it.
 */
export async function localTokenKit(stack: Stack): Promise<TokenKit> {
  const valid = await validTokens(stack);
  const champion = demoIdentities.find((identity) => identity.id === "demo-champion");
  if (!champion) throw new Error("demo-champion is missing from demoIdentities");
  const forged = (expiresAt: number | string) =>
    new SignJWT({ tid: champion.tenantId, oid: champion.id, name: champion.displayName })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(champion.id)
      .setIssuer("practice-hub-local")
      .setAudience("practice-hub")
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(randomBytes(32));
  const signed: Sample<string | null>[] = [
    bad(`Bearer ${await forged("1h")}`, "a token signed with another secret"),
    bad(
      `Bearer ${await forged(Math.floor(Date.now() / 1000) - 3_600)}`,
      "an expired token signed with another secret",
    ),
  ];
  return { valid, malformed: [...unsignedTokenTraps(valid["demo-champion"]), ...signed] };
}

/**
 * Tokens for an Entra-mode service: real RS256 tokens from the fake Entra that are expired,
 * for another audience or issuer, signed with an unknown or impostor key, or without the scope.
 */
export async function entraTokenKit(stack: Stack): Promise<TokenKit> {
  const entra = stack.fakeEntra;
  if (!entra) throw new Error("entraTokenKit needs an Entra-mode stack");
  const valid = await validTokens(stack);
  const champion = demoIdentities.find((identity) => identity.id === "demo-champion");
  if (!champion) throw new Error("demo-champion is missing from demoIdentities");
  const claims = { tid: champion.tenantId, oid: champion.id, name: champion.displayName };
  const now = Math.floor(Date.now() / 1000);
  const signed: [string, Promise<string>][] = [
    ["an expired token", entra.sign({ ...claims, exp: now - 3_600 })],
    ["a token for another audience", entra.sign({ ...claims, aud: "api://someone-else" })],
    ["a token from another issuer", entra.sign({ ...claims, iss: "https://issuer.example/v2.0" })],
    [
      "a token whose issuer names another tenant",
      entra.sign({ ...claims, iss: entra.issuerFor(otherTenantId) }),
    ],
    ["a token signed with an unknown key", entra.sign(claims, { signWith: "unknown" })],
    ["a token signed by an impostor", entra.sign(claims, { signWith: "impostor" })],
    ["a token without the scope", entra.sign({ ...claims, scp: "" })],
    ["a token with another scope", entra.sign({ ...claims, scp: "User.Read" })],
    ["a token without a user", entra.sign({ ...claims, oid: "" })],
    ["a token whose tenant is not an id", entra.sign({ ...claims, tid: "not-a-tenant" })],
    ["a token valid until year 9999", entra.sign({ ...claims, exp: 253_402_300_799 })],
  ];
  const malformed = await Promise.all(
    signed.map(async ([label, token]) => bad<string | null>(`Bearer ${await token}`, label)),
  );
  return { valid, malformed: [...unsignedTokenTraps(valid["demo-champion"]), ...malformed] };
}
