import {
  apiPaths,
  digestPreviewResponseSchema,
  digestSendResponseSchema,
  digestSettingsResponseSchema,
  healthSignalsResponseSchema,
  unreachableResponseSchema,
  libraryResourceSchema,
  suggestResourceResponseSchema,
  occurrencesResponseSchema,
  ritualSchema,
  type AdaptiveCard,
} from "@practice-hub/shared";
import { cardBytes, cardProblems } from "../../shared/src/cards/testing";
import { digestComposer } from "../../bot/src/digest/digestComposer";
import { createDigestSource, digestDeliveryKey } from "../../bot/src/jobs/digests";
import { createLogger } from "../../bot/src/logger";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore, type Store } from "../../bot/src/store";
import { conversationRowKey } from "../../bot/src/store/conversationReferenceRepository";
import { channelDigestStateKey } from "../../bot/src/store/digestRepository";
import { apiClient, type ApiClient } from "../support/api";
import {
  linkedTeamFactory,
  memberCommunityFactory,
  writtenCanvasFactory,
} from "../support/factories";
import { startStack, type DemoPerson, type Stack } from "../support/stack";

/** Monday 23 November 2026, 09:00:30 in London: just after the default digest slot. */
const now = new Date("2026-11-23T09:00:30.000Z");
const headChat = "a:personal-chat-of-demo-head";

let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;
/** The team (and General channel) linked to it. */
let ownTeamId: string;
let store: Store;

beforeAll(async () => {
  stack = await startStack({ now: () => now });
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
  // Like the demo community: a reviewed canvas, a linked team, and a ritual people attend.
  await writtenCanvasFactory(api, ownCommunityId);
  ownTeamId = await linkedTeamFactory(api, ownCommunityId);
  await attendedRitualFactory();
  store = createStore(stack.storageConnectionString);
  await store.conversationReferences.save({
    tenantId: demoTenantId,
    conversationId: headChat,
    kind: "personal",
    aadObjectId: "demo-head",
    serviceUrl: "https://smba.example.com/",
    reference: JSON.stringify({ conversation: { id: headChat } }),
    updatedAt: now.toISOString(),
  });
});

afterAll(async () => {
  await stack?.stop();
});

/**
 * A weekly ritual of the file's community, on Mondays since 2 November, whose sessions of 9 and
 * 16 November both members attended: the last month's protected time is used, nothing lapsed.
 */
async function attendedRitualFactory(): Promise<void> {
  const created = await api.post(apiPaths.rituals(ownCommunityId), {
    as: "demo-champion",
    body: {
      name: "Office hours",
      schedule: {
        startDate: "2026-11-02",
        startTime: "10:00",
        durationMinutes: 60,
        timeZone: "Europe/London",
        recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
        until: null,
      },
    },
  });
  if (created.status !== 201) throw new Error(`ritual not created: ${created.status}`);
  const ritual = ritualSchema.parse(created.body);
  const listed = await api.get(
    `${apiPaths.occurrences(ownCommunityId)}?from=2026-11-01T00:00:00Z&to=2026-11-20T00:00:00Z`,
    { as: "demo-champion" },
  );
  for (const date of ["2026-11-09", "2026-11-16"]) {
    const occurrence = occurrencesResponseSchema
      .parse(listed.body)
      .occurrences.find((o) => o.ritualId === ritual.id && o.originalDate === date);
    const recorded = await api.put(apiPaths.occurrenceAttendance(ownCommunityId, ritual.id, date), {
      as: "demo-champion",
      headers: { "if-match": occurrence?.etag ?? "" },
      body: { attendeeIds: ["demo-member", "demo-champion"] },
    });
    if (recorded.status !== 200) throw new Error(`attendance not recorded: ${recorded.status}`);
  }
}

async function preview(as: DemoPerson, query = "") {
  const response = await api.get(`${apiPaths.digestPreview}${query}`, { as });
  expect(response.status).toBe(200);
  return digestPreviewResponseSchema.parse(response.body);
}

function cardText(card: unknown): string {
  return JSON.stringify(card);
}

