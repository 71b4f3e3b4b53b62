/** At most `limit` requests in any `windowMs`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** A reserved slot for one request; the first of `complete` and `cancel` counts, later calls do nothing. */
export interface Permit {
  /** The request got its answer: its slot stays counted for one window from now. */
  complete(): void;
  /** The request never counted against the limits (not sent, or refused before counting). */
  cancel(): void;
}

/** Either a permit now, or how long to wait and which limit is full. */
export type Acquisition = { permit: Permit } | { waitMs: number; scope: "conversation" | "app" };

/** A sliding-window limiter for Teams' per-conversation and per-app limits (DESIGN.md). */
export interface RateLimiter {
  /** Reserves a slot in every limit of the app and of the conversation, or says how long to wait. */
  tryAcquire(conversationKey: string): Acquisition;
  /**
   * Holds every request to the conversation until `untilMs` on the limiter's clock: Teams answered
   * one with 429 and Retry-After, and would refuse the others too. A longer pause already set wins.
   */
  pause(conversationKey: string, untilMs: number): void;
}

interface Slot {
  /** When the request's answer arrived (ms); null while it is in flight. */
  end: number | null;
}

interface Bucket {
  rule: RateLimit;
  slots: Slot[];
}

/** How soon to look again when every slot of a full window is still in flight. */
const inFlightPollMs = 5;

/**
 * Creates a limiter. A slot counts from the moment the request leaves until one window after its
 * answer arrives: the server saw the request somewhere in between, so however long the network
 * took, the server never sees more than `limit` requests in any of its own windows.
 */
export function createRateLimiter(props: {
  perApp: RateLimit[];
  perConversation: RateLimit[];
  /** Milliseconds on a monotonic clock. */
  clock: () => number;
}): RateLimiter {
  const appBuckets: Bucket[] = props.perApp.map((rule) => ({ rule, slots: [] }));
  const conversations = new Map<string, Bucket[]>();
  /** Conversations Teams throttled, with the end of their Retry-After. */
  const pausedUntil = new Map<string, number>();

  function prune(bucket: Bucket, now: number): void {
    bucket.slots = bucket.slots.filter(
      (slot) => slot.end === null || slot.end + bucket.rule.windowMs > now,
    );
  }

  function waitFor(bucket: Bucket, now: number): number {
    if (bucket.slots.length < bucket.rule.limit) return 0;
    // The window frees up when enough finished slots age out: the (count - limit + 1)th oldest.
    const ends = bucket.slots
      .map((slot) => slot.end)
      .filter((end): end is number => end !== null)
      .sort((a, b) => a - b);
    const needed = bucket.slots.length - bucket.rule.limit;
    const end = ends[needed];
    return end === undefined ? inFlightPollMs : Math.max(1, end + bucket.rule.windowMs - now);
  }

  let acquisitions = 0;
  /** Forgets conversations whose windows are empty, so a large fan-out does not grow the map. */
  function sweep(now: number): void {
    for (const [key, buckets] of conversations) {
      for (const bucket of buckets) prune(bucket, now);
      if (buckets.every((bucket) => bucket.slots.length === 0)) conversations.delete(key);
    }
    for (const [key, until] of pausedUntil) if (until <= now) pausedUntil.delete(key);
  }

  return {
    tryAcquire(conversationKey) {
      const now = props.clock();
      acquisitions += 1;
      if (acquisitions % 1_000 === 0) sweep(now);
      const paused = pausedUntil.get(conversationKey);
      if (paused !== undefined && paused > now) {
        return { waitMs: paused - now, scope: "conversation" };
      }
      let own = conversations.get(conversationKey);
      if (!own) {
        own = props.perConversation.map((rule) => ({ rule, slots: [] }));
        conversations.set(conversationKey, own);
      }
      for (const bucket of [...appBuckets, ...own]) prune(bucket, now);
      const conversationWait = Math.max(0, ...own.map((bucket) => waitFor(bucket, now)));
      if (conversationWait > 0) return { waitMs: conversationWait, scope: "conversation" };
      const appWait = Math.max(0, ...appBuckets.map((bucket) => waitFor(bucket, now)));
      if (appWait > 0) return { waitMs: appWait, scope: "app" };

      const slot: Slot = { end: null };
      const buckets = [...appBuckets, ...own];
      for (const bucket of buckets) bucket.slots.push(slot);
      let settled = false;
      return {
        permit: {
          complete() {
            if (settled) return;
            settled = true;
            slot.end = props.clock();
          },
          cancel() {
            if (settled) return;
            settled = true;
            for (const bucket of buckets) bucket.slots = bucket.slots.filter((s) => s !== slot);
          },
        },
      };
    },
    pause(conversationKey, untilMs) {
      pausedUntil.set(conversationKey, Math.max(untilMs, pausedUntil.get(conversationKey) ?? 0));
    },
  };
}
