import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import type { Request, Response } from "express";
import pino from "pino";
import { createEventLoopMonitor, type DelayHistogram } from "./eventLoop";

/** A logger whose lines the test can read. */
function capturedLoggerFactory() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines };
}

/** A histogram whose next maximum the test sets, in milliseconds. */
function histogramFactory() {
  let maxNs = 0;
  const histogram: DelayHistogram & { delay(ms: number): void } = {
    get max() {
      return maxNs;
    },
    delay(ms) {
      maxNs = Math.max(maxNs, ms * 1e6);
    },
    reset() {
      maxNs = 0;
    },
    enable() {},
    disable() {},
  };
  return histogram;
}

function monitorFactory(windowChecks = 60) {
  const { logger, lines } = capturedLoggerFactory();
  const histogram = histogramFactory();
  let ms = 0;
  const monitor = createEventLoopMonitor({
    logger,
    histogram,
    clock: () => ms,
    checkEveryMs: 1_000,
    windowChecks,
  });
  /** The monitor's timer firing on time, `delayMs` being the longest wait the histogram saw. */
  const checkAfter = (delayMs: number, lateMs = 0) => {
    histogram.delay(delayMs);
    ms += 1_000 + lateMs;
    monitor.check();
  };
  const warnings = () => lines.filter((line) => line["level"] === 40);
  return { monitor, histogram, checkAfter, warnings };
}

describe("the event-loop monitor", () => {
  it("warns when the loop was held longer than 200 ms, naming what ran since the last check", () => {
    const { monitor, checkAfter, warnings } = monitorFactory();
    const done = monitor.track("GET /api/communities/c1/occurrences");
    monitor.track("job ritual-reminders");
    done();

    checkAfter(16_012);

    expect(warnings()).toEqual([
      expect.objectContaining({
        blockedMs: 16_012,
        runningMeanwhile: ["GET /api/communities/c1/occurrences", "job ritual-reminders"],
        msg: expect.stringContaining("held for 16012 ms"),
      }),
    ]);
  });

  it("stays quiet while no delay exceeds 200 ms", () => {
    const { checkAfter, warnings } = monitorFactory();

    checkAfter(12);
    checkAfter(200);

    expect(warnings()).toEqual([]);
  });

  it("names only what still ran, or began, after the previous check", () => {
    const { monitor, checkAfter, warnings } = monitorFactory();
    monitor.track("GET /healthz")();
    monitor.track("job digests");
    checkAfter(10);

    checkAfter(450);

    expect(warnings()[0]?.["runningMeanwhile"]).toEqual(["job digests"]);
  });

  it("counts a check that fired late as a block, even when the histogram saw no delay", () => {
    const { checkAfter, warnings } = monitorFactory();

    checkAfter(0, 3_000);

    expect(warnings()[0]?.["blockedMs"]).toBe(3_000);
  });

  it("shows the longest delay of the recent window and forgets older ones", () => {
    const { monitor, checkAfter } = monitorFactory(3);
    checkAfter(900);
    checkAfter(15);
    checkAfter(20);
    expect(monitor.recent()).toEqual({ maxDelayMs: 900, windowSeconds: 3 });

    checkAfter(11);

    expect(monitor.recent()).toEqual({ maxDelayMs: 20, windowSeconds: 3 });
  });

  it("includes the delay seen since the last check", () => {
    const { monitor, histogram, checkAfter } = monitorFactory();
    checkAfter(12);

    histogram.delay(240);

    expect(monitor.recent().maxDelayMs).toBe(240);
  });

  it("tracks a request until it finishes, without the secret of a calendar feed URL", () => {
    const { monitor, checkAfter, warnings } = monitorFactory();
    const res = new EventEmitter();
    const next = jest.fn();
    const request = {
      method: "GET",
      originalUrl: "/api/feeds/t1/c1/s3cr3tT0kenThatIsLongEnough/calendar.ics?x=1",
    };

    monitor.requests()(request as Request, res as unknown as Response, next);
    checkAfter(10);
    checkAfter(300);
    res.emit("finish");
    checkAfter(10);
    checkAfter(300);

    expect(next).toHaveBeenCalledTimes(1);
    expect(warnings().map((w) => w["runningMeanwhile"])).toEqual([
      ["GET /api/feeds/t1/c1/…/calendar.ics"],
      [],
    ]);
  });
});
