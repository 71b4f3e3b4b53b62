import type { RitualInput } from "@practice-hub/shared";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore, type Store } from "../../bot/src/store";
import { apiClient, type ApiClient } from "./api";
import { startStack, type Stack } from "./stack";

/**
 * A stack whose storage round trips are counted, for the storageTrips*.test.ts files: each asks
 * a route at two sizes of data (grown through `store`, in batches, not through thousands of
 * HTTP calls) and compares the counts.
 */
export interface CountingStack {
  stack: Stack;
  api: ApiClient;
  /** The same storage as the service's, uncounted: for growing data. */
  store: Store;
  /** The storage round trips `request` made, with its status. */
  tripsOf(request: () => Promise<{ status: number }>): Promise<{ status: number; trips: number }>;
  /** The round trips of `request` in the small community, then in the large one. */
  atBothSizes(
    communities: Record<TripSize, string>,
    request: (communityId: string) => Promise<{ status: number }>,
  ): Promise<Record<TripSize, { status: number; trips: number }>>;
}

/** Starts a seeded stack with a round-trip counter. Call `stack.stop()` in afterAll. */
export async function startCountingStack(): Promise<CountingStack> {
  let trips = 0;
  const stack = await startStack({ onStorageRoundTrip: () => (trips += 1) });
  const tripsOf: CountingStack["tripsOf"] = async (request) => {
    trips = 0;
    const response = await request();
    return { status: response.status, trips };
  };
  return {
    stack,
    api: apiClient(stack),
    store: createStore(stack.storageConnectionString),
    tripsOf,
    async atBothSizes(communities, request) {
      return {
        small: await tripsOf(() => request(communities.small)),
        large: await tripsOf(() => request(communities.large)),
      };
    },
  };
}

/** A weekly Tuesday ritual named after `index`. */
export function ritualInputFactory(index: number): RitualInput {
  return {
    name: `Ritual ${index}`,
    schedule: {
      startDate: "2026-01-05",
      startTime: "10:00",
      durationMinutes: 30,
      timeZone: "Europe/London",
      recurrence: { kind: "weekly", interval: 1, weekday: "TU" },
      until: null,
    },
  };
}

/** Records a join from Teams for each person, a minute apart (newest first), in batches. */
export async function storedJoins(
  store: Store,
  communityId: string,
  people: readonly { userId: string; displayName: string }[],
): Promise<void> {
  await inBatches(people, 20, (batch) =>
    Promise.all(
      batch.map((person, index) =>
        store.membershipEvents.record({
          tenantId: demoTenantId,
          communityId,
          event: {
            person: { id: person.userId, displayName: person.displayName },
            change: "joined",
            source: "teams",
            at: new Date(Date.now() - index * 60_000).toISOString(),
          },
        }),
      ),
    ),
  );
}

/** Runs `write` for every item, `size` at a time concurrently. */
export async function inBatches<T>(
  items: readonly T[],
  size: number,
  write: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    batches.push(items.slice(start, start + size));
  }
  for (let start = 0; start < batches.length; start += 4) {
    await Promise.all(batches.slice(start, start + 4).map(write));
  }
}

/** The two sizes every storageTrips*.test.ts asks a route at, ten times apart. */
export type TripSize = "small" | "large";

/**
 * Records the round trips of named requests at both sizes: `counted` makes one request, checks
 * its status (throwing on another, so a broken step shows) and files its count under `name`.
 */
function tripRecorder(counting: CountingStack) {
  const trips: Record<string, Record<TripSize, number>> = {};
  return {
    trips,
    async counted<T>(
      name: string,
      size: TripSize,
      status: number,
      request: () => Promise<{ status: number; body: T }>,
    ): Promise<T> {
      let answer: { status: number; body: T } | undefined;
      const { trips: made } = await counting.tripsOf(async () => (answer = await request()));
      if (!answer || answer.status !== status) throw new Error(`${name}: ${answer?.status}`);
      (trips[name] ??= { small: 0, large: 0 })[size] = made;
      return answer.body;
    },
    /** Asserts `name` took the same round trips at both sizes, and at most `budget`. */
    expectConstant(name: string, budget: number) {
      const counts = trips[name];
      expect(counts?.small).toBeGreaterThan(0);
      expect(counts?.large).toBe(counts?.small);
      expect(counts?.large).toBeLessThanOrEqual(budget);
    },
  };
}

/** A counting stack that also records named requests at both sizes (`counted`). */
export type RecordingStack = CountingStack & ReturnType<typeof tripRecorder>;

/** Starts a seeded stack with a round-trip counter and a recorder. Call `stack.stop()` after. */
export async function startRecordingStack(): Promise<RecordingStack> {
  const counting = await startCountingStack();
  return { ...counting, ...tripRecorder(counting) };
}

/**
 * Starts a recording stack, hands it to `started` (the file keeps it), then runs `walk` (every
 * route of the file) at the small size and at the large.
 */
export async function walkBothSizes(
  started: (counting: RecordingStack) => void,
  walk: (size: TripSize) => Promise<void>,
): Promise<void> {
  started(await startRecordingStack());
  await walk("small");
  await walk("large");
}

/** Prints the recorded round trips (the figures of the before/after table) and stops the stack. */
export async function printAndStop(counting: RecordingStack | undefined): Promise<void> {
  console.log(JSON.stringify(counting?.trips));
  await counting?.stack.stop();
}
