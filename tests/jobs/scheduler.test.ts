import "../support/longTimeout";
import type { Delivery, DueWorkSource, ProactiveSender } from "../../bot/src/jobs";
import type { LeaseRepository } from "../../bot/src/store";
import { createProactiveSender } from "../../bot/src/teams/proactiveSender";
import {
  deliveryFactory,
  queueNameFactory,
  startJobsHarness,
  type JobsHarness,
  type TestConversation,
} from "./support/jobsHarness";
import { testClock } from "./support/testClock";

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

/** A source that hands out the given deliveries on its first call and records every window. */
function sourceFactory(name: string, deliveries: Delivery[]) {
  const windows: { since: Date; now: Date }[] = [];
  const source: DueWorkSource = {
    name,
    async due(window) {
      windows.push(window);
      return windows.length === 1 ? deliveries : [];
    },
  };
  return { source, windows };
}

/** Wraps the real sender to count the sends of one instance. */
function countingSender(): { sender: ProactiveSender; sends: () => number } {
  const real = createProactiveSender({ config: harness.config, logger: harness.logger });
  let sends = 0;
  return {
    sender: {
      ...(real.timeoutMs !== undefined ? { timeoutMs: real.timeoutMs } : {}),
      send(props) {
        sends += 1;
        return real.send(props);
      },
    },
    sends: () => sends,
  };
}

/** A promise with its resolve function, to let a test step in at a chosen moment. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/**
 * The shared lease storage with its calls in flight counted: `idle` resolves once none is left, so
 * a test clock moves on only after the renewal or tick it fired has reached storage and back.
 */
function trackedLeases(): { leases: LeaseRepository; idle: () => Promise<void> } {
  const real = harness.store.leases;
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(call: Promise<T>): Promise<T> => {
    inFlight.add(call);
    void call.catch(() => undefined).finally(() => inFlight.delete(call));
    return call;
  };
  return {
    leases: {
      acquire: (props) => track(real.acquire(props)),
      release: (props) => track(real.release(props)),
      lastTick: (props) => track(real.lastTick(props)),
      saveLastTick: (props) => track(real.saveLastTick(props)),
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      await new Promise((done) => setImmediate(done));
    },
  };
}

async function conversations(count: number): Promise<TestConversation[]> {
  const list: TestConversation[] = [];
  for (let index = 0; index < count; index += 1) list.push(await harness.conversation());
  return list;
}

