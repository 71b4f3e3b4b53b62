import "../support/longTimeout";
import type { Delivery, DueWorkSource, ProactiveSender } from "../../bot/src/jobs";
import { sleep } from "../../bot/src/jobs/sleep";
import { createProactiveSender } from "../../bot/src/teams/proactiveSender";
import {
  deliveryFactory,
  queueNameFactory,
  startJobsHarness,
  type JobsHarness,
  type TestConversation,
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
    const jobs = harness.jobs({ sources: [source] });

    await jobs.tick();
    await jobs.drain();
    await sleep(20);
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
});
