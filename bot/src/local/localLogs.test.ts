import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLocalLogger, runningBanner, terminalLine } from "./localLogs";
import { stopInOrder } from "./stopSteps";

function tempLogFile(): string {
  return path.join(
    mkdtempSync(path.join(os.tmpdir(), "practice-hub-logs-")),
    "logs",
    "service.log",
  );
}

function collector() {
  const lines: string[] = [];
  return { lines, write: (line: string) => lines.push(line) };
}

describe("the local stack's logs", () => {
  it("write request lines to the file and nothing to the terminal", () => {
    const file = tempLogFile();
    const terminal = collector();
    const logger = createLocalLogger({ file, level: "info", terminal });

    for (let index = 0; index < 50; index += 1) {
      logger.info({ route: "/healthz", status: 200 }, "request finished");
    }
    logger.warn("the event loop was held for 300 ms");

    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines).toHaveLength(51);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      route: "/healthz",
      msg: "request finished",
    });
    expect(terminal.lines).toEqual([]);
  });

  it("show an error in the terminal as one readable line naming the log file", () => {
    const file = tempLogFile();
    const terminal = collector();
    const logger = createLocalLogger({
      file,
      level: "info",
      terminal,
      displayPath: ".data/logs/x.log",
    });

    logger.error({ err: new Error("storage did not answer") }, "a request failed");

    expect(terminal.lines).toEqual([
      "Practice Hub error: a request failed: storage did not answer (details in .data/logs/x.log)\n",
    ]);
    expect(readFileSync(file, "utf8")).toContain('"stack":"Error: storage did not answer');
  });

  it("keep bearer tokens out of the file", () => {
    const file = tempLogFile();
    const logger = createLocalLogger({ file, level: "info", terminal: collector() });

    logger.info({ req: { headers: { authorization: "Bearer secret-token" } } }, "request");

    expect(readFileSync(file, "utf8")).not.toContain("secret-token");
  });

  it("move a log file past 10 MB aside at start", () => {
    const file = tempLogFile();
    createLocalLogger({ file, level: "info", terminal: collector() });
    writeFileSync(file, "x".repeat(10 * 1024 * 1024 + 1));

    createLocalLogger({ file, level: "info", terminal: collector() });

    expect(statSync(`${file}.1`).size).toBeGreaterThan(10 * 1024 * 1024);
    expect(statSync(file).size).toBe(0);
  });

  it("pass a line that is not JSON through as it is", () => {
    expect(terminalLine("plain words", "log")).toBe("plain words\n");
  });
});

describe("the running banner", () => {
  it("lists the addresses and ends with how to see them again and how to stop", () => {
    const banner = runningBanner({
      serviceUrl: "http://localhost:3978",
      playgroundUrl: "http://localhost:56150",
      azurite: { tablePort: 10002, queuePort: 10001, dataDir: ".data/azurite" },
      logFile: ".data/logs/service.log",
    });

    expect(banner).toContain("http://localhost:3978");
    expect(banner).toContain("http://localhost:56150");
    expect(banner).toContain(".data/logs/service.log");
    expect(banner.trim().split("\n").at(-1)).toBe(
      "Press Enter to see these addresses again, Ctrl-C to stop.",
    );
  });

  it("leaves the Playground out when it does not run (real Teams is the client)", () => {
    const banner = runningBanner({
      serviceUrl: "http://localhost:3978",
      playgroundUrl: null,
      azurite: { tablePort: 1, queuePort: 2, dataDir: "d" },
      logFile: "l",
    });

    expect(banner).not.toContain("Playground");
  });
});

describe("stopping the local stack", () => {
  it("says nothing when every part stops", async () => {
    const stopped: string[] = [];

    const failures = await stopInOrder([
      { name: "one", stop: async () => void stopped.push("one") },
      { name: "never started", stop: () => undefined },
      { name: "two", stop: async () => void stopped.push("two") },
    ]);

    expect(failures).toEqual([]);
    expect(stopped).toEqual(["one", "two"]);
  });

  it("names a part that failed, and still stops the ones after it", async () => {
    const stopped: string[] = [];

    const failures = await stopInOrder([
      { name: "the service", stop: () => Promise.reject(new Error("socket hang up")) },
      { name: "Azurite", stop: async () => void stopped.push("Azurite") },
    ]);

    expect(failures).toEqual(["Could not stop the service: socket hang up"]);
    expect(stopped).toEqual(["Azurite"]);
  });
});
