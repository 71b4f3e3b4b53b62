/** At most `limit` requests in any `windowMs`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/**
 * Teams' published limits per conversation ("per bot per thread"): 7 sends a second, 8 in two
 * seconds, 60 in thirty seconds and 1,800 an hour. Every one of them holds at once.
 */
export const teamsConversationLimits: readonly RateLimit[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** Teams' published limit per app per tenant is 50 requests a second; `perSecond` may lower it. */
export function teamsTenantLimits(perSecond = 50): RateLimit[] {
  return [{ limit: perSecond, windowMs: 1_000 }];
}

/** Where a send goes: the limits are counted per conversation and per tenant. */
export interface SendTarget {
  tenantId: string;
  conversationKey: string;
}

/** A reserved slot for one request; the first of `complete` and `cancel` counts, later calls do nothing. */
export interface Permit {
  /** The request got its answer: its slot stays counted for one window from now. */
  complete(): void;
  /** The request never counted against the limits (not sent, or refused before counting). */
  cancel(): void;
}

/**
 * Either a permit now, or how long to wait and which limit is full: the conversation's own, or the
 * app's limit in the conversation's tenant.
 */
export type Acquisition = { permit: Permit } | { waitMs: number; scope: "conversation" | "app" };

/** A sliding-window limiter for Teams' per-conversation and per-app-per-tenant limits (DESIGN.md). */
export interface RateLimiter {
  /** Reserves a slot in every limit of the tenant and of the conversation, or says how long to wait. */
  tryAcquire(target: SendTarget): Acquisition;
  /**
   * Holds every request to the conversation until `untilMs` on the limiter's clock: Teams answered
   * one with 429 and Retry-After, and would refuse the others too. A longer pause already set wins.
   */
  pause(target: SendTarget, untilMs: number): void;
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
/** Acquisitions between two sweeps of idle conversations and tenants. */
const sweepEvery = 1_000;

function bucketsFor(rules: readonly RateLimit[]): Bucket[] {
  return rules.map((rule) => ({ rule, slots: [] }));
}

/** Conversation keys are unique per tenant only, so the tenant is part of the map key. */
function conversationId(target: SendTarget): string {
  return `${target.tenantId}\n${target.conversationKey}`;
}

/**
 * Creates a limiter. A slot counts from the moment the request leaves until one window after its
 * answer arrives: the server saw the request somewhere in between, so however long the network
 * took, the server never sees more than `limit` requests in any of its own windows.
 */
export function createRateLimiter(props: {
  /** The app's limits in one tenant (Teams: `teamsTenantLimits()`). */
  perTenant: readonly RateLimit[];
  /** Each conversation's limits (Teams: `teamsConversationLimits`). */
  perConversation: readonly RateLimit[];
  /** Milliseconds on a monotonic clock. */
  clock: () => number;
}): RateLimiter {
  const tenants = new Map<string, Bucket[]>();
  const conversations = new Map<string, Bucket[]>();
  /** Conversations Teams throttled, with the end of their Retry-After. */
  const pausedUntil = new Map<string, number>();

  function prune(bucket: Bucket, now: number): void {
    // Slots are kept in the order they were taken, not the order they ended, so filter them all.
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

  function longestWait(buckets: Bucket[], now: number): number {
    return Math.max(0, ...buckets.map((bucket) => waitFor(bucket, now)));
  }

  function own(map: Map<string, Bucket[]>, key: string, rules: readonly RateLimit[]): Bucket[] {
    let buckets = map.get(key);
    if (!buckets) {
      buckets = bucketsFor(rules);
      map.set(key, buckets);
    }
    return buckets;
  }

  let acquisitions = 0;
  /** Forgets windows that are empty, so a large fan-out does not grow the maps. */
  function sweep(now: number): void {
    for (const map of [conversations, tenants]) {
      for (const [key, buckets] of map) {
        for (const bucket of buckets) prune(bucket, now);
        if (buckets.every((bucket) => bucket.slots.length === 0)) map.delete(key);
      }
    }
    for (const [key, until] of pausedUntil) if (until <= now) pausedUntil.delete(key);
  }

  return {
    tryAcquire(target) {
      const now = props.clock();
      acquisitions += 1;
      if (acquisitions % sweepEvery === 0) sweep(now);
      const id = conversationId(target);
      const paused = pausedUntil.get(id);
      if (paused !== undefined && paused > now) {
        return { waitMs: paused - now, scope: "conversation" };
      }
      const conversation = own(conversations, id, props.perConversation);
      const tenant = own(tenants, target.tenantId, props.perTenant);
      const buckets = [...tenant, ...conversation];
      for (const bucket of buckets) prune(bucket, now);
      const conversationWait = longestWait(conversation, now);
      if (conversationWait > 0) return { waitMs: conversationWait, scope: "conversation" };
      const tenantWait = longestWait(tenant, now);
      if (tenantWait > 0) return { waitMs: tenantWait, scope: "app" };

      const slot: Slot = { end: null };
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
    pause(target, untilMs) {
      const id = conversationId(target);
      pausedUntil.set(id, Math.max(untilMs, pausedUntil.get(id) ?? 0));
    },
  };
}
