import { apiPaths, digestSendResponseSchema, type DigestSendResponse } from "@practice-hub/shared";
import { createJobs, type Jobs } from "../../bot/src/jobs";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createLogger } from "../../bot/src/logger";
import { createStore, type Store } from "../../bot/src/store";
import { createProactiveSender } from "../../bot/src/teams/proactiveSender";
import { apiClient, type ApiClient } from "../support/api";
import { startConnectorStandIn, type ConnectorStandIn } from "../support/connectorStandIn";
import { communityFactory } from "../support/factories";
import { startStack, type Stack } from "../support/stack";

/** Monday 23 November 2026: every send of this file is for ISO week 2026-W48. */
const now = new Date("2026-11-23T10:00:00.000Z");

let stack: Stack;
let api: ApiClient;
let store: Store;
let standIn: ConnectorStandIn;
let jobs: Jobs;
let channels = 0;

beforeAll(async () => {
  // The service queues; this file's own worker sends, when a test drains the queue, to the
  // connector stand-in. So every state can be looked at before and after the send.
  stack = await startStack({ now: () => now, extraConfig: { JOBS_ENABLED: false } });
  api = apiClient(stack);
  store = createStore(stack.storageConnectionString);
  standIn = await startConnectorStandIn();
  const logger = createLogger(stack.config);
  // A message whose claim another worker took comes back after the visibility timeout: short
  // here, so draining the queue does not wait a minute for it.
  const config = { ...stack.config, JOBS_VISIBILITY_SECONDS: 2 };
  jobs = createJobs({
    config,
    store,
    logger,
    sender: createProactiveSender({ config, logger }),
    sources: [],
    now: () => now,
  });
});

afterAll(async () => {
  await jobs?.stop();
  await standIn?.stop();
  await stack?.stop();
});

/** A new community of the demo champion, at home in a channel that points at the stand-in. */
async function communityInChannel(): Promise<{ communityId: string; channelId: string }> {
  channels += 1;
  const channelId = `19:digest-send-${channels}@thread.tacv2`;
  const community = await communityFactory(api);
  await store.conversationReferences.save({
    tenantId: demoTenantId,
    conversationId: channelId,
    kind: "channel",
    teamId: channelId,
    channelId,
    serviceUrl: standIn.serviceUrl,
    reference: JSON.stringify({
      channelId: "msteams",
      serviceUrl: standIn.serviceUrl,
      bot: { id: "28:practice-hub-bot", name: "Practice Hub" },
      conversation: { id: channelId, conversationType: "channel", tenantId: demoTenantId },
    }),
    updatedAt: now.toISOString(),
  });
  const linked = await api.put(apiPaths.communityChannel(community.id), {
    as: "demo-champion",
    body: { channelId, teamId: channelId },
  });
  expect(linked.status).toBe(200);
  return { communityId: community.id, channelId };
}

async function sendNow(communityId: string): Promise<{ status: number; body: DigestSendResponse }> {
  const response = await api.post(apiPaths.digestSend(communityId), { as: "demo-champion" });
  return { status: response.status, body: digestSendResponseSchema.parse(response.body) };
}

async function stateOf(communityId: string): Promise<DigestSendResponse> {
  const response = await api.get(apiPaths.digestSend(communityId), { as: "demo-champion" });
  expect(response.status).toBe(200);
  return digestSendResponseSchema.parse(response.body);
}

describe("this week's members' digest", () => {
  it("is not sent until a champion sends it, and only champions may look", async () => {
    const { communityId } = await communityInChannel();

    const state = await stateOf(communityId);
    const member = await api.get(apiPaths.digestSend(communityId), { as: "demo-member" });

    expect(state).toEqual({
      status: "notSent",
      key: `digest-channel:${demoTenantId}:${communityId}:2026-W48`,
      week: "2026-W48",
    });
    expect(member.status).toBe(403);
  });

  it("is on its way once queued, and pressing again while it is queued sends nothing more", async () => {
    const { communityId, channelId } = await communityInChannel();

    const first = await sendNow(communityId);
    const again = await sendNow(communityId);
    const queued = await stateOf(communityId);
    await jobs.drain();

    expect([first.status, first.body.status]).toEqual([202, "queued"]);
    expect([again.status, again.body.status]).toEqual([202, "queued"]);
    expect(queued.status).toBe("queued");
    expect(standIn.deliveredTo(channelId)).toHaveLength(1);
  });

  it("is sent once, and answers 'sent' without sending when pressed again that week", async () => {
    const { communityId, channelId } = await communityInChannel();
    await sendNow(communityId);
    await jobs.drain();

    const sent = await stateOf(communityId);
    const again = await sendNow(communityId);
    await jobs.drain();

    expect(sent).toMatchObject({ status: "sent", updatedAt: now.toISOString() });
    expect(sent.reason).toBeUndefined();
    expect([again.status, again.body.status]).toEqual([200, "sent"]);
    expect(standIn.deliveredTo(channelId)).toHaveLength(1);
  });

  it("is told apart from a sent one when Teams refused it, and can be queued again and sent", async () => {
    const { communityId, channelId } = await communityInChannel();
    standIn.failNext(channelId, { status: 400 });
    await sendNow(communityId);
    await jobs.drain();

    const failed = await stateOf(communityId);
    const retried = await sendNow(communityId);
    const queuedAgain = await stateOf(communityId);
    await jobs.drain();

    expect(failed.status).toBe("failed");
    expect(failed.reason).toMatch(/^400/);
    expect([retried.status, retried.body.status]).toEqual([202, "queued"]);
    expect(queuedAgain.status).toBe("queued");
    expect((await stateOf(communityId)).status).toBe("sent");
    expect(standIn.deliveredTo(channelId)).toHaveLength(1);
  });

  it("is sent once when two champions press try again at the same moment", async () => {
    const { communityId, channelId } = await communityInChannel();
    standIn.failNext(channelId, { status: 400 });
    await sendNow(communityId);
    await jobs.drain();

    const retries = await Promise.all([sendNow(communityId), sendNow(communityId)]);
    await jobs.drain();
    const afterwards = await sendNow(communityId);
    await jobs.drain();

    expect(retries.map((r) => r.body.status)).toEqual(["queued", "queued"]);
    expect(afterwards.body.status).toBe("sent");
    expect(standIn.deliveredTo(channelId)).toHaveLength(1);
  });

  it("says the channel is unreachable when Teams refuses it, and can be queued again", async () => {
    const { communityId, channelId } = await communityInChannel();
    standIn.block(channelId);
    await sendNow(communityId);
    await jobs.drain();

    const unreachable = await stateOf(communityId);
    const retried = await sendNow(communityId);

    expect(unreachable).toMatchObject({ status: "unreachable", reason: "MessageWritesBlocked" });
    expect([retried.status, retried.body.status]).toEqual([202, "queued"]);
    await jobs.drain();
    expect((await stateOf(communityId)).status).toBe("unreachable");
    expect(standIn.deliveredTo(channelId)).toHaveLength(0);
  });
});
