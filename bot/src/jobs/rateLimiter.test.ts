import {
  createRateLimiter,
  teamsConversationLimits,
  teamsTenantLimits,
  type Acquisition,
  type Permit,
  type RateLimiter,
  type SendTarget,
} from "./rateLimiter";

const tenant = "tenant-a";

/** A limiter on a hand-driven clock with Teams' published limits (a smaller tenant limit on request). */
function limiterFactory(tenantLimit = 50) {
  let now = 0;
  const limiter = createRateLimiter({
    perTenant: teamsTenantLimits(tenantLimit),
    perConversation: teamsConversationLimits,
    clock: () => now,
  });
  return {
    limiter,
    advance(ms: number) {
      now += ms;
    },
  };
}

function to(conversationKey: string, tenantId = tenant): SendTarget {
  return { tenantId, conversationKey };
}

function permitOf(acquisition: Acquisition): Permit {
  if (!("permit" in acquisition)) throw new Error(`expected a permit, got a wait`);
  return acquisition.permit;
}

/** Sends (acquires and completes) to one conversation until the limiter says wait. */
function sendUntilRefused(limiter: RateLimiter, target: SendTarget): number {
  let sent = 0;
  for (;;) {
    const acquisition = limiter.tryAcquire(target);
    if (!("permit" in acquisition)) return sent;
    acquisition.permit.complete();
    sent += 1;
  }
}

/**
 * Sends to one conversation as fast as the limiter allows for `ms`, looking every `stepMs`, and
 * answers every instant a send went out.
 */
function sendFor(
  props: ReturnType<typeof limiterFactory> & { target: SendTarget; ms: number; stepMs: number },
): number[] {
  const sentAt: number[] = [];
  for (let at = 0; at < props.ms; at += props.stepMs) {
    for (let count = sendUntilRefused(props.limiter, props.target); count > 0; count -= 1) {
      sentAt.push(at);
    }
    props.advance(props.stepMs);
  }
  return sentAt;
}

/** The most sends in any window of `windowMs` (a window ends just before `start + windowMs`). */
function busiestWindow(sentAt: number[], windowMs: number): number {
  let most = 0;
  for (const start of sentAt) {
    most = Math.max(most, sentAt.filter((at) => at >= start && at < start + windowMs).length);
  }
  return most;
}