describe("the digest preview", () => {
  it("shows a head of profession every community of the tenant with joiners, sessions, picks and the handbook", async () => {
    const { card, week, empty } = await preview("demo-head");
    const text = cardText(card);

    expect(week).toBe("2026-W48");
    expect(empty).toBe(false);
    expect(text).toContain("Product Management");
    expect(text).toContain("Ben Member");
    expect(text).toContain("product strategy");
    expect(text).toContain("How we welcome new product managers");
    expect(text).toContain("Coming up in the next two weeks");
    expect(text).toMatch(/Office hours: run by [A-Z]/);
    expect(text).not.toContain("Interview snapshot board");
    expect(cardProblems(card as unknown as AdaptiveCard)).toEqual([]);
    expect(cardBytes(card as unknown as AdaptiveCard)).toBeLessThan(80 * 1024);
  });

  it("shows the members' version to a champion without the warning signs", async () => {
    const lead = cardText((await preview("demo-head")).card);
    const members = cardText(
      (await preview("demo-champion", `?audience=members&communityId=${ownCommunityId}`)).card,
    );

    expect(lead).toContain("Worth a look");
    expect(members).not.toContain("Worth a look");
    expect(members).toContain("This week in our community");
  });

  it("includes a suggestion in the next digest once a curator approves it", async () => {
    const suggestion = suggestResourceResponseSchema.parse(
      (
        await api.post(apiPaths.libraryResources(ownCommunityId), {
          as: "demo-member",
          body: {
            section: "caseStudies",
            title: "How the payments team cut onboarding time",
            url: "https://example.com/case-studies/payments-onboarding",
            why: "A real before-and-after with the numbers.",
            tags: [],
          },
        })
      ).body,
    );
    if (suggestion.outcome !== "suggested") throw new Error("expected a new suggestion");
    expect(cardText((await preview("demo-head")).card)).not.toContain("payments team");

    const approved = await api.post(
      apiPaths.libraryDecision(ownCommunityId, suggestion.resource.id),
      {
        as: "demo-champion",
        headers: { "if-match": suggestion.resource.etag },
        body: { decision: "approve" },
      },
    );
    expect(libraryResourceSchema.parse(approved.body).status).toBe("approved");

    expect(cardText((await preview("demo-head")).card)).toContain("payments team");
  });
});

describe("scheduled delivery", () => {
  it("sends the head of profession the exact card the preview showed, keyed by ISO week", async () => {
    const previewed = await preview("demo-head");
    const source = createDigestSource({
      store,
      config: stack.config,
      logger: createLogger({ LOG_LEVEL: "silent" }),
    });

    const deliveries = await source.due({ since: new Date(now.getTime() - 60_000), now });

    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      key: digestDeliveryKey(demoTenantId, "demo-head", "2026-W48"),
      conversationKey: conversationRowKey(headChat),
    });
    expect(deliveries[0]?.card).toEqual(previewed.card);
  });

  it("composes the same picks again within the week and records them only once the delivery is queued", async () => {
    const source = createDigestSource({
      store,
      config: stack.config,
      logger: createLogger({ LOG_LEVEL: "silent" }),
    });
    const window = { since: new Date(now.getTime() - 60_000), now };

    const [first] = await source.due(window);
    const stateBefore = await store.digests.stateOf({
      tenantId: demoTenantId,
      userId: "demo-head",
    });
    const [again] = await source.due(window);

    expect(stateBefore.sentPicks).toEqual([]);
    expect(again?.card).toEqual(first?.card);
    expect(cardText(again?.card)).toContain("payments team");

    await first?.onQueued?.();
    const [afterQueued] = await source.due(window);
    const stateAfter = await store.digests.stateOf({ tenantId: demoTenantId, userId: "demo-head" });

    expect(afterQueued?.card).toEqual(first?.card);
    expect(stateAfter.sentPicks.length).toBeGreaterThan(0);
    expect(stateAfter.sentPicks.every((pick) => pick.week === "2026-W48")).toBe(true);
  });

  it("never picks the same resources again in a later week", async () => {
    const nextWeek = new Date(now.getTime() + 7 * 86_400_000);
    const composed = await digestComposer({
      store,
      config: stack.config,
      tenantId: demoTenantId,
      recipient: { id: "demo-head", displayName: "" },
      audience: "lead",
      timeZone: "Europe/London",
      now: nextWeek,
    });
    const after = cardText(composed.card);

    expect(composed.week).toBe("2026-W49");
    expect(after).not.toContain("payments team");
    expect(after).not.toContain("How we welcome new product managers");
  });

  it("sends a head of profession who never saved settings their digest at Monday 09:00", async () => {
    const chat = "a:personal-chat-of-second-head";
    await store.memberships.addTenantRoles({
      tenantId: demoTenantId,
      userId: "second-head",
      displayName: "Sam Second",
      roles: ["headOfProfession"],
    });
    await store.conversationReferences.save({
      tenantId: demoTenantId,
      conversationId: chat,
      kind: "personal",
      aadObjectId: "second-head",
      serviceUrl: "https://smba.example.com/",
      reference: JSON.stringify({ conversation: { id: chat } }),
      updatedAt: now.toISOString(),
    });
    const source = createDigestSource({
      store,
      config: stack.config,
      logger: createLogger({ LOG_LEVEL: "silent" }),
    });

    const deliveries = await source.due({ since: new Date(now.getTime() - 60_000), now });

    expect(
      (await store.digests.stateOf({ tenantId: demoTenantId, userId: "second-head" })).settings,
    ).toBeNull();
    expect(deliveries.map((d) => d.key).sort()).toEqual(
      [
        digestDeliveryKey(demoTenantId, "demo-head", "2026-W48"),
        digestDeliveryKey(demoTenantId, "second-head", "2026-W48"),
      ].sort(),
    );
    expect(deliveries.find((d) => d.key.includes("second-head"))?.conversationKey).toBe(
      conversationRowKey(chat),
    );
  });

  it("skips a recipient whose digest cannot be composed and reads each tenant's chats once", async () => {
    let chatListings = 0;
    const flaky: Store = {
      ...store,
      conversationReferences: {
        ...store.conversationReferences,
        listForTenant: ({ tenantId }) => {
          chatListings += 1;
          return store.conversationReferences.listForTenant({ tenantId });
        },
      },
      memberships: {
        ...store.memberships,
        rolesOf: ({ tenantId, userId }) =>
          userId === "second-head"
            ? Promise.reject(new Error("storage hiccup"))
            : store.memberships.rolesOf({ tenantId, userId }),
      },
    };
    const source = createDigestSource({
      store: flaky,
      config: stack.config,
      logger: createLogger({ LOG_LEVEL: "silent" }),
    });

    const deliveries = await source.due({ since: new Date(now.getTime() - 60_000), now });

    expect(deliveries.map((d) => d.key)).toEqual([
      digestDeliveryKey(demoTenantId, "demo-head", "2026-W48"),
    ]);
    expect(chatListings).toBe(1);
  });

  it("keys a Sunday 23:59 digest caught after midnight by the week of its slot", async () => {
    await store.digests.saveSettings({
      tenantId: demoTenantId,
      userId: "second-head",
      settings: {
        day: "sunday",
        time: "23:59",
        timeZone: "Europe/London",
      },
    });
    const source = createDigestSource({
      store,
      config: stack.config,
      logger: createLogger({ LOG_LEVEL: "silent" }),
    });

    const deliveries = await source.due({
      since: new Date("2026-11-29T23:58:30.000Z"),
      now: new Date("2026-11-30T00:00:30.000Z"),
    });

    expect(deliveries.map((d) => d.key)).toEqual([
      digestDeliveryKey(demoTenantId, "second-head", "2026-W48"),
    ]);
  });

  it("sends nothing for a window that does not contain the recipient's slot", async () => {
    const source = createDigestSource({
      store,
      config: stack.config,
      logger: createLogger({ LOG_LEVEL: "silent" }),
    });

    const deliveries = await source.due({
      since: new Date(now.getTime() + 60_000),
      now: new Date(now.getTime() + 120_000),
    });

    expect(deliveries).toEqual([]);
  });
});

