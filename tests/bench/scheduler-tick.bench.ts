/**
 * Benchmark (issue 17 §2): one scheduler tick's due work at 10 and at 100 communities of one
 * tenant, each running the starter rhythm with a linked channel, against Azurite. It runs the
 * sources the service wires (digests, ritual reminders, the community sweep) for one 30-second
 * window, as the leader does every tick, and counts storage round trips with the store's
 * counter. Prints trips and milliseconds (median of 5 ticks) and trips per community.
 * Target: trips grow by at most 2 a community (its rituals and its channel; conversations are
 * read once per tenant) and a tick at 100 communities stays well under the 30 s between ticks.
 */
import { performance } from "node:perf_hooks";
import {
  defaultReminderOffsets,
  ritualTemplate,
  starterRhythm,
  type Volunteer,
} from "@practice-hub/shared";
import { loadConfig } from "../../bot/src/config";
import { createCommunitySweepSource } from "../../bot/src/jobs/communitySweep";
import { createDigestSource } from "../../bot/src/jobs/digests";
import { createReminderSource } from "../../bot/src/jobs/reminders";
import type { DueWorkSource } from "../../bot/src/jobs";
import { startAzurite, type Azurite } from "../../bot/src/local/azurite";
import { createLogger } from "../../bot/src/logger";
import { createStore, type Store } from "../../bot/src/store";
import { median, printTable } from "./figures";

const tenantId = "00000000-0000-4000-8000-00000000b17a";
const tickMs = 30_000;
const ticks = 5;
const volunteers: Volunteer[] = ["one", "two", "three", "four"].map((name) => ({
  id: `bench-volunteer-${name}`,
  displayName: `Volunteer ${name}`,
  awayDates: [],
}));

/** A community of the tenant with the starter rhythm, a linked channel and an index entry. */
async function seedCommunity(store: Store, index: number, now: Date): Promise<void> {
  const communityId = `bench-community-${index}`;
  const createdAt = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  const from = createdAt.slice(0, 10);
  await store.rituals.indexCommunity({ tenantId, communityId });
  await store.rituals.createRituals({
    tenantId,
    communityId,
    rituals: starterRhythm({ from, weekday: "WE", time: "12:00", timeZone: "Europe/London" }).map(
      ({ templateId, schedule }) => {
        const template = ritualTemplate(templateId);
        return {
          ritualId: `${templateId}${index}`,
          fields: {
            name: template.name,
            purpose: template.purpose,
            agenda: template.agenda,
            templateId,
            segment: null,
            schedule,
            reminderOffsetsMinutes: [...defaultReminderOffsets],
          },
          volunteers,
          lastServed: {},
          recentSessions: [],
          communityCreatedAt: createdAt,
          createdAt,
          sequence: 0,
        };
      },
    ),
  });
  await store.channelLinks.link({
    tenantId,
    communityId,
    conversationId: `19:bench-channel-${index}@thread.tacv2`,
    teamId: `19:bench-team-${index}@thread.tacv2`,
    linkedAt: createdAt,
    linkedBy: "bench",
  });
}

/** The volunteers' personal chats with the bot, so facilitator cards have somewhere to go. */
async function seedChats(store: Store, now: Date): Promise<void> {
  for (const volunteer of volunteers) {
    const conversationId = `a:bench-${volunteer.id}`;
    await store.conversationReferences.save({
      tenantId,
      conversationId,
      kind: "personal",
      aadObjectId: volunteer.id,
      serviceUrl: "http://127.0.0.1:9/",
      reference: JSON.stringify({ conversation: { id: conversationId } }),
      updatedAt: now.toISOString(),
    });
  }
}

type TickFigures = {
  communities: number;
  trips: number;
  ms: number;
  tripsPerCommunity: number;
  deliveries: number;
};

describe("scheduler tick", () => {
  let azurite: Azurite;
  let store: Store;
  let trips = 0;

  beforeAll(async () => {
    azurite = await startAzurite();
    store = createStore(azurite.connectionString, { onRoundTrip: () => (trips += 1) });
    await store.ensureTables();
  });

  afterAll(async () => {
    await azurite?.stop();
  });

  it("reads a constant number of rows per community, a few communities at once", async () => {
    const config = loadConfig({
      NODE_ENV: "test",
      AUTH_MODE: "local",
      LOG_LEVEL: "silent",
      STORAGE_CONNECTION_STRING: azurite.connectionString,
    });
    const logger = createLogger(config);
    const sources: DueWorkSource[] = [
      createDigestSource({ store, config, logger }),
      createReminderSource({ store, tabUrl: "http://127.0.0.1/", logger }),
      createCommunitySweepSource({ store, logger }),
    ];
    const now = new Date();
    await seedChats(store, now);
    const results: TickFigures[] = [];
    let seeded = 0;
    for (const size of [10, 100]) {
      for (; seeded < size; seeded += 1) await seedCommunity(store, seeded, now);
      const runs: { trips: number; ms: number; deliveries: number }[] = [];
      for (let tick = 0; tick < ticks; tick += 1) {
        const window = { since: new Date(now.getTime() - tickMs), now };
        trips = 0;
        const started = performance.now();
        let deliveries = 0;
        for (const source of sources) deliveries += (await source.due(window)).length;
        runs.push({ trips, ms: performance.now() - started, deliveries });
      }
      const tickTrips = median(runs.map((run) => run.trips));
      results.push({
        communities: size,
        trips: tickTrips,
        ms: Math.round(median(runs.map((run) => run.ms))),
        tripsPerCommunity: Number((tickTrips / size).toFixed(2)),
        deliveries: runs[0]?.deliveries ?? 0,
      });
    }
    printTable(`Scheduler tick's due work (median of ${ticks} ticks)`, [...results]);
    const [small, large] = results;
    expect(small && large).toBeTruthy();
    if (!small || !large) return;
    // Per community: its rituals and its channel link, and nothing read per community twice.
    expect(
      (large.trips - small.trips) / (large.communities - small.communities),
    ).toBeLessThanOrEqual(2);
  });
});
