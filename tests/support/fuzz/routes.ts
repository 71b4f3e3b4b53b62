import fc from "fast-check";
import {
  canvasSectionIds,
  communityRoles,
  digestDays,
  librarySections,
  retroActionStatuses,
  retroFormatIds,
  retroPhases,
  retroVerbs,
  ritualTemplateIds,
  ritualVerbs,
  rsvpResponses,
  weekdayCodes,
} from "@practice-hub/shared";
import type { DemoPerson } from "../stack";
import { bad, good, type Sample } from "./samples";

/** What the fuzzer made through the API before it starts, so well-formed requests reach deep. */
export interface FuzzFixtures {
  tenantId: string;
  /** The fuzz's own community: demo-champion is its champion, demo-member a member. */
  communityId: string;
  /**
   * A second community of the same champion where new rituals and feed renewals go, so junk
   * rituals do not slow every calendar read of the first, and its feed token stays valid.
   */
  scratchCommunityId: string;
  /** A community of the other tenant (made by demo-outsider). */
  otherTenantCommunityId: string;
  /** A ritual of the fuzz community, weekly on Mondays, and some of its planned dates. */
  ritualId: string;
  occurrenceDates: string[];
  /** A ritual of the scratch community, which the fuzzer may edit or delete. */
  scratchRitualId: string;
  scratchRitualEtag: string;
  /** A retro still collecting, with an entry; a retro in its decide phase, with an action. */
  collectingRetroId: string;
  retroEtag: string;
  entryId: string;
  decidingRetroId: string;
  actionId: string;
  resourceId: string;
  resourceEtag: string;
  handbookEntryId: string;
  handbookEtag: string;
  sectionEtag: string;
  /** A person the champion added by hand, whose roles the fuzzer may change. */
  addedUserId: string;
  addedUserEtag: string;
  /** The channel the fuzz community is linked to. */
  channelId: string;
  feed: { tenantId: string; communityId: string; token: string };
  /** Where the bot's replies go: a local stand-in for the Bot Connector. */
  connectorUrl: string;
}

/** Who may call a route. */
export type RouteAccess =
  /** A bearer token of a signed-in person. */
  | "signedIn"
  /** Anybody: health, public config, the dev token picker, the feed (its secret is in the URL). */
  | "public"
  /** The Bot Connector (its own JWT, checked by botbuilder). */
  | "bot";

/** One route of the app with the well-formed inputs the fuzzer starts from. */
export interface FuzzRoute {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** The path exactly as the express app declares it, mount prefix included. */
  path: string;
  access: RouteAccess;
  /** Well-formed values of each `:param`, raw as they go into the URL. */
  params: Record<string, fc.Arbitrary<Sample<string>>>;
  /** Malformed values this route's params can get besides the generic ones. */
  paramTraps?: Sample<string>[];
  /** A well-formed query. */
  query?: fc.Arbitrary<Record<string, string>>;
  /** A well-formed JSON body. */
  body?: fc.Arbitrary<unknown>;
  /** The route changes shared state and needs If-Match: the value sent when well-formed. */
  ifMatch?: string;
  /** Only a champion (or another role a member lacks) may call it: a member's token is refused. */
  championOnly?: boolean;
  /** Whose tokens are well-formed here, when not the usual champion, member and head. */
  people?: DemoPerson[];
  /** Replaces path building, for the tab's catch-all route: the URL paths to send. */
  urls?: fc.Arbitrary<Sample<string>>;
}

/** The demo people of the fuzz community's tenant. */
const fuzzPeople: DemoPerson[] = ["demo-champion", "demo-member", "demo-head"];

/** Well-formed values of a path parameter, escaped as the tab's client escapes them. */
function wellFormed(label: string, ...values: string[]): fc.Arbitrary<Sample<string>> {
  return fc.constantFrom(...values.map((value) => good(encodeURIComponent(value), label)));
}

