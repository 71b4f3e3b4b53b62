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

function postTo(
  target: ConnectorStandIn,
  conversationId: string,
  text = "hello",
  extra: Record<string, unknown> = {},
) {
  return fetch(
    new URL(`v3/conversations/${encodeURIComponent(conversationId)}/activities`, target.serviceUrl),
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "message", summary: text, ...extra }),
    },
  );
}

function post(conversationId: string, text = "hello") {
  return postTo(standIn, conversationId, text);
}

/** A stand-in whose clock the test moves by hand; stopped by the test. */
async function clockedStandInFactory(appRatePerSecond = 50) {
  const clock = { now: 1_000_000 };
  const clocked = await startConnectorStandIn({ appRatePerSecond, clock: () => clock.now });
  return { clock, clocked };
}

/** Posts `count` messages to one conversation, one after another, and answers their statuses. */
async function postMany(
  target: ConnectorStandIn,
  conversationId: string,
  count: number,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) {
    statuses.push((await postTo(target, conversationId, `message ${index}`)).status);
  }
  return statuses;
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

  it("refuses a ninth message within two seconds to one conversation, though each second has room", async () => {
    const { clock, clocked } = await clockedStandInFactory();
    try {
      const first = await postMany(clocked, "a:two-seconds", 7);
      clock.now += 1_000;
      const second = await postMany(clocked, "a:two-seconds", 2);
      clock.now += 1_000;
      const third = await postTo(clocked, "a:two-seconds");

      expect(first.every((status) => status === 201)).toBe(true);
      expect(second).toEqual([201, 429]);
      expect(third.status).toBe(201);
      expect(clocked.violations).toBe(1);
    } finally {
      await clocked.stop();
    }
  });

  it("refuses a sixty-first message within thirty seconds to one conversation", async () => {
    const { clock, clocked } = await clockedStandInFactory();
    try {
      const accepted: number[] = [];
      // Four a second stays inside the 1- and 2-second limits: only the 30-second one binds.
      for (let second = 0; second < 15; second += 1) {
        accepted.push(...(await postMany(clocked, "a:thirty-seconds", 4)));
        clock.now += 1_000;
      }
      const refused = await postTo(clocked, "a:thirty-seconds");
      clock.now = 1_000_000 + 30_000;
      const later = await postTo(clocked, "a:thirty-seconds");

      expect(accepted.filter((status) => status === 201)).toHaveLength(60);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("15");
      expect(later.status).toBe(201);
    } finally {
      await clocked.stop();
    }
  });

  it("refuses an 1,801st message within an hour to one conversation", async () => {
    const { clock, clocked } = await clockedStandInFactory();
    try {
      const statuses: number[] = [];
      // Sixty every thirty seconds, spread over fifteen seconds: the shorter limits stay met.
      for (let burst = 0; burst < 30; burst += 1) {
        for (let second = 0; second < 15; second += 1) {
          statuses.push(...(await postMany(clocked, "a:hour", 4)));
          clock.now += 1_000;
        }
        clock.now += 15_000;
      }
      const refused = await postTo(clocked, "a:hour");
      clock.now = 1_000_000 + 3_600_000;
      const nextHour = await postTo(clocked, "a:hour");

      expect(statuses.filter((status) => status === 201)).toHaveLength(1_800);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(30);
      expect(nextHour.status).toBe(201);
    } finally {
      await clocked.stop();
    }
  });

  it("counts the per-app rate per tenant, so a busy tenant leaves another tenant's room", async () => {
    const { clocked } = await clockedStandInFactory(2);
    try {
      const tenantOf = (id: string) => ({ conversation: { tenantId: id } });
      const busy: number[] = [];
      for (let index = 0; index < 3; index += 1) {
        const response = await postTo(clocked, `a:busy-${index}`, "hi", tenantOf("tenant-a"));
        busy.push(response.status);
      }
      const other = await postTo(clocked, "a:quiet", "hi", {
        channelData: { tenant: { id: "tenant-b" } },
      });

      expect(busy).toEqual([201, 201, 429]);
      expect(other.status).toBe(201);
    } finally {
      await clocked.stop();
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
