import { Writable } from "node:stream";
import express from "express";
import pino from "pino";
import { apiErrorSchema } from "@practice-hub/shared";
import { forbidden } from "../errors";
import { errorHandler, toAppError } from "./errorHandler";
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

describe("toAppError", () => {
  /** An error as express's router raises it for a path parameter it cannot decode. */
  function undecodableParam(): URIError {
    return Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400 });
  }

  it("keeps the 4xx that an error carries, with a sentence instead of its message", () => {
    const decoding = toAppError(undecodableParam(), 1024);
    const zlib = toAppError(
      Object.assign(new Error("incorrect header check"), { status: 400, code: "Z_DATA_ERROR" }),
      1024,
    );
    const teapot = toAppError(Object.assign(new Error("short and stout"), { status: 418 }), 1024);

    expect(decoding).toMatchObject({ status: 400, code: "bad_request" });
    expect(decoding.message).toMatch(/^The address has broken percent-encoding/);
    expect(zlib).toMatchObject({ status: 400 });
    expect(zlib.message).toMatch(/does not match its Content-Encoding/);
    expect(teapot).toMatchObject({ status: 418, code: "bad_request" });
    expect(teapot.message).not.toContain("stout");
  });

  it("keeps body-parser's kinds of failure at their status", () => {
    const unsupported = Object.assign(new Error("unsupported content encoding"), {
      status: 415,
      type: "encoding.unsupported",
    });
    const aborted = Object.assign(new Error("request aborted"), {
      status: 400,
      type: "request.aborted",
    });

    expect(toAppError(unsupported, 1024)).toMatchObject({ status: 415 });
    expect(toAppError(aborted, 1024).message).toMatch(/^The request body could not be read/);
  });

  it("still answers 500 to a storage error that carries a 4xx statusCode: that is our fault", () => {
    const storageConflict = Object.assign(new Error("The specified entity already exists."), {
      statusCode: 409,
    });

    expect(toAppError(storageConflict, 1024)).toMatchObject({ status: 500, code: "internal" });
  });
});
