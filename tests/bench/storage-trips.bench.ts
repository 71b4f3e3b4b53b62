/**
 * Benchmark (issue 17, "storage trips constant in size"): for every read route of a community,
 * the storage round trips of one request and the p99 latency under 10 concurrent clients, in a
 * community at seed size and in one ten times larger (members, retro history, entries, rituals,
 * joins and leaves). In the same run, the p99 of a raw storage point read under the same load:
 * the ratio p99 / (round trips x raw p99) is what DESIGN.md bounds (at most 3).
 */
import { performance } from "node:perf_hooks";
import { TableClient } from "@azure/data-tables";
import { apiPaths } from "@practice-hub/shared";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { tableNames } from "../../bot/src/store";
import { memberCommunityFactory } from "../support/factories";
import {
  entryFactory,
  retroFactory,
  storedEntriesFactory,
  storedRetroHeadersFactory,
} from "../support/retroFactories";
import {
  inBatches,
  ritualInputFactory,
  startCountingStack,
  storedJoins,
  type CountingStack,
} from "../support/storageTrips";

/** BENCH_SECONDS changes the run while working on it. */
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const concurrency = 10;
let counting: CountingStack;

afterAll(async () => {
  await counting?.stack.stop();
});

/** The 99th percentile of `samples` (milliseconds). */
function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

/** Runs `call` from `concurrency` clients for `seconds`; answers the latencies and failures. */
async function load(call: () => Promise<boolean>) {
  const latencies: number[] = [];
  let failed = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        if (!(await call())) failed += 1;
        latencies.push(performance.now() - start);
      }
    }),
  );
  return { p99: p99(latencies), requests: latencies.length, failed };
}

/** A community of `scale` times the seed's size: members, history, entries, rituals. */
async function communityOf(scale: number) {
  const communityId = (await memberCommunityFactory(counting.api)).id;
  const people = Array.from({ length: 50 * scale }, (_, index) => ({
    userId: `bench-${scale}-${index}`,
    displayName: `Bench Person ${index}`,
  }));
  await inBatches(people, 45, (batch) =>
    counting.store.memberships.changeCommunityMemberships({
      tenantId: demoTenantId,
      communityId,
      put: batch.map((p) => ({ ...p, roles: ["member"], leftTeamAt: null, expectedEtag: null })),
    }),
  );
  await storedJoins(counting.store, communityId, people.slice(0, 10 * scale));
  await storedRetroHeadersFactory(counting.store, communityId, 20 * scale, {
    tenantId: demoTenantId,
    before: new Date("2026-01-01T00:00:00Z"),
  });
  const retro = await retroFactory(counting.api, communityId);
  await entryFactory(counting.api, retro);
  await storedEntriesFactory(counting.store, retro, 10 * scale, demoTenantId);
  for (let index = 0; index < 3 * scale; index += 1) {
    await counting.api.post(apiPaths.rituals(communityId), {
      as: "demo-champion",
      body: ritualInputFactory(index),
    });
  }
  return { communityId, retroId: retro.id };
}

/** The read routes of a community, by name. */
function readRoutes({ communityId, retroId }: { communityId: string; retroId: string }) {
  return {
    communities: apiPaths.communities,
    canvas: apiPaths.canvas(communityId),
    canvasHistory: `${apiPaths.canvasHistory(communityId)}?section=purpose`,
    library: apiPaths.library(communityId),
    people: `${apiPaths.people(communityId)}?changes=omit`,
    peopleChanges: apiPaths.peopleChanges(communityId),
    retros: apiPaths.retros(communityId),
    retro: apiPaths.retro(communityId, retroId),
    rituals: apiPaths.rituals(communityId),
    occurrences: `${apiPaths.occurrences(communityId)}?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z`,
    digestSettings: apiPaths.digestSettings,
  };
}

it("prints round trips and p99 per read route at seed size and at 10x, against raw storage", async () => {
  counting = await startCountingStack();
  const table = TableClient.fromConnectionString(
    counting.stack.storageConnectionString,
    tableNames.communities,
    { allowInsecureConnection: true },
  );
  const raw = await load(async () => {
    await table.getEntity(demoTenantId, "nothing-here").catch(() => undefined);
    return true;
  });
  const sizes = { seed: await communityOf(1), "10x": await communityOf(10) };
  const rows: Record<string, string | number>[] = [];
  for (const [size, community] of Object.entries(sizes)) {
    for (const [route, path] of Object.entries(readRoutes(community))) {
      const { trips, status } = await counting.tripsOf(() =>
        counting.api.get(path, { as: "demo-champion" }),
      );
      const figures = await load(async () => {
        const response = await counting.api.get(path, { as: "demo-champion" });
        return response.status === 200;
      });
      rows.push({
        route,
        size,
        status,
        trips,
        requests: figures.requests,
        failed: figures.failed,
        p99Ms: Number(figures.p99.toFixed(1)),
        rawP99Ms: Number(raw.p99.toFixed(1)),
        p99OverRaw: Number((figures.p99 / raw.p99).toFixed(1)),
        p99OverTripsRaw: Number((figures.p99 / (Math.max(trips, 1) * raw.p99)).toFixed(1)),
      });
    }
  }
  console.table(rows);
  for (const row of rows) expect(row["status"]).toBe(200);
});