describe("delivery settings", () => {
  it("default to Monday 09:00 in the person's zone until they save", async () => {
    const response = await api.get(`${apiPaths.digestSettings}?timeZone=America/New_York`, {
      as: "demo-champion",
    });

    expect(digestSettingsResponseSchema.parse(response.body)).toEqual({
      settings: { day: "monday", time: "09:00", timeZone: "America/New_York" },
      saved: false,
    });
  });

  it("are saved per person", async () => {
    const settings = { day: "thursday", time: "16:30", timeZone: "Europe/Berlin" };

    await api.put(apiPaths.digestSettings, { as: "demo-champion", body: settings });
    const response = await api.get(apiPaths.digestSettings, { as: "demo-champion" });

    expect(digestSettingsResponseSchema.parse(response.body)).toEqual({ settings, saved: true });
  });

  it("refuse a zone that does not exist", async () => {
    const response = await api.put(apiPaths.digestSettings, {
      as: "demo-champion",
      body: { day: "monday", time: "09:00", timeZone: "Mars/Olympus" },
    });

    expect(response.status).toBe(400);
  });
});

describe("time zones in digest queries", () => {
  it("are refused with 400 when they do not exist, on every digest route that reads one", async () => {
    const paths = [
      `${apiPaths.digestSettings}?timeZone=Mars/Olympus`,
      `${apiPaths.digestPreview}?timeZone=Mars/Olympus`,
      `${apiPaths.healthSignals}?timeZone=Mars/Olympus`,
    ];

    const statuses = await Promise.all(
      paths.map(async (path) => (await api.get(path, { as: "demo-head" })).status),
    );

    expect(statuses).toEqual([400, 400, 400]);
  });
});

describe("sending the members' digest now", () => {
  it("is for champions only", async () => {
    const response = await api.post(apiPaths.digestSend(ownCommunityId), { as: "demo-member" });

    expect(response.status).toBe(403);
  });
});

