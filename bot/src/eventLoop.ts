import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "./logger";

/**
 * Watches the event loop: while one request or job holds it, every other request waits, /healthz
 * included. DESIGN.md allows 200 ms at most; a longer block is logged with what was running, and
 * /healthz shows the longest delay of the last minute.
 */

/** The longest the loop may be held before a warning (DESIGN.md: performance budgets). */
export const eventLoopBlockWarningMs = 200;

/** The part of Node's delay histogram the monitor reads; values in nanoseconds. */
export interface DelayHistogram {
  readonly max: number;
  reset(): void;
  enable(): void;
  disable(): void;
}

/** The recent delays, as /healthz shows them. */
export interface EventLoopDelays {
  /** The longest the loop waited to run a timer, in ms, over the last `windowSeconds`. */
  maxDelayMs: number;
  windowSeconds: number;
}

/** See `createEventLoopMonitor`. */
export interface EventLoopMonitor {
  /** Marks `label` (a request, a job) as running until the returned function is called. */
  track(label: string): () => void;
  /** Runs `work` tracked as `label`. */
  during<T>(label: string, work: () => Promise<T>): Promise<T>;
  /** Express middleware tracking each request as "METHOD /path" until it finishes or closes. */
  requests(): (req: Request, res: Response, next: NextFunction) => void;
  /** The longest delay of the recent window (the check in progress included). */
  recent(): EventLoopDelays;
  /**
   * Reads and resets the histogram, keeps its maximum for `recent()`, and warns when the loop was
   * held longer than the threshold, naming what ran since the previous check. The monitor's own
   * timer calls it every `checkEveryMs`; tests call it directly.
   */
  check(): void;
  /** Starts the histogram and the check timer (unref'd: it never keeps the process alive). */
  start(): void;
  stop(): void;
}

/**
 * A feed URL's path carries its secret token: a log line names the route, never the token.
 */
function labelOf(req: Request): string {
  const path = req.originalUrl.split("?")[0] ?? "";
  return `${req.method} ${path.replace(/^(\/api\/feeds\/[^/]+\/[^/]+\/)[^/]+/, "$1…")}`;
}

/**
 * The event-loop monitor. `histogram` and `clock` (milliseconds, monotonic) are injectable so
 * that tests drive `check()` with chosen delays; by default they are Node's
 * `monitorEventLoopDelay` and `performance.now`.
 */
export function createEventLoopMonitor(props: {
  logger: Logger;
  histogram?: DelayHistogram;
  clock?: () => number;
  checkEveryMs?: number;
  /** Checks kept for `recent()`: a minute at the default interval. */
  windowChecks?: number;
}): EventLoopMonitor {
  const { logger } = props;
  const histogram = props.histogram ?? monitorEventLoopDelay({ resolution: 10 });
  const clock = props.clock ?? (() => performance.now());
  const checkEveryMs = props.checkEveryMs ?? 1_000;
  const windowChecks = props.windowChecks ?? 60;

  const running = new Map<number, string>();
  let nextId = 0;
  /** Everything that ran since the previous check: one of them held the loop if it was held. */
  let ranSinceCheck = new Set<string>();
  const maxima: number[] = [];
  let lastCheckAt = clock();
  let timer: NodeJS.Timeout | undefined;

  const monitor: EventLoopMonitor = {
    track(label) {
      const id = (nextId += 1);
      running.set(id, label);
      ranSinceCheck.add(label);
      return () => {
        running.delete(id);
      };
    },
    async during(label, work) {
      const done = monitor.track(label);
      try {
        return await work();
      } finally {
        done();
      }
    },
    requests() {
      return (req, res, next) => {
        const done = monitor.track(labelOf(req));
        res.once("finish", done);
        res.once("close", done);
        next();
      };
    },
    recent() {
      const current = histogram.max / 1e6;
      return {
        maxDelayMs: Math.round(Math.max(current, ...maxima)),
        windowSeconds: Math.round((windowChecks * checkEveryMs) / 1000),
      };
    },
    check() {
      const at = clock();
      // The check's own lateness backs the histogram up: a block that began just after a reset
      // is seen by this timer even if the histogram lost that sample.
      const lateMs = Math.max(0, at - lastCheckAt - checkEveryMs);
      lastCheckAt = at;
      const maxMs = Math.max(histogram.max / 1e6, lateMs);
      histogram.reset();
      maxima.push(maxMs);
      if (maxima.length > windowChecks) maxima.shift();
      if (maxMs > eventLoopBlockWarningMs) {
        logger.warn(
          { blockedMs: Math.round(maxMs), runningMeanwhile: [...ranSinceCheck] },
          `The event loop was held for ${Math.round(maxMs)} ms (more than ${eventLoopBlockWarningMs} ms): every request waited meanwhile.`,
        );
      }
      ranSinceCheck = new Set(running.values());
    },
    start() {
      if (timer) return;
      histogram.enable();
      lastCheckAt = clock();
      timer = setInterval(() => monitor.check(), checkEveryMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      histogram.disable();
    },
  };
  return monitor;
}
