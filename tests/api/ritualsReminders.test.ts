import "../support/longTimeout";
import { randomUUID } from "node:crypto";
import type { RitualFields } from "@practice-hub/shared";
import { SimulatedCrash, type FaultPoint } from "../../bot/src/jobs/faults";
import { createReminderSource } from "../../bot/src/jobs/reminders";
import type { DueWorkSource } from "../../bot/src/jobs/types";
import {
  queueNameFactory,
  startJobsHarness,
  testTenantId,
  type JobsHarness,
  type TestConversation,
} from "../jobs/support/jobsHarness";

// The reminder source is a function of its window: tests pass fixed windows on a made-up
// timeline (January 2030) instead of waiting for real time to pass.
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

function ritualFieldsFactory(overrides: Partial<RitualFields> = {}): RitualFields {
  return {
    name: "Office hours",
    purpose: "",
    agenda: "",
    templateId: "officeHours",
    segment: null,
    schedule: {
      startDate: "2030-01-07",
      startTime: "09:00",
      durationMinutes: 30,
      timeZone: "Europe/London",
      recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
      until: null,
    },
    reminderOffsetsMinutes: [24 * 60, 15],
    ...overrides,
  };
}

/** A community with one weekly ritual (Mondays 09:00 London), linked to a channel. */
async function communityWithRitual(): Promise<{
  communityId: string;
  ritualId: string;
  channel: TestConversation;
}> {
  const communityId = `reminders-${randomUUID().slice(0, 8)}`;
  const ritualId = randomUUID().replace(/-/g, "").slice(0, 12);
  const channel = await harness.conversation("channel");
  await harness.store.rituals.createRituals({
    tenantId: testTenantId,
    communityId,
    rituals: [
      {
        ritualId,
        fields: ritualFieldsFactory(),
        volunteers: [],
        lastServed: {},
        recentSessions: [],
        communityCreatedAt: "2029-01-01T00:00:00.000Z",
        createdAt: "2029-12-01T00:00:00.000Z",
        sequence: 0,
      },
    ],
  });
  await harness.store.rituals.indexCommunity({ tenantId: testTenantId, communityId });
  await harness.store.channelLinks.link({
    tenantId: testTenantId,
    communityId,
    conversationId: channel.conversationId,
    linkedAt: "2029-12-01T00:00:00.000Z",
    linkedBy: "test",
    teamId: null,
  });
  return { communityId, ritualId, channel };
}

const reminderSource = () =>
  createReminderSource({
    store: harness.store,
    tabUrl: "https://hub.example.com/",
    logger: harness.logger,
  });

const window = (since: string, now: string) => ({ since: new Date(since), now: new Date(now) });

function crashOnceAt(point: FaultPoint) {
  let crashed = false;
  return (at: FaultPoint) => {
    if (at === point && !crashed) {
      crashed = true;
      throw new SimulatedCrash(point);
    }
  };
}

/** The real reminder source, always asked for the same window (as after a restart). */
function fixedWindowSource(name: string, since: string, now: string): DueWorkSource {
  const source = reminderSource();
  return { name, due: () => source.due(window(since, now)) };
}

describe("ritual reminders", () => {
  it("are due 24 hours and 15 minutes before a session, in the community's channel", async () => {
    const { communityId, channel } = await communityWithRitual();
    const source = reminderSource();
    const dayBefore = (
      await source.due(window("2030-01-06T08:30:00Z", "2030-01-06T09:30:00Z"))
    ).filter((d) => d.key.includes(communityId));
    const quarterBefore = (
      await source.due(window("2030-01-07T08:40:00Z", "2030-01-07T08:50:00Z"))
    ).filter((d) => d.key.includes(communityId));

    expect(dayBefore.map((d) => d.key)).toEqual([expect.stringMatching(/:2030-01-07:1440$/)]);
    expect(quarterBefore.map((d) => d.key)).toEqual([expect.stringMatching(/:2030-01-07:15$/)]);
    expect(dayBefore[0]?.conversationKey).toBe(channel.conversationKey);
  });

  it("are not due for a cancelled session", async () => {
    const { communityId, ritualId } = await communityWithRitual();
    await harness.store.rituals.saveOccurrence({
      tenantId: testTenantId,
      communityId,
      write: {
        ritualId,
        originalDate: "2030-01-07",
        change: { movedTo: null, cancelledReason: "Holiday", facilitatorId: null },
        facilitatorName: null,
        attendance: null,
        swapRequest: null,
        sequence: 1,
        expectedEtag: null,
      },
    });
    const due = await reminderSource().due(window("2030-01-06T08:30:00Z", "2030-01-06T09:30:00Z"));
    expect(due.filter((d) => d.key.includes(communityId))).toEqual([]);
  });

  it.each([
    ["before the send", "beforeSend" as const],
    ["after the send was recorded", "afterRecord" as const],
  ])("are sent exactly once when the service dies %s and restarts", async (_name, point) => {
    const { channel } = await communityWithRitual();
    const queueName = queueNameFactory();
    const name = `reminders-${queueName}`;
    const since = "2030-01-06T08:30:00Z";
    const now = "2030-01-06T09:30:00Z";
    const crashing = harness.jobs({
      queueName,
      sources: [fixedWindowSource(name, since, now)],
      faults: crashOnceAt(point),
    });
    await crashing.tick();
    await crashing.drain().catch(() => undefined);
    await crashing.stop();

    const restarted = harness.jobs({ queueName, sources: [fixedWindowSource(name, since, now)] });
    await restarted.tick();
    await restarted.drain();

    expect(harness.standIn.deliveredTo(channel.conversationId)).toHaveLength(1);
  });

  it("are sent by one of two service instances only", async () => {
    const { channel } = await communityWithRitual();
    const queueName = queueNameFactory();
    const name = `reminders-${queueName}`;
    const since = "2030-01-07T08:40:00Z";
    const now = "2030-01-07T08:50:00Z";
    const first = harness.jobs({ queueName, sources: [fixedWindowSource(name, since, now)] });
    const second = harness.jobs({ queueName, sources: [fixedWindowSource(name, since, now)] });

    await Promise.all([first.tick(), second.tick()]);
    await Promise.all([first.tick(), second.tick()]);
    await Promise.all([
      first.drain().catch(() => undefined),
      second.drain().catch(() => undefined),
    ]);

    const delivered = harness.standIn.deliveredTo(channel.conversationId);
    expect(delivered).toHaveLength(1);
    expect(JSON.stringify(delivered[0]?.activity)).toContain("starts in 15 minutes");
  });
});
