/**
 * TEST STAND-IN for the Bot Connector service (never used in production). It serves Bot
 * Connector's send-to-conversation endpoint, POST /v3/conversations/{id}/activities, and enforces
 * Teams' published limits for bots: per conversation 7 messages a second, 8 in 2 seconds, 60 in
 * 30 seconds and 1,800 an hour, and (by default) 50 a second per app per tenant, answering 429
 * with Retry-After when a request breaks one. It can inject 5xx answers and 403
 * MessageWritesBlocked, and it counts deliveries, limit violations and duplicates so tests and the
 * benchmark can check the sender.
 *
 * Counting rules: an accepted message (201) and a 403 count against the limits; a request the
 * stand-in refuses with an injected 5xx or a 429 does not (Teams did not take it). Teams knows
 * each conversation's tenant; the stand-in reads it from the activity (`conversation.tenantId` or
 * `channelData.tenant.id`, where Teams activities carry it) and counts activities that name none
 * as one tenant.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";

/** One accepted message. */
export interface ReceivedMessage {
  conversationId: string;
  /** The activity as posted. */
  activity: {
    type?: string;
    summary?: string;
    attachments?: { contentType?: string; content?: unknown }[];
    conversation?: { tenantId?: string };
    channelData?: { tenant?: { id?: string } };
  };
  /** performance.now() when it arrived. */
  at: number;
}

/** Options of the stand-in. */
export interface ConnectorStandInOptions {
  /** Per-app limit per second in one tenant (Teams: 50). */
  appRatePerSecond?: number;
  /** Share of requests answered with a random 502/503/504 (0 to 1). */
  failureRate?: number;
  /** The random source for injected failures; seeded in tests for repeatable runs. */
  random?: () => number;
  /**
   * Serves GET /stand-in/stats with its counts and received messages, for a stand-in run in its
   * own process (tests/bench/standInMain.ts).
   */
  statsRoute?: boolean;
  /** Milliseconds on a monotonic clock; tests freeze it to check the limits without timing. */
  clock?: () => number;
}

/** What GET /stand-in/stats answers. */
export interface StandInStats {
  received: { conversationId: string; summary: string; at: number }[];
  violations: number;
  requests: number;
  injectedFailures: number;
  duplicates: number;
}

/** A running stand-in. */
export interface ConnectorStandIn {
  /** The serviceUrl to store in conversation references. */
  serviceUrl: string;
  received: ReceivedMessage[];
  /** Requests refused with 429 because they broke a limit. */
  violations: number;
  /** Every request, whatever the answer. */
  requests: number;
  /** Injected 5xx answers given. */
  injectedFailures: number;
  /** Accepted messages whose conversation and content had been accepted before. */
  duplicates(): number;
  /** Messages accepted for a conversation. */
  deliveredTo(conversationId: string): ReceivedMessage[];
  /** When (performance.now()) requests to a conversation were refused with 429 or 5xx. */
  refusedAt(conversationId: string): number[];
  /** Resolves once a request to the conversation has been refused (at once if one was). */
  firstRefusal(conversationId: string): Promise<void>;
  /** Answers the next `count` requests to this conversation with `status` (e.g. 503 or 429). */
  failNext(
    conversationId: string,
    props: { status: number; count?: number; retryAfterSeconds?: number },
  ): void;
  /**
   * Answers the next request to this conversation with 429 and a Retry-After of `seconds`, and
   * every later one with 429 too until that Retry-After has passed, as Teams does.
   */
  throttle(conversationId: string, seconds: number): void;
  /** Answers every request to this conversation with 403 MessageWritesBlocked. */
  block(conversationId: string): void;
  /** Forgets what it received (limits keep their windows). */
  reset(): void;
  stop(): Promise<void>;
}

