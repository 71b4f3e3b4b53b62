import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import pino from "pino";
import { loadConfig } from "../config";
import { turnErrorMessage } from "./adapter";
import type { ConversationReferenceStore } from "./conversationReferences";
import { createTeamsEndpoint } from "./index";

interface SentActivity {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
}

/** A stand-in Bot Connector: records what the bot sends; can be told to refuse every card. */
async function startConnector(options: { refuseCards?: boolean } = {}) {
  const sent: SentActivity[] = [];
  const app = express();
  app.use(express.json());
  app.post("/v3/conversations/:conversationId/activities{/:activityId}", (req, res) => {
    const activity = req.body as SentActivity;
    if (options.refuseCards && activity.attachments?.length) {
      res.status(400).json({ error: { code: "BadSyntax", message: "connector exploded" } });
      return;
    }
    sent.push(activity);
    res.json({ id: `sent-${sent.length}` });
  });
  const server = await listen(app);
  return { sent, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

async function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function memoryStore(): ConversationReferenceStore {
  return {
    save: jest.fn(async () => undefined),
    find: jest.fn(async () => null),
    listForTenant: jest.fn(async () => []),
  };
}

async function startBot(conversationReferences: ConversationReferenceStore) {
  const config = loadConfig({
    STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true",
    PUBLIC_BASE_URL: "http://hub.test",
  });
  const logger = pino({ level: "silent" });
  const endpoint = createTeamsEndpoint({ config, conversationReferences, logger });
  const app = express();
  app.use(express.json());
  app.post("/api/messages", (req, res) => endpoint.handle(req, res));
  const server = await listen(app);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, server };
}

const tenantId = "00000000-0000-4000-8000-0000000000a1";

function activity(serviceUrl: string, overrides: Record<string, unknown>) {
  return {
    channelId: "msteams",
    serviceUrl,
    id: "activity-1",
    from: { id: "29:user", name: "Ben Member", aadObjectId: "aad-ben" },
    recipient: { id: "28:bot", name: "Practice Hub" },
    conversation: { id: "a:chat", conversationType: "personal", tenantId },
    ...overrides,
  };
}

describe("createTeamsEndpoint", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      // fetch keeps connections alive; close them so the servers stop at once.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("answers a help message through the Bot Connector with the help card", async () => {
    const connector = await startConnector();
    const bot = await startBot(memoryStore());
    servers.push(connector.server, bot.server);

    const response = await fetch(bot.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity(connector.url, { type: "message", text: "help" })),
    });

    expect(response.status).toBe(200);
    expect(connector.sent).toHaveLength(1);
    expect(connector.sent[0]?.attachments?.[0]?.contentType).toBe(
      "application/vnd.microsoft.card.adaptive",
    );
  });

  it("records the conversation reference on install", async () => {
    const connector = await startConnector();
    const store = memoryStore();
    const bot = await startBot(store);
    servers.push(connector.server, bot.server);

    await fetch(bot.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity(connector.url, { type: "installationUpdate", action: "add" })),
    });

    expect(store.save).toHaveBeenCalledWith(
      expect.objectContaining({ tenantId, conversationId: "a:chat", kind: "personal" }),
    );
  });

  it("tells the person something went wrong, without the error, when a turn fails", async () => {
    const connector = await startConnector({ refuseCards: true });
    const bot = await startBot(memoryStore());
    servers.push(connector.server, bot.server);

    await fetch(bot.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity(connector.url, { type: "message", text: "help" })),
    });

    expect(connector.sent).toEqual([expect.objectContaining({ text: turnErrorMessage })]);
    expect(JSON.stringify(connector.sent)).not.toContain("exploded");
  });
});