const shortText = fc.nat({ max: 9_999 }).map((n) => `Fuzz text ${n}`);
const submissionKey = fc.uuid();
const localDate = fc.constantFrom("2026-03-16", "2026-04-06", "2026-06-01", "2027-01-04");
const zone = fc.constantFrom("Europe/London", "America/New_York", "UTC", "Asia/Kolkata");

function scheduleBody() {
  return fc.record({
    startDate: localDate,
    startTime: fc.constantFrom("09:00", "12:30", "18:45"),
    durationMinutes: fc.integer({ min: 5, max: 720 }),
    timeZone: zone,
    recurrence: fc.oneof(
      fc.constant({ kind: "once" }),
      fc.record({
        kind: fc.constant("weekly"),
        interval: fc.integer({ min: 1, max: 13 }),
        weekday: fc.constantFrom(...weekdayCodes),
      }),
      fc.record({
        kind: fc.constant("monthlyWeekday"),
        nth: fc.constantFrom(1, 2, 3, 4, 5, -1),
        weekday: fc.constantFrom(...weekdayCodes),
      }),
      fc.record({ kind: fc.constant("monthlyDate"), day: fc.constantFrom(1, 15, 28, -1) }),
    ),
    until: fc.constantFrom(null, "2027-12-31"),
  });
}

function ritualBody() {
  return fc.record({
    name: shortText,
    purpose: shortText,
    agenda: fc.constant("- One\n- Two"),
    templateId: fc.constantFrom(null, ...ritualTemplateIds),
    segment: fc.constantFrom(null, "London"),
    schedule: scheduleBody(),
    reminderOffsetsMinutes: fc.constantFrom([1_440, 15], [60], []),
  });
}

/** Teams activities as the Bot Connector posts them: card actions, messages, installs. */
function activityBody(f: FuzzFixtures) {
  const from = { id: "29:fuzz-member", name: "Ben Member", aadObjectId: "demo-member" };
  const base = {
    channelId: "msteams",
    serviceUrl: f.connectorUrl,
    from,
    recipient: { id: "28:practice-hub", name: "Practice Hub" },
    conversation: { id: f.channelId, conversationType: "channel", tenantId: f.tenantId },
    channelData: { tenant: { id: f.tenantId }, team: { id: f.channelId } },
  };
  const cardData = fc.oneof(
    fc.record({
      verb: fc.constant(ritualVerbs.rsvp),
      data: fc.record({
        communityId: fc.constant(f.communityId),
        ritualId: fc.constant(f.ritualId),
        date: fc.constantFrom(...f.occurrenceDates),
        lead: fc.constant(15),
        response: fc.constantFrom(...rsvpResponses),
      }),
    }),
    fc.record({
      verb: fc.constant(ritualVerbs.cantMakeIt),
      data: fc.record({
        communityId: fc.constant(f.communityId),
        ritualId: fc.constant(f.ritualId),
        date: fc.constantFrom(...f.occurrenceDates),
        lead: fc.constant(1_440),
      }),
    }),
    fc.record({
      verb: fc.constant(retroVerbs.addEntry),
      data: fc.record({
        communityId: fc.constant(f.communityId),
        retroId: fc.constant(f.collectingRetroId),
        promptId: fc.constant("keep"),
        text: shortText,
        visibility: fc.constantFrom("anonymous", "named"),
      }),
    }),
    fc.record({
      verb: fc.constantFrom(retroVerbs.vote, retroVerbs.refresh, retroVerbs.move),
      data: fc.record({
        communityId: fc.constant(f.communityId),
        retroId: fc.constantFrom(f.collectingRetroId, f.decidingRetroId),
        target: fc.constant(`entry:${f.entryId}`),
        to: fc.constantFrom(...retroPhases),
      }),
    }),
    fc.record({
      verb: fc.constantFrom(retroVerbs.setActionStatus, retroVerbs.refreshAction),
      data: fc.record({
        communityId: fc.constant(f.communityId),
        actionId: fc.constant(f.actionId),
        status: fc.constantFrom(...retroActionStatuses),
      }),
    }),
    fc.record({ verb: fc.constant("no.such.verb"), data: fc.constant({}) }),
  );
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(cardData, fc.uuid()).map(([{ verb, data }, id]) => ({
        ...base,
        type: "invoke",
        name: "adaptiveCard/action",
        id,
        value: { action: { type: "Action.Execute", verb, data } },
      })),
    },
    fc.constantFrom("help", "retro", "hello", "").map((text) => ({
      ...base,
      type: "message",
      text,
    })),
    fc.constant({
      ...base,
      type: "conversationUpdate",
      membersAdded: [{ id: "29:fuzz-joiner", aadObjectId: "fuzz-joiner", name: "Fuzz Joiner" }],
    }),
    fc.constant({ ...base, type: "installationUpdate", action: "add" }),
    fc.constant({ ...base, type: "typing" }),
  );
}