interface InjectedFailure {
  status: number;
  remaining: number;
  retryAfterSeconds?: number;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** A limit as Teams publishes it: at most `limit` messages in any `windowMs`. */
interface Window {
  limit: number;
  windowMs: number;
}

/** Teams' published limits per conversation ("per bot per thread"). */
export const conversationWindows: readonly Window[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** The longest window: times older than this never count again. */
const longestWindowMs = 3_600_000;

/** The tenant bucket of activities that name no tenant. */
const unnamedTenant = "(no tenant in the activity)";

/**
 * How long until `times` (ascending) has room for one more in `window`, or 0 when it has room now.
 * A time counts while it is within the window before `now` (`time > now - windowMs`).
 */
function waitForRoom(times: number[], window: Window, now: number): number {
  let inWindow = 0;
  let index = times.length - 1;
  for (; index >= 0 && (times[index] ?? 0) > now - window.windowMs; index -= 1) inWindow += 1;
  if (inWindow < window.limit) return 0;
  // Room comes back when the oldest counted time that keeps the window full leaves it.
  const oldestThatMatters = times[index + 1 + inWindow - window.limit] ?? now;
  return oldestThatMatters + window.windowMs - now;
}

/** Drops times older than the longest window, so a long run does not grow the lists. */
function forgetOld(times: number[], now: number): void {
  const firstKept = times.findIndex((time) => time > now - longestWindowMs);
  if (firstKept > 0) times.splice(0, firstKept);
  else if (firstKept < 0) times.length = 0;
}

/** Starts the stand-in on a free port of 127.0.0.1. */
export async function startConnectorStandIn(
  options: ConnectorStandInOptions = {},
): Promise<ConnectorStandIn> {
  const appRate = options.appRatePerSecond ?? 50;
  const random = options.random ?? Math.random;
  const clock = options.clock ?? (() => performance.now());
  const appWindow: Window = { limit: appRate, windowMs: 1_000 };
  const tenantTimes = new Map<string, number[]>();
  const conversationTimes = new Map<string, number[]>();
  const injected = new Map<string, InjectedFailure>();
  const blocked = new Set<string>();
  /** Throttled conversations: the Retry-After given, and when it ends once the first 429 went out. */
  const throttled = new Map<string, { seconds: number; until: number | null }>();
  const seen = new Map<string, number>();
  const refused = new Map<string, number[]>();

  const waitingForRefusal = new Map<string, (() => void)[]>();

  function noteRefusal(conversationId: string, at: number): void {
    refused.set(conversationId, [...(refused.get(conversationId) ?? []), at]);
    for (const wake of waitingForRefusal.get(conversationId) ?? []) wake();
    waitingForRefusal.delete(conversationId);
  }
  let nextId = 1;

  const state = {
    received: [] as ReceivedMessage[],
    violations: 0,
    requests: 0,
    injectedFailures: 0,
  };

  function answer(res: ServerResponse, status: number, body: object, headers = {}): void {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  }

  function timesOf(map: Map<string, number[]>, key: string): number[] {
    let times = map.get(key);
    if (!times) {
      times = [];
      map.set(key, times);
    }
    return times;
  }

  /** How long until the request would break no limit: 0 when it may be accepted now. */
  function waitBeforeAccepting(conversationId: string, tenantId: string, now: number): number {
    const own = timesOf(conversationTimes, conversationId);
    const tenant = timesOf(tenantTimes, tenantId);
    forgetOld(own, now);
    forgetOld(tenant, now);
    return Math.max(
      waitForRoom(tenant, appWindow, now),
      ...conversationWindows.map((window) => waitForRoom(own, window, now)),
    );
  }

  function count(conversationId: string, tenantId: string, now: number): void {
    timesOf(tenantTimes, tenantId).push(now);
    timesOf(conversationTimes, conversationId).push(now);
  }

  function duplicates(): number {
    let count = 0;
    for (const times of seen.values()) count += times - 1;
    return count;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (options.statsRoute && req.method === "GET" && req.url === "/stand-in/stats") {
      const stats: StandInStats = {
        received: state.received.map((message) => ({
          conversationId: message.conversationId,
          summary: message.activity.summary ?? "",
          at: message.at,
        })),
        violations: state.violations,
        requests: state.requests,
        injectedFailures: state.injectedFailures,
        duplicates: duplicates(),
      };
      answer(res, 200, stats);
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities\/?$/.exec(
      (req.url ?? "").split("?")[0] ?? "",
    );
    const body = await readBody(req);
    if (req.method !== "POST" || !match?.[1]) {
      answer(res, 404, { error: { code: "NotFound", message: "not served by the stand-in" } });
      return;
    }
    const conversationId = decodeURIComponent(match[1]);
    const now = clock();
    state.requests += 1;

    const throttle = throttled.get(conversationId);
    if (throttle && (throttle.until === null || now < throttle.until)) {
      throttle.until ??= now + throttle.seconds * 1_000;
      state.injectedFailures += 1;
      noteRefusal(conversationId, now);
      const retryAfter = ((throttle.until - now) / 1_000).toFixed(3);
      answer(
        res,
        429,
        { error: { code: "TooManyRequests", message: "throttled" } },
        { "retry-after": retryAfter },
      );
      return;
    }
    const failure = injected.get(conversationId);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      state.injectedFailures += 1;
      noteRefusal(conversationId, now);
      const headers =
        failure.retryAfterSeconds !== undefined
          ? { "retry-after": String(failure.retryAfterSeconds) }
          : {};
      answer(res, failure.status, { error: { code: "Injected", message: "injected" } }, headers);
      return;
    }
    if (options.failureRate && random() < options.failureRate) {
      state.injectedFailures += 1;
      noteRefusal(conversationId, now);
      const statuses = [502, 503, 504];
      const status = statuses[Math.floor(random() * statuses.length)] ?? 503;
      answer(res, status, { error: { code: "ServiceUnavailable", message: "injected" } });
      return;
    }
    const activity = JSON.parse(body) as ReceivedMessage["activity"];
    const tenantId =
      activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? unnamedTenant;
    const waitMs = waitBeforeAccepting(conversationId, tenantId, now);
    if (waitMs > 0) {
      state.violations += 1;
      noteRefusal(conversationId, now);
      answer(
        res,
        429,
        { error: { code: "TooManyRequests", message: "Too many requests" } },
        // Whole seconds, as HTTP writes Retry-After; rounded up so a retry then is accepted.
        { "retry-after": String(Math.ceil(waitMs / 1_000)) },
      );
      return;
    }
    count(conversationId, tenantId, now);
    if (blocked.has(conversationId)) {
      answer(res, 403, {
        error: { code: "MessageWritesBlocked", message: "Thread is blocked by the user." },
      });
      return;
    }
    const fingerprint = `${conversationId}\n${JSON.stringify(activity.attachments ?? [])}\n${activity.summary ?? ""}`;
    seen.set(fingerprint, (seen.get(fingerprint) ?? 0) + 1);
    state.received.push({ conversationId, activity, at: now });
    answer(res, 201, { id: `stand-in-activity-${nextId++}` });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      answer(res, 500, { error: { code: "StandInError", message: String(error) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    get received() {
      return state.received;
    },
    get violations() {
      return state.violations;
    },
    get requests() {
      return state.requests;
    },
    get injectedFailures() {
      return state.injectedFailures;
    },
    duplicates,
    deliveredTo(conversationId) {
      return state.received.filter((message) => message.conversationId === conversationId);
    },
    refusedAt(conversationId) {
      return refused.get(conversationId) ?? [];
    },
    firstRefusal(conversationId) {
      if (refused.has(conversationId)) return Promise.resolve();
      return new Promise((wake) => {
        waitingForRefusal.set(conversationId, [
          ...(waitingForRefusal.get(conversationId) ?? []),
          wake,
        ]);
      });
    },
    failNext(conversationId, { status, count = 1, retryAfterSeconds }) {
      injected.set(conversationId, {
        status,
        remaining: count,
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      });
    },
    throttle(conversationId, seconds) {
      throttled.set(conversationId, { seconds, until: null });
    },
    block(conversationId) {
      blocked.add(conversationId);
    },
    reset() {
      state.received = [];
      state.violations = 0;
      state.requests = 0;
      state.injectedFailures = 0;
      seen.clear();
      refused.clear();
    },
    stop() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
