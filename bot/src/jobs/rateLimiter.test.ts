import { createRateLimiter, type Acquisition, type Permit } from "./rateLimiter";

/** A limiter on a hand-driven clock with Teams' per-conversation limits and a small app limit. */
function limiterFactory(appLimit = 50) {
  let now = 0;
  const limiter = createRateLimiter({
    perApp: [{ limit: appLimit, windowMs: 1_000 }],
    perConversation: [
      { limit: 7, windowMs: 1_000 },
      { limit: 60, windowMs: 30_000 },
    ],
    clock: () => now,
  });
  return {
    limiter,
    advance(ms: number) {
      now += ms;
    },
  };
}

function permitOf(acquisition: Acquisition): Permit {
  if (!("permit" in acquisition)) throw new Error(`expected a permit, got a wait`);
  return acquisition.permit;
}

describe("createRateLimiter", () => {
  it("allows seven messages a second to one conversation and makes the eighth wait", () => {
    const { limiter } = limiterFactory();
    for (let index = 0; index < 7; index += 1) permitOf(limiter.tryAcquire("c1")).complete();

    expect(limiter.tryAcquire("c1")).toEqual({ waitMs: 1_000, scope: "conversation" });
    expect("permit" in limiter.tryAcquire("c2")).toBe(true);
  });

  it("counts a slot from its answer, so a slow request holds its window longer", () => {
    const { limiter, advance } = limiterFactory(1);
    const slow = permitOf(limiter.tryAcquire("c1"));
    advance(300);
    slow.complete();
    advance(800);

    expect(limiter.tryAcquire("c2")).toEqual({ waitMs: 200, scope: "app" });
    advance(200);
    expect("permit" in limiter.tryAcquire("c2")).toBe(true);
  });

  it("allows no more than sixty messages in thirty seconds to one conversation", () => {
    const { limiter, advance } = limiterFactory();
    let sent = 0;
    for (let second = 0; second < 30; second += 1) {
      for (;;) {
        const acquisition = limiter.tryAcquire("busy");
        if (!("permit" in acquisition)) break;
        acquisition.permit.complete();
        sent += 1;
      }
      advance(1_000);
    }

    expect(sent).toBe(60);
  });

  it("frees the slot of a request that Teams did not count", () => {
    const { limiter } = limiterFactory(1);
    permitOf(limiter.tryAcquire("c1")).cancel();

    expect("permit" in limiter.tryAcquire("c1")).toBe(true);
  });

  it("keeps the app limit across conversations", () => {
    const { limiter } = limiterFactory(3);
    for (const conversation of ["a", "b", "c"]) {
      permitOf(limiter.tryAcquire(conversation)).complete();
    }

    expect(limiter.tryAcquire("d")).toMatchObject({ scope: "app" });
  });

  it("holds a conversation Teams throttled until its pause ends, and leaves the others free", () => {
    const { limiter, advance } = limiterFactory();
    limiter.pause("throttled", 2_000);

    expect(limiter.tryAcquire("throttled")).toEqual({ waitMs: 2_000, scope: "conversation" });
    expect("permit" in limiter.tryAcquire("other")).toBe(true);
    advance(1_500);
    expect(limiter.tryAcquire("throttled")).toEqual({ waitMs: 500, scope: "conversation" });
    advance(500);
    expect("permit" in limiter.tryAcquire("throttled")).toBe(true);
  });

  it("keeps the longer of two pauses of one conversation", () => {
    const { limiter } = limiterFactory();
    limiter.pause("throttled", 3_000);
    limiter.pause("throttled", 1_000);

    expect(limiter.tryAcquire("throttled")).toEqual({ waitMs: 3_000, scope: "conversation" });
  });

  it("keeps a pause while it forgets conversations with empty windows", () => {
    const { limiter, advance } = limiterFactory(5_000);
    limiter.pause("throttled", 10_000);
    // Every thousandth acquisition sweeps the conversations whose windows are empty.
    for (let index = 0; index < 1_000; index += 1) {
      permitOf(limiter.tryAcquire(`quiet-${index}`)).cancel();
    }
    advance(5_000);

    expect(limiter.tryAcquire("throttled")).toEqual({ waitMs: 5_000, scope: "conversation" });
  });
});
