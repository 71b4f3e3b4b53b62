import {
  apiPaths,
  calendarFeedResponseSchema,
  ritualSchema,
  seriesUid,
  type RitualInput,
} from "@practice-hub/shared";
import type ICALModule from "ical.js" with { "resolution-mode": "import" };
import { apiClient, type ApiClient } from "../support/api";
import { communityFactory, memberCommunityFactory } from "../support/factories";
import { startStack, type Stack } from "../support/stack";

// ical.js ships its types for ES modules only; tests load its CommonJS build with the same API.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require("ical.js") as typeof ICALModule;

let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;

beforeAll(async () => {
  stack = await startStack({ now: () => new Date("2026-03-09T12:00:00Z") });
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
});

afterAll(async () => {
  await stack?.stop();
});

function ritualInputFactory(): RitualInput {
  return {
    name: "Show and tell",
    schedule: {
      startDate: "2026-03-02",
      startTime: "16:00",
      durationMinutes: 45,
      timeZone: "America/New_York",
      recurrence: { kind: "weekly", interval: 2, weekday: "TH" },
      until: null,
    },
  };
}

async function communityWithRitual() {
  const community = await communityFactory(api);
  const response = await api.post(apiPaths.rituals(community.id), {
    as: "demo-champion",
    body: ritualInputFactory(),
  });
  return { communityId: community.id, ritual: ritualSchema.parse(response.body) };
}

async function turnOnFeed(communityId: string): Promise<string> {
  const response = await api.post(apiPaths.calendarFeed(communityId), { as: "demo-champion" });
  const url = calendarFeedResponseSchema.parse(response.body).url;
  if (!url) throw new Error("no feed url");
  // The URL names the public base address; the test talks to the stack's own port.
  return `${stack.baseUrl}${new URL(url).pathname}`;
}

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("the calendar feed", () => {
  it("serves valid iCalendar with each series' RRULE and stable UID to whoever has the URL", async () => {
    const { communityId, ritual } = await communityWithRitual();
    const url = await turnOnFeed(communityId);

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const [event] = events(await response.text());
    expect(event?.uid).toBe(seriesUid(ritual.id));
    expect(event?.component.getFirstPropertyValue("rrule")?.toString()).toBe(
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
    );
  });

  it("stops answering a revoked token, and a renewed URL replaces the old one", async () => {
    const { communityId } = await communityWithRitual();
    const first = await turnOnFeed(communityId);
    const second = await turnOnFeed(communityId);
    expect((await fetch(first)).status).toBe(404);
    expect((await fetch(second)).status).toBe(200);

    const revoked = await api.request("DELETE", apiPaths.calendarFeed(communityId), {
      as: "demo-champion",
    });
    expect(revoked.status).toBe(204);
    expect((await fetch(second)).status).toBe(404);
    const state = await api.get(apiPaths.calendarFeed(communityId), { as: "demo-champion" });
    expect(calendarFeedResponseSchema.parse(state.body).url).toBeNull();
  });

  it("lets only champions turn the feed on", async () => {
    const response = await api.post(apiPaths.calendarFeed(ownCommunityId), { as: "demo-member" });
    expect(response.status).toBe(403);
  });
});

describe("one occurrence as .ics", () => {
  it("downloads the occurrence at its time in the ritual's zone", async () => {
    const { communityId, ritual } = await communityWithRitual();
    const response = await api.get<string>(
      apiPaths.occurrenceIcs(communityId, ritual.id, "2026-03-19"),
      { as: "demo-champion" },
    );
    expect(response.status).toBe(200);
    const [event] = events(response.body);
    expect(event?.startDate.toJSDate().toISOString()).toBe("2026-03-19T20:00:00.000Z");
  });
});
