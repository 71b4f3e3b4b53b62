import { startConnectorStandIn, type ConnectorStandIn } from "../support/connectorStandIn";

let standIn: ConnectorStandIn;

beforeAll(async () => {
  // A frozen clock: every request falls in the same second, however slow the machine is.
  standIn = await startConnectorStandIn({ appRatePerSecond: 50, clock: () => 1_000 });
});

afterAll(async () => {
  await standIn?.stop();
});

let sequence = 0;

function conversationIdFactory(): string {
  sequence += 1;
  return `a:stand-in-test-${sequence}`;
}

function post(conversationId: string, text = "hello") {
  return fetch(
    new URL(
      `v3/conversations/${encodeURIComponent(conversationId)}/activities`,
      standIn.serviceUrl,
    ),
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "message", summary: text }),
    },
  );
}

describe("the connector stand-in", () => {
  it("refuses an eighth message within a second to one conversation with 429 and Retry-After", async () => {
    const conversationId = conversationIdFactory();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 8; index += 1) {
      const response = await post(conversationId, `message ${index}`);
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }

    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201, 429]);
    expect(retryAfter).toBe("1");
  });

  it("refuses a message over the per-app rate across conversations", async () => {
    const small = await startConnectorStandIn({ appRatePerSecond: 2, clock: () => 1_000 });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 3; index += 1) {
        const url = new URL(`v3/conversations/a%3Aapp-${index}/activities`, small.serviceUrl);
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ type: "message", summary: `message ${index}` }),
        });
        statuses.push(response.status);
      }

      expect(statuses).toEqual([201, 201, 429]);
      expect(small.violations).toBe(1);
    } finally {
      await small.stop();
    }
  });

  it("answers 403 MessageWritesBlocked for a blocked conversation and can inject a 503", async () => {
    const blocked = conversationIdFactory();
    const flaky = conversationIdFactory();
    standIn.block(blocked);
    standIn.failNext(flaky, { status: 503 });

    const refused = await post(blocked);
    const failed = await post(flaky);
    const accepted = await post(flaky);

    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "MessageWritesBlocked" } });
    expect(failed.status).toBe(503);
    expect(accepted.status).toBe(201);
  });

  it("counts a message accepted twice for one conversation as a duplicate", async () => {
    const conversationId = conversationIdFactory();
    const before = standIn.duplicates();

    await post(conversationId, "same");
    await post(conversationId, "same");

    expect(standIn.duplicates() - before).toBe(1);
  });

  it("keeps refusing a throttled conversation with 429 until the Retry-After it gave has passed", async () => {
    let now = 10_000;
    const clocked = await startConnectorStandIn({ clock: () => now });
    try {
      clocked.throttle("a:throttled", 2);
      const send = () =>
        fetch(new URL("v3/conversations/a%3Athrottled/activities", clocked.serviceUrl), {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ type: "message", summary: `at ${now}` }),
        });

      const first = await send();
      now += 1_500;
      const second = await send();
      now += 500;
      const third = await send();

      expect([first.status, second.status, third.status]).toEqual([429, 429, 201]);
      expect(first.headers.get("retry-after")).toBe("2.000");
      expect(second.headers.get("retry-after")).toBe("0.500");
      expect(clocked.refusedAt("a:throttled")).toEqual([10_000, 11_500]);
    } finally {
      await clocked.stop();
    }
  });
});
