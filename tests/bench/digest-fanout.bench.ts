/**
 * Benchmark (issue 5 §7): a weekly digest fanned out to 2,000 recipients through the real queue
 * (Azurite), the real worker, limiter and botbuilder sender, against the connector stand-in that
 * enforces Teams' limits. Prints messages a second against the allowed rate, limit violations,
 * lost and duplicated messages; once without faults and once with 5% injected 5xx answers.
 * Target (DESIGN.md): at least 96% of the allowed rate, zero violations, lost and duplicated.
 */
import { performance } from "node:perf_hooks";
import type { Delivery, DueWorkSource } from "../../bot/src/jobs";
import { createProactiveSender } from "../../bot/src/teams/proactiveSender";
import { startStandInProcess } from "./standInProcess";
import {
  startJobsHarness,
  testTenantId,
  type JobsHarness,
  type TestConversation,
} from "../jobs/support/jobsHarness";

/** BENCH_RECIPIENTS shrinks the run while working on the backbone; the target is 2,000. */
const recipients = Number(process.env.BENCH_RECIPIENTS ?? 2_000);
/** Channel posts share these conversations (a member version of the digest in each channel). */
const sharedConversations = 10;
const postsPerSharedConversation = 5;
const appRatePerSecond = 50;

/** A digest-sized card (a few KB), unique per recipient. */
function digestCard(recipient: number): object {
  return {
    type: "AdaptiveCard",
    version: "1.5",
    body: [
      { type: "TextBlock", text: `Your week in Product Management (recipient ${recipient})` },
      ...Array.from({ length: 12 }, (_, index) => ({
        type: "TextBlock",
        wrap: true,
        text: `Item ${index + 1}: a ritual, a curated pick or an open retro action worth a look.`,
      })),
    ],
  };
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(work));
  }
}

interface Scenario {
  name: string;
  failureRate: number;
}

interface Figures {
  scenario: string;
  messages: number;
  seconds: number;
  perSecond: number;
  ofAllowed: number;
  violations: number;
  lost: number;
  duplicated: number;
  injectedFailures: number;
  enqueueSeconds: number;
  /** Time from handing a card to the sender to its answer (the limiter counts a slot until then). */
  meanSendMs: number;
  p99SendMs: number;
}

async function run(scenario: Scenario): Promise<Figures> {
  // Teams runs apart from the bot: so does the stand-in here, with its own clock and event loop.
  const standIn = await startStandInProcess({
    appRatePerSecond,
    failureRate: scenario.failureRate,
    seed: 20_261_121,
  });
  const harness: JobsHarness = await startJobsHarness({
    serviceUrl: standIn.serviceUrl,
    config: {
      JOBS_APP_RATE_PER_SECOND: String(appRatePerSecond),
      JOBS_VISIBILITY_SECONDS: "60",
      JOBS_LEASE_SECONDS: "90",
      LOG_LEVEL: "warn",
    },
  });
  try {
    const personal = recipients - sharedConversations * postsPerSharedConversation;
    const targets: TestConversation[] = [];
    const conversationsToMake = [
      ...Array.from({ length: personal }, () => "personal" as const),
      ...Array.from({ length: sharedConversations }, () => "channel" as const),
    ];
    await inBatches(conversationsToMake, 32, async (kind) => {
      targets.push(await harness.conversation(kind));
    });
    process.stderr.write(`${scenario.name}: ${targets.length} conversations stored\n`);
    const personalTargets = targets.filter((target) => target.conversationId.startsWith("a:"));
    const channelTargets = targets.filter((target) => !target.conversationId.startsWith("a:"));
    const deliveries: Delivery[] = [];
    for (let index = 0; index < recipients; index += 1) {
      // Channel posts are spread through the run, as a real fan-out would interleave them.
      const target =
        index % (recipients / (sharedConversations * postsPerSharedConversation)) === 0
          ? channelTargets[Math.floor(index / 40) % sharedConversations]
          : personalTargets.pop();
      if (!target) throw new Error("ran out of conversations");
      deliveries.push({
        key: `digest:${testTenantId}:recipient-${index}:2026-W47`,
        tenantId: testTenantId,
        conversationKey: target.conversationKey,
        card: digestCard(index),
        summary: `Your weekly digest (${index})`,
      });
    }
    const source: DueWorkSource = {
      name: "bench-digest",
      async due() {
        return deliveries;
      },
    };
    const real = createProactiveSender({ config: harness.config, logger: harness.logger });
    const sendMs: number[] = [];
    const jobs = harness.jobs({
      sources: [source],
      sender: {
        async send(props) {
          const started = performance.now();
          const outcome = await real.send(props);
          sendMs.push(performance.now() - started);
          return outcome;
        },
      },
    });

    const setupDone = performance.now();
    await jobs.tick();
    const enqueueSeconds = (performance.now() - setupDone) / 1_000;
    const progress = setInterval(() => {
      void standIn.stats().then((stats) => {
        const elapsed = ((performance.now() - setupDone) / 1_000).toFixed(0);
        process.stderr.write(
          `${scenario.name}: ${stats.received.length}/${recipients} delivered after ${elapsed} s\n`,
        );
      });
    }, 10_000);
    try {
      await jobs.drain();
    } finally {
      clearInterval(progress);
    }
    await jobs.stop();

    const stats = await standIn.stats();
    const received = stats.received;
    const first = received[0]?.at ?? 0;
    const last = received[received.length - 1]?.at ?? 0;
    const seconds = (last - first) / 1_000;
    // n messages at the allowed rate need (n - 1) / rate seconds from the first to the last.
    const perSecond = received.length > 1 ? (received.length - 1) / seconds : 0;
    const distinct = new Set(received.map((message) => message.summary)).size;
    return {
      scenario: scenario.name,
      messages: received.length,
      seconds: Number(seconds.toFixed(2)),
      perSecond: Number(perSecond.toFixed(2)),
      ofAllowed: Number(((perSecond / appRatePerSecond) * 100).toFixed(1)),
      violations: stats.violations,
      lost: recipients - distinct,
      duplicated: stats.duplicates,
      injectedFailures: stats.injectedFailures,
      enqueueSeconds: Number(enqueueSeconds.toFixed(2)),
      meanSendMs: Number(
        (sendMs.reduce((a, b) => a + b, 0) / Math.max(1, sendMs.length)).toFixed(1),
      ),
      p99SendMs: Number(
        ([...sendMs].sort((a, b) => a - b)[Math.floor(sendMs.length * 0.99)] ?? 0).toFixed(1),
      ),
    };
  } finally {
    await harness.stop();
    await standIn.stop();
  }
}

describe("digest fan-out to 2,000 recipients", () => {
  const results: Figures[] = [];

  afterAll(() => {
    console.log(`Allowed rate: ${appRatePerSecond} messages a second per app.`);
    console.table(results);
  });

  it.each([
    { name: "no faults", failureRate: 0 },
    { name: "5% injected 5xx", failureRate: 0.05 },
  ])("reaches 96% of the allowed rate with nothing lost or doubled ($name)", async (scenario) => {
    const figures = await run(scenario);
    results.push(figures);

    expect(figures.violations).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
    expect(figures.ofAllowed).toBeGreaterThanOrEqual(96);
  });
});
