import { TableClient } from "@azure/data-tables";
import { apiPaths, retroVerbs, type Retro } from "@practice-hub/shared";
import type { Server } from "node:http";
import { Writable } from "node:stream";
import pino from "pino";
import { registerRetroBot } from "../../bot/src/retros/cardActions";
import { createAuthenticator } from "../../bot/src/auth";
import { createHttpApp } from "../../bot/src/http/app";
import { demoIdentities, demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore, tableNames } from "../../bot/src/store";
import { ChatCommandRegistry, CardActionRegistry, createTeamsEndpoint } from "../../bot/src/teams";
import { apiClient } from "../support/api";
import { memberCommunityFactory } from "../support/factories";
import { entryRequestFactory, retroClock, retroFactory } from "../support/retroFactories";
import { startStack, type Stack } from "../support/stack";

/**
 * A second service on the stack's storage whose logger writes every line, at the most verbose
 * level, into memory: what it logs while someone adds anonymous entries is searched for them.
 */
let stack: Stack;
let server: Server;
let baseUrl: string;
let tokenOfMember: string;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;
const logLines: string[] = [];
/** One clock for the stack and the logging service, so nothing here depends on today's date. */
const clock = retroClock();

beforeAll(async () => {
  stack = await startStack({ now: clock.now, extraConfig: { JOBS_ENABLED: false } });
  ownCommunityId = (await memberCommunityFactory(apiClient(stack))).id;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString("utf8"));
      done();
    },
  });
  const logger = pino({ level: "trace" }, sink);
  const store = createStore(stack.storageConnectionString);
  const authenticator = createAuthenticator(stack.config, logger);
  const cardActions = new CardActionRegistry();
  const chatCommands = new ChatCommandRegistry();
  const now = clock.now;
  registerRetroBot({
    cardActions,
    chatCommands,
    deps: {
      store,
      now,
      tabUrl: "http://hub.example/",
      notifier: null,
      logger,
      submissionKeySecret: stack.config.SUBMISSION_KEY_SECRET,
    },
  });
  const app = createHttpApp({
    config: stack.config,
    logger,
    store,
    authenticator,
    now,
    teamsEndpoint: createTeamsEndpoint({
      config: stack.config,
      conversationReferences: store.conversationReferences,
      logger,
      cardActions,
      chatCommands,
    }),
    tabDistDir: "/nonexistent",
    retroNotifier: null,
  });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const member = demoIdentities.find((identity) => identity.id === "demo-member");
  if (!member || !authenticator.localTokens) throw new Error("local tokens expected");
  tokenOfMember = await authenticator.localTokens.issue(member);
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await stack?.stop();
});

/** Every property value of every row of the retro, as one string. */
async function storedRowsOf(retroId: string): Promise<string> {
  const table = TableClient.fromConnectionString(stack.storageConnectionString, tableNames.retros, {
    allowInsecureConnection: true,
  });
  const rows: unknown[] = [];
  const partition = `${demoTenantId}__${ownCommunityId}`;
  for await (const row of table.listEntities({
    queryOptions: { filter: `PartitionKey eq '${partition}'` },
  })) {
    if (row.rowKey?.includes(retroId)) rows.push(row);
  }
  return JSON.stringify(rows);
}

function invokeFromMember(retro: Retro, text: string) {
  return {
    type: "invoke",
    name: "adaptiveCard/action",
    id: `invoke-${text.length}`,
    channelId: "msteams",
    serviceUrl: "http://127.0.0.1:1/",
    from: { id: "29:demo-member", name: "Ben Member", aadObjectId: "demo-member" },
    recipient: { id: "28:bot", name: "Practice Hub" },
    conversation: {
      id: "19:anonymity@thread.tacv2",
      conversationType: "channel",
      tenantId: demoTenantId,
    },
    channelData: { tenant: { id: demoTenantId }, team: { id: "19:anonymity@thread.tacv2" } },
    value: {
      action: {
        type: "Action.Execute",
        verb: retroVerbs.addEntry,
        data: {
          communityId: ownCommunityId,
          retroId: retro.id,
          promptId: "drop",
          text,
          visibility: "anonymous",
        },
      },
    },
  };
}

describe("anonymous entries", () => {
  it("leave no trace of their author in storage or in the logs, from the tab or the card", async () => {
    const retro = await retroFactory(apiClient(stack), ownCommunityId);
    logLines.length = 0;

    const fromTab = await fetch(`${baseUrl}${apiPaths.retro(ownCommunityId, retro.id)}/entries`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokenOfMember}`, "content-type": "application/json" },
      body: JSON.stringify(entryRequestFactory({ text: "The roadmap review feels unsafe" })),
    });
    const fromCard = await fetch(`${baseUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(invokeFromMember(retro, "Nobody reads the handbook")),
    });
    const cardAnswer = (await fromCard.json()) as { statusCode: number; type: string };

    expect(fromTab.status).toBe(201);
    expect(cardAnswer).toMatchObject({
      statusCode: 200,
      type: "application/vnd.microsoft.card.adaptive",
    });
    const stored = await storedRowsOf(retro.id);
    expect(stored).toContain("The roadmap review feels unsafe");
    expect(stored).toContain("Nobody reads the handbook");
    expect(stored).not.toMatch(/demo-member|Ben Member/);
    const logs = logLines.join("");
    expect(logs).toContain("request finished");
    expect(logs).not.toMatch(/demo-member|Ben Member/);
  });

  it("keep the author of a named entry, who chose to be named", async () => {
    const retro = await retroFactory(apiClient(stack), ownCommunityId);

    await fetch(`${baseUrl}${apiPaths.retro(ownCommunityId, retro.id)}/entries`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokenOfMember}`, "content-type": "application/json" },
      body: JSON.stringify(entryRequestFactory({ anonymous: false })),
    });

    expect(await storedRowsOf(retro.id)).toContain("demo-member");
  });
});
