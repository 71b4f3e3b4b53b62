import "../support/longTimeout";
import { SimulatedCrash, type FaultPoint, type ProactiveSender } from "../../bot/src/jobs";
import { sleep } from "../../bot/src/jobs/sleep";
import {
  deliveryFactory,
  queueNameFactory,
  queueOf,
  startJobsHarness,
  testTenantId,
  type JobsHarness,
} from "./support/jobsHarness";

let harness: JobsHarness;

beforeAll(async () => {
  harness = await startJobsHarness();
});

afterEach(async () => {
  await harness.stopJobs();
});

afterAll(async () => {
  await harness?.stop();
});

/** A fault hook that crashes once at `point`. */
function crashOnceAt(point: FaultPoint) {
  let crashed = false;
  return (at: FaultPoint) => {
    if (at === point && !crashed) {
      crashed = true;
      throw new SimulatedCrash(point);
    }
  };
}

describe("proactive delivery through the queue", () => {
  it("sends a delivery once and records it as sent with the activity id Teams gave", async () => {
    const conversation = await harness.conversation();
    const jobs = harness.jobs();
    const delivery = deliveryFactory(conversation);

    await jobs.enqueueDelivery(delivery);
    await jobs.drain();

    const received = harness.standIn.deliveredTo(conversation.conversationId);
    expect(received).toHaveLength(1);
    expect(received[0]?.activity).toMatchObject({
      type: "message",
      summary: delivery.summary,
      attachments: [
        { contentType: "application/vnd.microsoft.card.adaptive", content: delivery.card },
      ],
    });
    const record = await jobs.findDelivery({ tenantId: testTenantId, key: delivery.key });
    expect(record).toMatchObject({ state: "sent", activityId: expect.stringMatching(/^stand-in/) });
    await jobs.stop();
  });

  it("sends a key once however often it is enqueued", async () => {
    const conversation = await harness.conversation();
    const jobs = harness.jobs();
    const delivery = deliveryFactory(conversation);

    await jobs.enqueueDelivery(delivery);
    await jobs.enqueueDelivery(delivery);
    await jobs.drain();
    const again = await jobs.enqueueDelivery(delivery);
    await jobs.drain();

    expect(again.status).toBe("alreadyDone");
    expect(harness.standIn.deliveredTo(conversation.conversationId)).toHaveLength(1);
    await jobs.stop();
  });

  it.each([
    ["before the send", "beforeSend" as const],
    ["after the send was recorded", "afterRecord" as const],
  ])("sends exactly once when the worker dies %s", async (_name, point) => {
    const conversation = await harness.conversation();
    const queueName = queueNameFactory();
    const crashing = harness.jobs({ queueName, faults: crashOnceAt(point) });
    const delivery = deliveryFactory(conversation);
    await crashing.enqueueDelivery(delivery);
    await crashing.drain().catch(() => undefined);
    await crashing.stop();

    const restarted = harness.jobs({ queueName });
    await restarted.drain();

    expect(harness.standIn.deliveredTo(conversation.conversationId)).toHaveLength(1);
    const record = await restarted.findDelivery({ tenantId: testTenantId, key: delivery.key });
    expect(record?.state).toBe("sent");
    await restarted.stop();
  });

  it("sends at most one duplicate when the worker dies after Teams accepted and before the record", async () => {
    const conversation = await harness.conversation();
    const queueName = queueNameFactory();
    const crashing = harness.jobs({ queueName, faults: crashOnceAt("afterSend") });
    const delivery = deliveryFactory(conversation);
    await crashing.enqueueDelivery(delivery);
    await crashing.drain().catch(() => undefined);
    await crashing.stop();

    const restarted = harness.jobs({ queueName });
    await restarted.drain();
    await restarted.enqueueDelivery(delivery);
    await restarted.drain();

    expect(harness.standIn.deliveredTo(conversation.conversationId)).toHaveLength(2);
    const record = await restarted.findDelivery({ tenantId: testTenantId, key: delivery.key });
    expect(record?.state).toBe("sent");
    await restarted.stop();
  });
});

describe("starting while storage is down", () => {
  it("creates the queue on a later call when storage did not answer the first", async () => {
    const conversation = await harness.conversation();
    const queueName = queueNameFactory();
    const real = queueOf(harness, queueName);
    let ensures = 0;
    const queue = {
      ...real,
      async ensure() {
        ensures += 1;
        if (ensures === 1) throw new Error("storage did not answer");
        await real.ensure();
      },
    };
    const jobs = harness.jobs({ queueName, queue });
    const delivery = deliveryFactory(conversation);

    await expect(jobs.enqueueDelivery(delivery)).rejects.toThrow(/did not answer/);
    await jobs.enqueueDelivery(delivery);
    await jobs.drain();

    expect(harness.standIn.deliveredTo(conversation.conversationId)).toHaveLength(1);
    await jobs.stop();
  });
});