describe("createRateLimiter", () => {
  it("allows seven messages a second to one conversation and makes the eighth wait", () => {
    const { limiter } = limiterFactory();

    expect(sendUntilRefused(limiter, to("c1"))).toBe(7);
    expect(limiter.tryAcquire(to("c1"))).toEqual({ waitMs: 1_000, scope: "conversation" });
    expect("permit" in limiter.tryAcquire(to("c2"))).toBe(true);
  });

  it("allows no more than eight messages in two seconds to one conversation", () => {
    const { limiter, advance } = limiterFactory();
    expect(sendUntilRefused(limiter, to("c1"))).toBe(7);
    advance(1_000);

    // A new second, but seven of the last two seconds' eight are used: one more, then a wait.
    expect(sendUntilRefused(limiter, to("c1"))).toBe(1);
    expect(limiter.tryAcquire(to("c1"))).toEqual({ waitMs: 1_000, scope: "conversation" });
    advance(1_000);
    expect(sendUntilRefused(limiter, to("c1"))).toBe(7);
  });

  it("keeps every two-second window of a steady stream at eight messages or fewer", () => {
    const clocked = limiterFactory();

    const sentAt = sendFor({ ...clocked, target: to("steady"), ms: 20_000, stepMs: 50 });

    expect(busiestWindow(sentAt, 2_000)).toBe(8);
    expect(busiestWindow(sentAt, 1_000)).toBeLessThanOrEqual(7);
  });

  it("allows no more than sixty messages in thirty seconds to one conversation", () => {
    const clocked = limiterFactory();

    const sentAt = sendFor({ ...clocked, target: to("busy"), ms: 29_900, stepMs: 100 });

    expect(sentAt).toHaveLength(60);
    // The first messages went out at 0: room comes back when they are thirty seconds old.
    expect(clocked.limiter.tryAcquire(to("busy"))).toEqual({
      waitMs: 100,
      scope: "conversation",
    });
  });

  it("allows no more than 1,800 messages in an hour to one conversation", () => {
    const clocked = limiterFactory();

    // 60 every 30 seconds would be 7,200 an hour: the hourly limit stops it at 1,800.
    const sentAt = sendFor({ ...clocked, target: to("chatty"), ms: 3_599_000, stepMs: 1_000 });

    expect(sentAt).toHaveLength(1_800);
    expect(busiestWindow(sentAt, 30_000)).toBe(60);
    // The hour's first messages went out at 0: the next one may leave when they are an hour old.
    expect(clocked.limiter.tryAcquire(to("chatty"))).toEqual({
      waitMs: 1_000,
      scope: "conversation",
    });
    clocked.advance(1_000);
    expect("permit" in clocked.limiter.tryAcquire(to("chatty"))).toBe(true);
  });

  it("allows fifty messages a second per tenant across its conversations", () => {
    const { limiter } = limiterFactory();
    for (let index = 0; index < 50; index += 1) {
      permitOf(limiter.tryAcquire(to(`c${index}`))).complete();
    }

    expect(limiter.tryAcquire(to("c50"))).toEqual({ waitMs: 1_000, scope: "app" });
  });

  it("counts the app's limit per tenant, so one tenant's fan-out leaves another's room", () => {
    const { limiter } = limiterFactory(3);
    for (const conversation of ["a", "b", "c"]) {
      permitOf(limiter.tryAcquire(to(conversation))).complete();
    }

    expect(limiter.tryAcquire(to("d"))).toMatchObject({ scope: "app" });
    expect("permit" in limiter.tryAcquire(to("d", "tenant-b"))).toBe(true);
  });

  it("keeps conversations of two tenants apart even when their keys are equal", () => {
    const { limiter } = limiterFactory();
    expect(sendUntilRefused(limiter, to("same", "tenant-a"))).toBe(7);

    expect(sendUntilRefused(limiter, to("same", "tenant-b"))).toBe(7);
  });

  it("counts a slot from its answer, so a slow request holds its window longer", () => {
    const { limiter, advance } = limiterFactory(1);
    const slow = permitOf(limiter.tryAcquire(to("c1")));
    advance(300);
    slow.complete();
    advance(800);

    expect(limiter.tryAcquire(to("c2"))).toEqual({ waitMs: 200, scope: "app" });
    advance(200);
    expect("permit" in limiter.tryAcquire(to("c2"))).toBe(true);
  });

  it("frees the slot of a request that Teams did not count", () => {
    const { limiter } = limiterFactory(1);
    permitOf(limiter.tryAcquire(to("c1"))).cancel();

    expect("permit" in limiter.tryAcquire(to("c1"))).toBe(true);
  });

  it("holds a conversation Teams throttled until its pause ends, and leaves the others free", () => {
    const { limiter, advance } = limiterFactory();
    limiter.pause(to("throttled"), 2_000);

    expect(limiter.tryAcquire(to("throttled"))).toEqual({ waitMs: 2_000, scope: "conversation" });
    expect("permit" in limiter.tryAcquire(to("other"))).toBe(true);
    advance(1_500);
    expect(limiter.tryAcquire(to("throttled"))).toEqual({ waitMs: 500, scope: "conversation" });
    advance(500);
    expect("permit" in limiter.tryAcquire(to("throttled"))).toBe(true);
  });

  it("keeps the longer of two pauses of one conversation", () => {
    const { limiter } = limiterFactory();
    limiter.pause(to("throttled"), 3_000);
    limiter.pause(to("throttled"), 1_000);

    expect(limiter.tryAcquire(to("throttled"))).toEqual({ waitMs: 3_000, scope: "conversation" });
  });

  it("keeps a pause while it forgets conversations with empty windows", () => {
    const { limiter, advance } = limiterFactory(5_000);
    limiter.pause(to("throttled"), 10_000);
    // Every thousandth acquisition sweeps the conversations whose windows are empty.
    for (let index = 0; index < 1_000; index += 1) {
      permitOf(limiter.tryAcquire(to(`quiet-${index}`))).cancel();
    }
    advance(5_000);

    expect(limiter.tryAcquire(to("throttled"))).toEqual({ waitMs: 5_000, scope: "conversation" });
  });
});