/** URL paths of the built tab: its files, and the client-side routes index.html answers. */
const tabUrls: fc.Arbitrary<Sample<string>> = fc.oneof(
  fc.constantFrom(
    good("/", "the tab's root"),
    good("/index.html", "index.html"),
    good("/assets/app.js", "a built asset"),
    good("/communities/x/canvas", "a client-side route"),
    bad("/assets/missing.js", "a missing asset"),
    bad("/..%2F..%2Fetc%2Fpasswd", "escaped traversal"),
    bad("/assets/../../../etc/passwd", "dot-dot traversal"),
    bad("/%E0%A4%A", "broken percent-encoding"),
    bad("/assets/%00.js", "NUL"),
    bad("/%2e%2e/%2e%2e/etc/passwd", "escaped dot-dot"),
    bad("//evil.example/", "a protocol-relative path"),
    bad("/assets", "a folder without its slash"),
    bad("/.env", "a dotfile"),
    bad(`/${"a".repeat(4_000)}`, "4,000 characters"),
    bad("/%E2%80%AEtxt.exe", "a bidi override"),
  ),
);

/**
 * Every route of the service with its well-formed inputs. `fuzz.test.ts` checks this list against
 * the routes the express app really has, so a new route cannot escape the fuzzer.
 */
export function fuzzRoutes(f: FuzzFixtures): FuzzRoute[] {
  const community = wellFormed("the fuzz community", f.communityId);
  const scratch = wellFormed("the scratch community", f.scratchCommunityId);
  const otherTenant = [bad(f.otherTenantCommunityId, "another tenant's community")];
  const c = { communityId: community };
  const ritual = { ...c, ritualId: wellFormed("the ritual", f.ritualId) };
  // Edits and deletes go to a ritual of their own: the occurrence routes need theirs unchanged.
  const scratchRitual = {
    communityId: scratch,
    ritualId: wellFormed("the scratch ritual", f.scratchRitualId),
  };
  const occurrence = { ...ritual, date: wellFormed("a planned date", ...f.occurrenceDates) };
  const retro = { ...c, retroId: wellFormed("a retro", f.collectingRetroId, f.decidingRetroId) };
  const communityRoutes = (routes: Omit<FuzzRoute, "paramTraps">[]): FuzzRoute[] =>
    routes.map((route) => ({ ...route, paramTraps: otherTenant }));

  return [
    { method: "GET", path: "/healthz", access: "public", params: {} },
    // The privacy and terms pages the manifest links to (bot/src/http/legalPages.ts).
    { method: "GET", path: "/privacy", access: "public", params: {} },
    { method: "GET", path: "/terms", access: "public", params: {} },
    { method: "POST", path: "/api/messages", access: "bot", params: {}, body: activityBody(f) },
    { method: "GET", path: "/api/public-config", access: "public", params: {} },
    { method: "GET", path: "/api/dev/people", access: "public", params: {} },
    {
      method: "POST",
      path: "/api/dev/token",
      access: "public",
      params: {},
      body: fc.record({ user: fc.constantFrom(...fuzzPeople, "demo-outsider") }),
    },
    { method: "GET", path: "/api/me", access: "signedIn", params: {} },
    { method: "GET", path: "/api/communities", access: "signedIn", params: {} },
    {
      method: "POST",
      path: "/api/communities",
      access: "signedIn",
      params: {},
      // Made in the other tenant: every new community of the demo tenant would make the head's
      // digest preview and health signals, which read them all, slower for the rest of the run.
      people: ["demo-outsider"],
      body: fc.record({ name: shortText, profession: shortText, description: shortText }),
    },
    { method: "GET", path: "/api/ritual-templates", access: "signedIn", params: {} },
    {
      method: "GET",
      path: "/api/digest/settings",
      access: "signedIn",
      params: {},
      query: fc.record({ timeZone: zone }, { requiredKeys: [] }),
    },
    {
      method: "PUT",
      path: "/api/digest/settings",
      access: "signedIn",
      params: {},
      body: fc.record({
        day: fc.constantFrom(...digestDays),
        time: fc.constantFrom("09:00", "17:30"),
        timeZone: zone,
      }),
    },
    {
      method: "GET",
      path: "/api/digest/preview",
      access: "signedIn",
      params: {},
      query: fc.record(
        {
          audience: fc.constantFrom("lead", "members"),
          communityId: fc.constant(f.communityId),
          timeZone: zone,
        },
        { requiredKeys: [] },
      ),
    },
    {
      method: "GET",
      path: "/api/health-signals",
      access: "signedIn",
      params: {},
      query: fc.record({ timeZone: zone }, { requiredKeys: [] }),
    },
    {
      method: "GET",
      path: "/api/feeds/:tenantId/:communityId/:token/calendar.ics",
      access: "public",
      params: {
        tenantId: wellFormed("the feed's tenant", f.feed.tenantId),
        communityId: wellFormed("the feed's community", f.feed.communityId),
        token: wellFormed("the feed's token", f.feed.token),
      },
      paramTraps: [bad(f.otherTenantCommunityId, "another tenant's community")],
    },
    { method: "GET", path: "/.*/", access: "public", params: {}, urls: tabUrls },
    ...communityRoutes([
      {
        method: "GET",
        path: "/api/communities/:communityId/channel",
        access: "signedIn",
        params: c,
      },
      {
        method: "PUT",
        path: "/api/communities/:communityId/channel",
        access: "signedIn",
        params: c,
        championOnly: true,
        body: fc.record({
          channelId: fc.constant(f.channelId),
          teamId: fc.constantFrom(null, f.channelId),
        }),
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/canvas",
        access: "signedIn",
        params: c,
      },
      {
        method: "PUT",
        path: "/api/communities/:communityId/canvas/sections/:sectionId",
        access: "signedIn",
        params: { ...c, sectionId: wellFormed("a canvas section", ...canvasSectionIds) },
        championOnly: true,
        ifMatch: f.sectionEtag,
        body: fc.record({ content: shortText }),
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/canvas/history",
        access: "signedIn",
        params: c,
        query: fc.record(
          {
            section: fc.constantFrom(...canvasSectionIds),
            limit: fc.integer({ min: 1, max: 50 }).map(String),
          },
          { requiredKeys: ["section"] },
        ),
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/canvas/review",
        access: "signedIn",
        params: c,
        championOnly: true,
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/retros",
        access: "signedIn",
        params: c,
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/retros",
        access: "signedIn",
        params: c,
        championOnly: true,
        body: fc.record(
          {
            format: fc.constantFrom(...retroFormatIds.filter((id) => id !== "custom")),
            title: shortText,
            votesPerPerson: fc.integer({ min: 1, max: 5 }),
          },
          { requiredKeys: ["format"] },
        ),
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/retros/:retroId",
        access: "signedIn",
        params: retro,
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/retros/:retroId/entries",
        access: "signedIn",
        params: retro,
        body: fc.record({
          promptId: fc.constantFrom("keep", "drop", "add"),
          text: shortText,
          anonymous: fc.boolean(),
          submissionKey,
        }),
      },
      {
        method: "PUT",
        path: "/api/communities/:communityId/retros/:retroId/themes",
        access: "signedIn",
        params: retro,
        championOnly: true,
        ifMatch: f.retroEtag,
        body: fc.record({
          themes: fc.constant([{ id: "theme-1", title: "Fuzz theme", entryIds: [f.entryId] }]),
        }),
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/retros/:retroId/votes",
        access: "signedIn",
        params: retro,
        body: fc.record({
          target: fc.constantFrom(`entry:${f.entryId}`, "theme:theme-1"),
          submissionKey,
        }),
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/retros/:retroId/phase",
        access: "signedIn",
        params: retro,
        championOnly: true,
        body: fc.record({ to: fc.constantFrom(...retroPhases) }),
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/retros/:retroId/actions",
        access: "signedIn",
        params: retro,
        championOnly: true,
        body: fc.record({
          text: shortText,
          kind: fc.constantFrom("action", "learningGoal"),
          owner: fc.constant({ id: "demo-member" }),
          dueDate: localDate,
          escalate: fc.boolean(),
          submissionKey,
        }),
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/retros/:retroId/entries/:entryId/hide",
        access: "signedIn",
        params: { ...retro, entryId: wellFormed("an entry", f.entryId) },
        championOnly: true,
        body: fc.record({ reason: shortText }),
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/retro-actions/:actionId/status",
        access: "signedIn",
        params: { ...c, actionId: wellFormed("an action", f.actionId) },
        body: fc.record({ status: fc.constantFrom(...retroActionStatuses) }),
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/rituals",
        access: "signedIn",
        params: c,
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/rituals",
        access: "signedIn",
        params: { communityId: scratch },
        championOnly: true,
        body: ritualBody(),
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/rituals/starter-rhythm",
        access: "signedIn",
        params: { communityId: scratch },
        championOnly: true,
        body: fc.record({
          from: localDate,
          weekday: fc.constantFrom(...weekdayCodes),
          time: fc.constantFrom("09:00", "16:00"),
          timeZone: zone,
        }),
      },
      {
        method: "PUT",
        path: "/api/communities/:communityId/rituals/:ritualId",
        access: "signedIn",
        params: scratchRitual,
        championOnly: true,
        ifMatch: f.scratchRitualEtag,
        body: ritualBody(),
      },
      {
        method: "DELETE",
        path: "/api/communities/:communityId/rituals/:ritualId",
        access: "signedIn",
        params: scratchRitual,
        championOnly: true,
        ifMatch: f.scratchRitualEtag,
      },
      {
        method: "PUT",
        path: "/api/communities/:communityId/rituals/:ritualId/volunteers/me",
        access: "signedIn",
        params: ritual,
        body: fc.record({ awayDates: fc.subarray(f.occurrenceDates) }, { requiredKeys: [] }),
      },
      {
        method: "DELETE",
        path: "/api/communities/:communityId/rituals/:ritualId/volunteers/me",
        access: "signedIn",
        params: ritual,
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/occurrences",
        access: "signedIn",
        params: c,
        query: fc.constantFrom(
          { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" },
          { from: "2026-03-09T12:00:00+01:00", to: "2026-06-01T00:00:00-05:00" },
        ),
      },
      {
        method: "PUT",
        path: "/api/communities/:communityId/rituals/:ritualId/occurrences/:date",
        access: "signedIn",
        params: occurrence,
        championOnly: true,
        ifMatch: `W/"datetime'2026-03-09T12%3A00%3A00.0000000Z'"`,
        body: fc.record(
          {
            movedTo: fc.constantFrom(null, { date: "2026-03-17", time: "10:00" }),
            cancelledReason: fc.constantFrom(null, "Bank holiday"),
            facilitatorId: fc.constantFrom(null, "demo-member"),
          },
          { requiredKeys: [] },
        ),
      },
      {
        method: "PUT",
        path: "/api/communities/:communityId/rituals/:ritualId/occurrences/:date/rsvp",
        access: "signedIn",
        params: occurrence,
        body: fc.record({ response: fc.constantFrom(...rsvpResponses) }),
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/rituals/:ritualId/occurrences/:date/swap-request",
        access: "signedIn",
        params: occurrence,
        ifMatch: `W/"datetime'2026-03-09T12%3A00%3A00.0000000Z'"`,
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/rituals/:ritualId/occurrences/:date/swap-request/acceptance",
        access: "signedIn",
        params: occurrence,
        ifMatch: `W/"datetime'2026-03-09T12%3A00%3A00.0000000Z'"`,
      },
      {
        method: "PUT",
        path: "/api/communities/:communityId/rituals/:ritualId/occurrences/:date/attendance",
        access: "signedIn",
        params: occurrence,
        ifMatch: `W/"datetime'2026-03-09T12%3A00%3A00.0000000Z'"`,
        body: fc.record({
          attendeeIds: fc.constantFrom(["demo-member"], [], ["demo-member", "demo-champion"]),
          notes: shortText,
          recordingUrl: fc.constantFrom(null, "https://example.com/recording"),
        }),
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/rituals/:ritualId/occurrences/:date/calendar.ics",
        access: "signedIn",
        params: occurrence,
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/calendar-feed",
        access: "signedIn",
        params: c,
        championOnly: true,
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/calendar-feed",
        access: "signedIn",
        params: { communityId: scratch },
        championOnly: true,
      },
      {
        method: "DELETE",
        path: "/api/communities/:communityId/calendar-feed",
        access: "signedIn",
        params: { communityId: scratch },
        championOnly: true,
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/library",
        access: "signedIn",
        params: c,
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/library/resources",
        access: "signedIn",
        params: c,
        body: fc.record({
          section: fc.constantFrom(...librarySections),
          title: shortText,
          url: fc.nat().map((n) => `https://example.com/fuzz/${n}`),
          why: shortText,
          tags: fc.constantFrom([], ["research"], ["a", "b"]),
        }),
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/library/resources/:resourceId/decision",
        access: "signedIn",
        params: { ...c, resourceId: wellFormed("a resource", f.resourceId) },
        championOnly: true,
        ifMatch: f.resourceEtag,
        body: fc.oneof(
          fc.record({ decision: fc.constantFrom("approve", "archive") }),
          fc.record({ decision: fc.constant("reject"), reason: shortText }),
        ),
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/library/handbook",
        access: "signedIn",
        params: c,
        championOnly: true,
        body: fc.record({ title: shortText, body: shortText, archived: fc.boolean() }),
      },
      {
        method: "PUT",
        path: "/api/communities/:communityId/library/handbook/:entryId",
        access: "signedIn",
        params: { ...c, entryId: wellFormed("a handbook entry", f.handbookEntryId) },
        championOnly: true,
        ifMatch: f.handbookEtag,
        body: fc.record({ title: shortText, body: shortText, archived: fc.boolean() }),
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/people",
        access: "signedIn",
        params: c,
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/people/changes",
        access: "signedIn",
        params: c,
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/people",
        access: "signedIn",
        params: c,
        championOnly: true,
        body: fc.record({
          userId: fc.nat({ max: 50 }).map((n) => `fuzz-person-${n}`),
          displayName: shortText,
          roles: fc.subarray([...communityRoles], { minLength: 1 }),
        }),
      },
      {
        method: "PUT",
        path: "/api/communities/:communityId/people/:userId/roles",
        access: "signedIn",
        params: { ...c, userId: wellFormed("a member added by hand", f.addedUserId) },
        championOnly: true,
        ifMatch: f.addedUserEtag,
        body: fc.record({ roles: fc.subarray([...communityRoles], { minLength: 1 }) }),
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/digest/unreachable",
        access: "signedIn",
        params: c,
        championOnly: true,
      },
      {
        method: "GET",
        path: "/api/communities/:communityId/digest/send",
        access: "signedIn",
        params: c,
        championOnly: true,
      },
      {
        method: "POST",
        path: "/api/communities/:communityId/digest/send",
        access: "signedIn",
        params: c,
        championOnly: true,
      },
    ]),
  ];
}

/** "METHOD /path", the way expressRoutes() names a route. */
export function routeName(route: Pick<FuzzRoute, "method" | "path">): string {
  return `${route.method} ${route.path}`;
}