describe("answers from Teams", () => {
  it("waits at least the Retry-After of a 429 before sending again", async () => {
    const conversation = await harness.conversation();
    harness.standIn.failNext(conversation.conversationId, { status: 429, retryAfterSeconds: 1 });
    const jobs = harness.jobs();
    const delivery = deliveryFactory(conversation);

    const before = harness.standIn.requests;
    await jobs.enqueueDelivery(delivery);
    await jobs.drain();

    const received = harness.standIn.deliveredTo(conversation.conversationId);
    expect(received).toHaveLength(1);
    expect(harness.standIn.requests - before).toBe(2);
    expect(harness.standIn.refusedAt(conversation.conversationId)).toHaveLength(1);
    const refused = harness.standIn.refusedAt(conversation.conversationId)[0] ?? Infinity;
    expect((received[0]?.at ?? 0) - refused).toBeGreaterThanOrEqual(1_000);
    await jobs.stop();
  });

  it("keeps retrying through more 429s with Retry-After than the attempt cap, and delivers", async () => {
    const conversation = await harness.conversation();
    // More throttled answers in a row than maxSendAttempts (8) allows refusals.
    harness.standIn.failNext(conversation.conversationId, {
      status: 429,
      count: 10,
      retryAfterSeconds: 0.1,
    });
    const jobs = harness.jobs();
    const delivery = deliveryFactory(conversation);

    await jobs.enqueueDelivery(delivery);
    await jobs.drain();

    expect(harness.standIn.refusedAt(conversation.conversationId)).toHaveLength(10);
    expect(harness.standIn.deliveredTo(conversation.conversationId)).toHaveLength(1);
    const record = await jobs.findDelivery({ tenantId: testTenantId, key: delivery.key });
    expect(record?.state).toBe("sent");
    await jobs.stop();
  });

  it("marks a delivery failed, saying why, when Teams still throttles it a day after it was queued", async () => {
    const conversation = await harness.conversation();
    const delivery = deliveryFactory(conversation);
    await harness.store.deliveries.create({
      delivery,
      now: new Date(Date.now() - 25 * 60 * 60 * 1_000),
    });
    harness.standIn.failNext(conversation.conversationId, { status: 429, retryAfterSeconds: 1 });
    const jobs = harness.jobs();

    await jobs.enqueueDelivery(delivery);
    await jobs.drain();

    const record = await jobs.findDelivery({ tenantId: testTenantId, key: delivery.key });
    expect(record).toMatchObject({
      state: "failed",
      reason: expect.stringMatching(/throttled it \(429\) 24 hours after it was queued/),
    });
    expect(harness.standIn.deliveredTo(conversation.conversationId)).toHaveLength(0);
    await jobs.stop();
  });

  it("holds the other deliveries to a throttled conversation until its Retry-After has passed", async () => {
    const conversation = await harness.conversation();
    harness.standIn.throttle(conversation.conversationId, 2);
    const jobs = harness.jobs();
    const first = deliveryFactory(conversation);
    const later = [deliveryFactory(conversation), deliveryFactory(conversation)];

    await jobs.enqueueDelivery(first);
    const draining = jobs.drain();
    await harness.standIn.firstRefusal(conversation.conversationId);
    for (const delivery of later) await jobs.enqueueDelivery(delivery);
    await draining;

    const refused = harness.standIn.refusedAt(conversation.conversationId);
    expect(refused).toHaveLength(1);
    const received = harness.standIn.deliveredTo(conversation.conversationId);
    expect(received).toHaveLength(3);
    for (const message of received) {
      expect(message.at - (refused[0] ?? Infinity)).toBeGreaterThanOrEqual(2_000);
    }
    await jobs.stop();
  });

  it("retries 502, 503 and 504 answers until the message is delivered", async () => {
    const conversation = await harness.conversation();
    harness.standIn.failNext(conversation.conversationId, { status: 503, count: 3 });
    const jobs = harness.jobs();
    const delivery = deliveryFactory(conversation);

    await jobs.enqueueDelivery(delivery);
    await jobs.drain();

    expect(harness.standIn.deliveredTo(conversation.conversationId)).toHaveLength(1);
    expect(harness.standIn.refusedAt(conversation.conversationId)).toHaveLength(3);
    await jobs.stop();
  });

  it("marks a recipient who blocked the bot unreachable, never retries, and lists it for champions", async () => {
    const conversation = await harness.conversation();
    harness.standIn.block(conversation.conversationId);
    const jobs = harness.jobs();
    const delivery = deliveryFactory(conversation);

    const before = harness.standIn.requests;
    await jobs.enqueueDelivery(delivery);
    await jobs.drain();

    expect(harness.standIn.requests - before).toBe(1);
    const record = await jobs.findDelivery({ tenantId: testTenantId, key: delivery.key });
    expect(record).toMatchObject({ state: "unreachable", reason: "MessageWritesBlocked" });
    const unreachable = await jobs.listUnreachable(testTenantId);
    expect(unreachable).toContainEqual(
      expect.objectContaining({
        conversationKey: conversation.conversationKey,
        reason: "MessageWritesBlocked",
      }),
    );
    await jobs.stop();
  });

  it("stops listing a conversation as unreachable once a later send to it goes through", async () => {
    const conversation = await harness.conversation();
    const earlier = new Date(Date.now() - 60_000);
    const refused = deliveryFactory(conversation);
    await harness.store.deliveries.create({ delivery: refused, now: earlier });
    const record = await harness.store.deliveries.find({
      tenantId: testTenantId,
      key: refused.key,
    });
    if (!record) throw new Error("expected the delivery record");
    await harness.store.deliveries.markUnreachable({
      record,
      reason: "MessageWritesBlocked",
      now: earlier,
    });
    const jobs = harness.jobs();
    const listed = async () =>
      (await jobs.listUnreachable(testTenantId)).map((entry) => entry.conversationKey);
    expect(await listed()).toContain(conversation.conversationKey);

    await jobs.enqueueDelivery(deliveryFactory(conversation));
    await jobs.drain();

    expect(harness.standIn.deliveredTo(conversation.conversationId)).toHaveLength(1);
    expect(await listed()).not.toContain(conversation.conversationKey);
    await jobs.stop();
  });

  it("never starts a send that could outlast the worker's claim on the delivery", async () => {
    const conversation = await harness.conversation();
    const delivery = deliveryFactory(conversation);
    // The harness's claim lasts 2 s; a send may take 1.5 s, and this one's first answer is slow.
    const timeoutMs = 1_500;
    const claimLeftAtSend: number[] = [];
    const sender: ProactiveSender = {
      timeoutMs,
      async send() {
        const record = await harness.store.deliveries.find({
          tenantId: testTenantId,
          key: delivery.key,
        });
        claimLeftAtSend.push(Date.parse(record?.claimedUntil ?? "") - Date.now());
        await sleep(500);
        return claimLeftAtSend.length === 1
          ? { kind: "retry", status: 503, retryAfterMs: 100, reason: "busy" }
          : { kind: "sent" };
      },
    };
    const jobs = harness.jobs({ sender });

    await jobs.enqueueDelivery(delivery);
    await jobs.drain();

    expect(claimLeftAtSend).toHaveLength(2);
    expect(claimLeftAtSend.filter((left) => left < timeoutMs)).toEqual([]);
    expect((await jobs.findDelivery({ tenantId: testTenantId, key: delivery.key }))?.state).toBe(
      "sent",
    );
    await jobs.stop();
  });

  it("stops waiting for a retry when the backbone stops, and leaves the retry to the queue", async () => {
    const conversation = await harness.conversation();
    const delivery = deliveryFactory(conversation);
    let sends = 0;
    let firstSend: () => void = () => undefined;
    const sent = new Promise<void>((done) => (firstSend = done));
    const sender: ProactiveSender = {
      async send() {
        sends += 1;
        firstSend();
        // Short enough to be waited out in process within the 60 s claim below.
        return sends === 1
          ? { kind: "retry", status: 503, retryAfterMs: 20_000, reason: "busy" }
          : { kind: "sent" };
      },
    };
    const jobs = harness.jobs({ sender, config: { JOBS_VISIBILITY_SECONDS: 60 } });

    await jobs.enqueueDelivery(delivery);
    jobs.start();
    await sent;
    await jobs.stop();

    expect(sends).toBe(1);
    const record = await harness.store.deliveries.find({
      tenantId: testTenantId,
      key: delivery.key,
    });
    expect(record).toMatchObject({ state: "pending", attempts: 1 });
    expect(Date.parse(record?.claimedUntil ?? "")).toBeGreaterThan(Date.now());
  });

  it("marks a delivery failed without retrying when Teams refuses it for good", async () => {
    const conversation = await harness.conversation();
    harness.standIn.failNext(conversation.conversationId, { status: 400 });
    const jobs = harness.jobs();
    const delivery = deliveryFactory(conversation);

    await jobs.enqueueDelivery(delivery);
    await jobs.drain();

    const record = await jobs.findDelivery({ tenantId: testTenantId, key: delivery.key });
    expect(record?.state).toBe("failed");
    expect(harness.standIn.deliveredTo(conversation.conversationId)).toHaveLength(0);
    await jobs.stop();
  });
});
