import { Writable } from "node:stream";
import express from "express";
import pino from "pino";
import { apiErrorSchema } from "@practice-hub/shared";
import { forbidden } from "../errors";
import { errorHandler } from "./errorHandler";
import { requestContext } from "./requestContext";

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

async function withApp(
  build: (app: express.Express) => void,
  logger: pino.Logger,
  run: (baseUrl: string) => Promise<void>,
) {
  const app = express();
  app.use(requestContext(logger));
  build(app);
  app.use(errorHandler(logger, 1024));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  try {
    await run(`http://127.0.0.1:${port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("the error handler", () => {
  it("turns an unknown error into a 500 internal without leaking its message", async () => {
    const { logger } = capturedLoggerFactory();
    await withApp(
      (app) =>
        app.get("/boom", () => {
          throw new Error("connection string AccountKey=secret");
        }),
      logger,
      async (baseUrl) => {
        const response = await fetch(`${baseUrl}/boom`);
        const text = await response.text();

        expect(response.status).toBe(500);
        expect(text).not.toContain("secret");
        expect(apiErrorSchema.parse(JSON.parse(text)).error).toBe("internal");
      },
    );
  });

  it("renders an app error in the one shape with the request id", async () => {
    const { logger } = capturedLoggerFactory();
    await withApp(
      (app) =>
        app.get("/nope", () => {
          throw forbidden("Only champions can do that.");
        }),
      logger,
      async (baseUrl) => {
        const response = await fetch(`${baseUrl}/nope`);
        const body = apiErrorSchema.parse(await response.json());

        expect(body).toEqual({
          ok: false,
          error: "forbidden",
          status: 403,
          message: "Only champions can do that.",
          requestId: response.headers.get("x-request-id"),
        });
      },
    );
  });

  it("puts the request id on every log line of the request, the failure included", async () => {
    const { logger, lines } = capturedLoggerFactory();
    await withApp(
      (app) =>
        app.get("/boom", () => {
          throw new Error("kaput");
        }),
      logger,
      async (baseUrl) => {
        const response = await fetch(`${baseUrl}/boom`, {
          headers: { "x-request-id": "req-42" },
        });
        await response.text();
      },
    );

    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line["reqId"]).toBe("req-42");
    expect(lines.some((line) => line["msg"] === "request failed")).toBe(true);
  });
});