describe("health signals", () => {
  it("list, per community the caller leads, what fired and why", async () => {
    const response = await api.get(apiPaths.healthSignals, { as: "demo-head" });

    const body = healthSignalsResponseSchema.parse(response.body);
    const serviceDesign = body.communities.find((c) => c.communityId === "service-design");
    expect(serviceDesign?.signals.map((s) => s.kind)).toEqual(["canvasNotReviewed"]);
    expect(body.communities.find((c) => c.communityId === ownCommunityId)?.signals).toEqual([]);
  });

  it("fire for lapsed rituals and unused protected time when sessions pass with no attendance recorded", async () => {
    // Fifteen weeks on, nobody has recorded who came to the community's sessions since.
    const later = new Date(now.getTime() + 15 * 7 * 86_400_000);
    const composed = await digestComposer({
      store,
      config: stack.config,
      tenantId: demoTenantId,
      recipient: { id: "demo-head", displayName: "" },
      audience: "lead",
      timeZone: "Europe/London",
      now: later,
    });

    const kinds = composed.inputs
      .find((input) => input.communityId === ownCommunityId)
      ?.signals.map((signal) => signal.kind);
    expect(kinds).toEqual(expect.arrayContaining(["lapsedRitual", "protectedTimeUnused"]));
  });

  it("are empty for a member who leads nothing", async () => {
    const response = await api.get(apiPaths.healthSignals, { as: "demo-member" });

    expect(healthSignalsResponseSchema.parse(response.body).communities).toEqual([]);
  });
});

describe("recipients Teams refused", () => {
  it("are shown to the community's champions, named, and to nobody else", async () => {
    const memberChat = "a:personal-chat-of-demo-member";
    await store.conversationReferences.save({
      tenantId: demoTenantId,
      conversationId: memberChat,
      kind: "personal",
      aadObjectId: "demo-member",
      serviceUrl: "https://smba.example.com/",
      reference: JSON.stringify({ conversation: { id: memberChat } }),
      updatedAt: now.toISOString(),
    });
    const key = `test:${demoTenantId}:blocked`;
    await store.deliveries.create({
      delivery: {
        key,
        tenantId: demoTenantId,
        conversationKey: conversationRowKey(memberChat),
        card: {},
        summary: "test",
      },
      now,
    });
    const record = await store.deliveries.find({ tenantId: demoTenantId, key });
    if (!record) throw new Error("expected the delivery record");
    await store.deliveries.markUnreachable({ record, reason: "MessageWritesBlocked", now });

    const champion = await api.get(apiPaths.digestUnreachable(ownCommunityId), {
      as: "demo-champion",
    });
    const member = await api.get(apiPaths.digestUnreachable(ownCommunityId), {
      as: "demo-member",
    });

    expect(unreachableResponseSchema.parse(champion.body).recipients).toEqual([
      expect.objectContaining({ kind: "personal", displayName: "Ben Member" }),
    ]);
    expect(member.status).toBe(403);
  });
});

describe("sending the members' digest now as a champion", () => {
  it("queues exactly the card the preview shows, once per week, for the community's channel", async () => {
    const channel = ownTeamId;
    await store.conversationReferences.save({
      tenantId: demoTenantId,
      conversationId: channel,
      kind: "channel",
      teamId: channel,
      channelId: channel,
      // Nothing listens here: the send is retried in the background and never reaches Teams.
      serviceUrl: "http://127.0.0.1:9/",
      reference: JSON.stringify({ conversation: { id: channel } }),
      updatedAt: now.toISOString(),
    });
    const previewed = await preview(
      "demo-champion",
      `?audience=members&communityId=${ownCommunityId}`,
    );

    const first = await api.post(apiPaths.digestSend(ownCommunityId), { as: "demo-champion" });
    const again = await api.post(apiPaths.digestSend(ownCommunityId), { as: "demo-champion" });

    const sent = digestSendResponseSchema.parse(first.body);
    expect(first.status).toBe(202);
    expect(sent.key).toBe(`digest-channel:${demoTenantId}:${ownCommunityId}:2026-W48`);
    expect(digestSendResponseSchema.parse(again.body).key).toBe(sent.key);
    const record = await store.deliveries.find({ tenantId: demoTenantId, key: sent.key });
    expect(record?.delivery.card).toEqual(previewed.card);
    expect(record?.delivery.conversationKey).toBe(conversationRowKey(channel));
  });

  it("remembers the channel's picks under the channel, not under the champion who pressed send", async () => {
    const channelState = await store.digests.stateOf({
      tenantId: demoTenantId,
      userId: channelDigestStateKey(ownCommunityId),
    });
    const championState = await store.digests.stateOf({
      tenantId: demoTenantId,
      userId: "demo-champion",
    });

    expect(channelState.sentPicks.map((pick) => pick.week)).toContain("2026-W48");
    expect(championState.sentPicks).toEqual([]);
  });
});
