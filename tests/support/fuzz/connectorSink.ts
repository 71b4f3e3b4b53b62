import { createServer, type Server } from "node:http";

/** A running sink: the serviceUrl to put in activities, and a way to stop it. */
export interface ConnectorSink {
  serviceUrl: string;
  /** Calls the bot made to it. */
  calls(): number;
  close(): Promise<void>;
}

/**
 * TEST STAND-IN for the Bot Connector (never used in production): accepts every call the bot
 * makes while it answers fuzzed activities (replies, new conversations, updates) with 200 and a
 * made-up activity id. Unlike `connectorStandIn.ts` it enforces no rate limit: the fuzzer checks
 * what the service answers, not how the bot paces its sends.
 */
export async function startConnectorSink(): Promise<ConnectorSink> {
  let calls = 0;
  const server: Server = createServer((req, res) => {
    calls += 1;
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `sink-${calls}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls: () => calls,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