describe("the scheduler", () => {
  it("runs what a source remembers about a delivery once it is queued, never when its key was done", async () => {
    const [conversation] = await conversations(1);
    if (!conversation) throw new Error("expected a conversation");
    const delivery = deliveryFactory(conversation);
    let remembered = 0;
    const source: DueWorkSource = {
      name: `on-queued-${queueNameFactory()}`,
      async due() {
        return [{ ...delivery, onQueued: async () => void (remembered += 1) }];
      },
    };
    const clock = testClock();
    const jobs = harness.jobs({ sources: [source], now: clock.now, timers: clock });

    await jobs.tick();
    await jobs.drain();
    await clock.advance(20);
    await jobs.tick();

    expect(remembered).toBe(1);
    expect(harness.standIn.deliveredTo(conversation.conversationId)).toHaveLength(1);
    await jobs.stop();
  });

  it("lets only one of two instances on one storage lead and send", async () => {
    const queueName = queueNameFactory();
    const targets = await conversations(12);
    const deliveries = targets.map((conversation) => deliveryFactory(conversation));
    const first = countingSender();
    const second = countingSender();
    const sourceOfFirst = sourceFactory(`two-instances-${queueName}`, deliveries);
    const sourceOfSecond = sourceFactory(`two-instances-${queueName}`, deliveries);
    const instanceA = harness.jobs({
      queueName,
      instanceId: "instance-a",
      sender: first.sender,
      sources: [sourceOfFirst.source],
    });
    const instanceB = harness.jobs({
      queueName,
      instanceId: "instance-b",
      sender: second.sender,
      sources: [sourceOfSecond.source],
    });

    await Promise.all([instanceA.tick(), instanceB.tick()]);
    await Promise.all([instanceA.tick(), instanceB.tick()]);
    const leader = sourceOfFirst.windows.length > 0 ? instanceA : instanceB;
    await leader.drain();

    expect([sourceOfFirst.windows.length, sourceOfSecond.windows.length].sort()).toEqual([0, 2]);
    expect([first.sends(), second.sends()].sort((a, b) => a - b)).toEqual([0, 12]);
    for (const conversation of targets) {
      expect(harness.standIn.deliveredTo(conversation.conversationId)).toHaveLength(1);
    }
    await expect((leader === instanceA ? instanceB : instanceA).drain()).rejects.toThrow(/leader/);
  });

  it("hands leadership over when the leader stops", async () => {
    const queueName = queueNameFactory();
    const name = `handover-${queueName}`;
    const old = sourceFactory(name, []);
    const next = sourceFactory(name, []);
    const leaving = harness.jobs({ queueName, sources: [old.source] });
    const taking = harness.jobs({ queueName, sources: [next.source] });

    await leaving.tick();
    await taking.tick();
    await leaving.stop();
    await taking.tick();

    expect(old.windows).toHaveLength(1);
    expect(next.windows).toHaveLength(1);
  });

  it("asks a source for contiguous windows across a restart, so none is skipped or repeated", async () => {
    const queueName = queueNameFactory();
    const name = `windows-${queueName}`;
    const beforeRestart = sourceFactory(name, []);
    const afterRestart = sourceFactory(name, []);
    const first = harness.jobs({ queueName, sources: [beforeRestart.source] });
    await first.tick();
    await first.tick();
    await first.stop();

    const restarted = harness.jobs({ queueName, sources: [afterRestart.source] });
    await restarted.tick();

    const windows = [...beforeRestart.windows, ...afterRestart.windows];
    expect(windows).toHaveLength(3);
    for (let index = 1; index < windows.length; index += 1) {
      expect(windows[index]?.since.toISOString()).toBe(windows[index - 1]?.now.toISOString());
    }
  });

  it("repeats a window whose work could not be queued, and sends its deliveries once", async () => {
    const queueName = queueNameFactory();
    const conversation = await harness.conversation();
    const delivery = deliveryFactory(conversation);
    const windows: { since: Date; now: Date }[] = [];
    let failing = true;
    const flaky: DueWorkSource = {
      name: `flaky-${queueName}`,
      async due(window) {
        windows.push(window);
        if (failing) {
          failing = false;
          throw new Error("storage hiccup while listing due work");
        }
        return [delivery];
      },
    };
    const jobs = harness.jobs({ queueName, sources: [flaky] });

    await jobs.tick();
    await jobs.tick();
    await jobs.tick();
    await jobs.drain();

    expect(windows[1]?.since.toISOString()).toBe(windows[0]?.since.toISOString());
    expect(harness.standIn.deliveredTo(conversation.conversationId)).toHaveLength(1);
  });

  it("keeps the lease through a tick longer than the lease, so no second instance asks for the same window", async () => {
    const queueName = queueNameFactory();
    const name = `slow-window-${queueName}`;
    const conversation = await harness.conversation();
    const deliveries = [deliveryFactory(conversation), deliveryFactory(conversation)];
    // The first window takes 5 s to list, more than twice the lease: 5 s of a clock moved by hand.
    const config = { JOBS_LEASE_SECONDS: 2, JOBS_TICK_SECONDS: 0.2 };
    const { leases, idle } = trackedLeases();
    const clock = testClock(idle);
    const store = { ...harness.store, leases };
    const windows: { instance: string; since: string; now: string }[] = [];
    const queuedBy: string[] = [];
    const threeWindows = signal();
    const sourceOf = (instance: string): DueWorkSource => ({
      name,
      async due(window) {
        windows.push({
          instance,
          since: window.since.toISOString(),
          now: window.now.toISOString(),
        });
        if (windows.length === 3) threeWindows.resolve();
        if (windows.length > 1) return [];
        await clock.sleep(5_000);
        return deliveries.map((delivery) => ({
          ...delivery,
          onQueued: async () => void queuedBy.push(instance),
        }));
      },
    });
    const clocked = { queueName, config, store, now: clock.now, timers: clock };
    const instanceA = harness.jobs({ ...clocked, sources: [sourceOf("a")] });
    const instanceB = harness.jobs({ ...clocked, sources: [sourceOf("b")] });

    instanceA.start();
    instanceB.start();
    let asked = false;
    void threeWindows.promise.then(() => (asked = true));
    while (!asked) await clock.advance(100);
    await Promise.all([instanceA.stop(), instanceB.stop()]);

    const leader = windows[0]?.instance;
    expect(windows.map((window) => window.instance)).toEqual(windows.map(() => leader));
    for (let index = 1; index < windows.length; index += 1) {
      expect(windows[index]?.since).toBe(windows[index - 1]?.now);
    }
    expect(queuedBy).toEqual([leader, leader]);
  });

  it("stops enqueuing a window once its leader has lost the lease, and leaves the new leader's progress alone", async () => {
    const queueName = queueNameFactory();
    const name = `lost-lease-${queueName}`;
    const config = { JOBS_LEASE_SECONDS: 1 };
    const clock = testClock();
    const conversation = await harness.conversation();
    const deliveries = [deliveryFactory(conversation), deliveryFactory(conversation)];
    // The old leader's renewals fail, as when storage stops answering that instance.
    let acquisitions = 0;
    const failingLeases: LeaseRepository = {
      ...harness.store.leases,
      async acquire(props) {
        acquisitions += 1;
        if (acquisitions > 1) throw new Error("storage did not answer the renewal");
        return harness.store.leases.acquire(props);
      },
    };
    const windows: { instance: string; since: string; now: string }[] = [];
    const queuedBy: string[] = [];
    const oldLeaderAsked = signal();
    const oldLeaderMayGoOn = signal();
    const sourceOf = (instance: string): DueWorkSource => ({
      name,
      async due(window) {
        windows.push({
          instance,
          since: window.since.toISOString(),
          now: window.now.toISOString(),
        });
        if (instance === "old") {
          oldLeaderAsked.resolve();
          await oldLeaderMayGoOn.promise;
        }
        if (windows.filter((asked) => asked.instance === instance).length > 1) return [];
        return deliveries.map((delivery) => ({
          ...delivery,
          onQueued: async () => void queuedBy.push(instance),
        }));
      },
    });
    const oldLeader = harness.jobs({
      queueName,
      config,
      store: { ...harness.store, leases: failingLeases },
      sources: [sourceOf("old")],
      now: clock.now,
      timers: clock,
    });
    const newLeader = harness.jobs({
      queueName,
      config,
      sources: [sourceOf("new")],
      now: clock.now,
      timers: clock,
    });

    const oldTick = oldLeader.tick();
    await oldLeaderAsked.promise;
    // The old leader's lease (1 s) runs out while its window is still being listed.
    await clock.advance(1_100);
    await newLeader.tick();
    oldLeaderMayGoOn.resolve();
    await oldTick;
    await clock.advance(100);
    await newLeader.tick();

    expect(windows.map((window) => window.instance)).toEqual(["old", "new", "new"]);
    const [oldWindow, newWindow, following] = windows;
    expect(newWindow?.since).toBe(oldWindow?.since);
    expect(following?.since).toBe(newWindow?.now);
    expect(queuedBy).toEqual(["new", "new"]);
  });
});
