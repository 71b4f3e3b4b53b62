import {
  apiPaths,
  retroSchema,
  retroVerbs,
  type AdaptiveCard,
  type Retro,
  type RetroAction,
} from "@practice-hub/shared";
import type { Server } from "node:http";
import { randomUUID } from "node:crypto";
import pino from "pino";
import { registerRetroBot } from "../../bot/src/retros/cardActions";
import { createAuthenticator } from "../../bot/src/auth";
import type { RetroNotifier } from "../../bot/src/retros/retroNotifier";
import { createHttpApp } from "../../bot/src/http/app";
import { demoIdentities, demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore } from "../../bot/src/store";
import {
  ChatCommandRegistry,
  type CardActionAnswer,
  type CardActionRegistry,
  type CardActionHandler,
  type CardConversation,
} from "../../bot/src/teams";
import { apiClient, type ApiClient } from "../support/api";
import { memberCommunityFactory } from "../support/factories";
import { moveRetroTo, retroClock, retroFactory } from "../support/retroFactories";
import { startStack, type Stack } from "../support/stack";

/**
 * A service on the stack's storage with a recording notifier, so what closing sends (and what
 * happens when sending fails) can be seen; card buttons are pressed through the registered
 * handlers, the way the Teams dispatch calls them.
 */
let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;
let server: Server;
let baseUrl: string;
const tokens = new Map<string, string>();
const handlers = new Map<string, CardActionHandler>();
/** One clock for the stack and this service: no test here depends on today's date. */
const clock = retroClock();
let store: ReturnType<typeof createStore>;

/** What the notifier was asked to send, and whether it should fail. */
const sent: { channel: { retroId: string; reason: string }[]; owners: RetroAction[] } = {
  channel: [],
  owners: [],
};
let failOwnerCards = false;
let failChannel = false;

const recordingNotifier: RetroNotifier = {
  async postToChannel({ retro, reason }) {
    if (failChannel) throw new Error("connector down");
    sent.channel.push({ retroId: retro.id, reason });
  },
  async sendOwnerCards({ actions }) {
    if (failOwnerCards) throw new Error("connector down");
    sent.owners.push(...actions);
  },
};

beforeAll(async () => {
  stack = await startStack({ now: clock.now, extraConfig: { JOBS_ENABLED: false } });
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
  const logger = pino({ level: "silent" });
  store = createStore(stack.storageConnectionString);
  const authenticator = createAuthenticator(stack.config, logger);
  const now = clock.now;
  const deps = {
    store,
    now,
    tabUrl: "http://hub.example/",
    notifier: recordingNotifier,
    logger,
    submissionKeySecret: stack.config.SUBMISSION_KEY_SECRET,
  };
  // The real registry answers TurnContexts only; this one hands the handlers to the tests.
  const capturing = {
    register(verb: string, handler: CardActionHandler) {
      handlers.set(verb, handler);
      return capturing;
    },
  };
  registerRetroBot({
    cardActions: capturing as unknown as CardActionRegistry,
    chatCommands: new ChatCommandRegistry(),
    deps,
  });
  const app = createHttpApp({
    config: stack.config,
    logger,
    store,
    authenticator,
    now,
    teamsEndpoint: null,
    tabDistDir: "/nonexistent",
    retroNotifier: recordingNotifier,
  });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  if (!authenticator.localTokens) throw new Error("local tokens expected");
  for (const identity of demoIdentities) {
    tokens.set(identity.id, await authenticator.localTokens.issue(identity));
  }
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await stack?.stop();
});

beforeEach(() => {
  sent.channel.length = 0;
  sent.owners.length = 0;
  failOwnerCards = false;
  failChannel = false;
});

const channel: CardConversation = {
  tenantId: demoTenantId,
  conversationId: "19:c@thread.tacv2",
  kind: "channel",
};

/** Presses a card button as a demo person; `activityId` is the invoke's id. */
async function press(
  verb: string,
  as: "demo-champion" | "demo-member",
  data: Record<string, unknown>,
  activityId: string,
  conversation: CardConversation = channel,
): Promise<CardActionAnswer> {
  const handler = handlers.get(verb);
  if (!handler) throw new Error(`no handler for ${verb}`);
  return handler({
    actor: { tenantId: demoTenantId, userId: as, displayName: as },
    data,
    activityId,
    conversation,
    logger: pino({ level: "silent" }),
    post: async () => undefined,
  });
}

/** Asks the recording service (not the stack's) to close a retro, as the tab does. */
async function closeFromTab(retro: Pick<Retro, "id">) {
  const response = await fetch(`${baseUrl}${apiPaths.retro(ownCommunityId, retro.id)}/phase`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${tokens.get("demo-champion")}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ to: "closed" }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function decidingRetroWithAction(
  owner: "demo-champion" | "demo-member" = "demo-member",
): Promise<{ retro: Retro; action: RetroAction }> {
  const retro = await retroFactory(api, ownCommunityId);
  const deciding = await moveRetroTo(api, retro, "group", "vote", "decide");
  const added = await api.post<RetroAction>(
    `${apiPaths.retro(ownCommunityId, deciding.id)}/actions`,
    {
      as: "demo-champion",
      body: {
        text: "Write the onboarding guide",
        owner: { id: owner },
        dueDate: clock.dateIn(7),
        submissionKey: randomUUID(),
      },
    },
  );
  expect(added.status).toBe(201);
  return { retro: deciding, action: added.body };
}

function cardOf(answer: CardActionAnswer): AdaptiveCard {
  if (!("card" in answer)) throw new Error(`expected a card, got: ${answer.message}`);
  return answer.card;
}

function cardText(answer: CardActionAnswer): string {
  return JSON.stringify(cardOf(answer));
}

describe("entries added on the card", () => {
  function addOnCard(retro: Retro, as: "demo-champion" | "demo-member", activityId: string) {
    return press(
      retroVerbs.addEntry,
      as,
      {
        communityId: ownCommunityId,
        retroId: retro.id,
        promptId: "drop",
        text: "Too many meetings",
        visibility: "anonymous",
      },
      activityId,
    );
  }

  it("stores both when two people write the same words under the same prompt", async () => {
    const retro = await retroFactory(api, ownCommunityId);

    await addOnCard(retro, "demo-member", `invoke-${randomUUID()}`);
    await addOnCard(retro, "demo-champion", `invoke-${randomUUID()}`);

    const seen = retroSchema.parse(
      (await api.get(apiPaths.retro(ownCommunityId, retro.id), { as: "demo-member" })).body,
    );
    expect(seen.counts["drop"]).toBe(2);
  });

  it("stores one entry when Teams retries the same invoke", async () => {
    const retro = await retroFactory(api, ownCommunityId);
    const activityId = `invoke-${randomUUID()}`;

    await addOnCard(retro, "demo-member", activityId);
    await addOnCard(retro, "demo-member", activityId);

    const seen = retroSchema.parse(
      (await api.get(apiPaths.retro(ownCommunityId, retro.id), { as: "demo-member" })).body,
    );
    expect(seen.counts["drop"]).toBe(1);
  });
});

describe("closing a retro", () => {
  it("posts the summary to the channel and the owner's card when closed from the card", async () => {
    const { retro, action } = await decidingRetroWithAction();

    const answer = await press(
      retroVerbs.move,
      "demo-champion",
      { communityId: ownCommunityId, retroId: retro.id, to: "closed" },
      `invoke-${randomUUID()}`,
    );

    expect(cardText(answer)).toContain("Retro summary");
    expect(sent.channel).toEqual([{ retroId: retro.id, reason: "closed" }]);
    expect(sent.owners.map((owned) => owned.id)).toEqual([action.id]);
  });

  it("posts the same summary and owner cards when closed from the tab", async () => {
    const { retro, action } = await decidingRetroWithAction();

    const closed = await closeFromTab(retro);

    expect(closed.status).toBe(200);
    expect(retroSchema.parse(closed.body).phase).toBe("closed");
    expect(sent.channel).toEqual([{ retroId: retro.id, reason: "closed" }]);
    expect(sent.owners.map((owned) => owned.id)).toEqual([action.id]);
  });

  it("still closes, and still posts the summary, when the owner cards cannot be sent", async () => {
    const { retro } = await decidingRetroWithAction();
    failOwnerCards = true;

    const answer = await press(
      retroVerbs.move,
      "demo-champion",
      { communityId: ownCommunityId, retroId: retro.id, to: "closed" },
      `invoke-${randomUUID()}`,
    );

    expect(cardText(answer)).toContain("Retro summary");
    expect(sent.channel).toEqual([{ retroId: retro.id, reason: "closed" }]);
    const stored = retroSchema.parse(
      (await api.get(apiPaths.retro(ownCommunityId, retro.id), { as: "demo-member" })).body,
    );
    expect(stored.phase).toBe("closed");
  });

  it("still closes from the tab, and still sends owner cards, when the channel post fails", async () => {
    const { retro, action } = await decidingRetroWithAction();
    failChannel = true;

    const closed = await closeFromTab(retro);

    expect(closed.status).toBe(200);
    expect(retroSchema.parse(closed.body).phase).toBe("closed");
    expect(sent.owners.map((owned) => owned.id)).toEqual([action.id]);
  });
});

describe("the owner's personal card", () => {
  const ownerMri = "29:1-demo-member-mri";
  const personalChat: CardConversation = {
    tenantId: demoTenantId,
    conversationId: "a:1-demo-member-personal",
    kind: "personal",
  };

  beforeAll(async () => {
    // What the bot stores when the member installs it: their personal chat, naming their MRI.
    await store.conversationReferences.save({
      tenantId: demoTenantId,
      conversationId: personalChat.conversationId,
      kind: "personal",
      aadObjectId: "demo-member",
      serviceUrl: "http://127.0.0.1:1/",
      reference: JSON.stringify({
        user: { id: ownerMri, aadObjectId: "demo-member" },
        conversation: { id: personalChat.conversationId },
        serviceUrl: "http://127.0.0.1:1/",
      }),
      updatedAt: clock.now().toISOString(),
    });
  });

  function refreshAs(as: "demo-champion" | "demo-member", action: RetroAction) {
    return press(
      retroVerbs.refreshAction,
      as,
      { communityId: ownCommunityId, actionId: action.id },
      `invoke-${randomUUID()}`,
      personalChat,
    );
  }

  it("turns overdue when Teams refreshes it after the due date, for its owner only", async () => {
    const { action } = await decidingRetroWithAction();

    const beforeDue = cardOf(await refreshAs("demo-member", action));
    clock.advanceDays(8);
    const afterDue = cardOf(await refreshAs("demo-member", action));

    expect(JSON.stringify(beforeDue)).not.toMatch(/overdue/i);
    expect(JSON.stringify(afterDue)).toContain("**Overdue**");
    expect(afterDue.refresh).toMatchObject({
      action: { verb: retroVerbs.refreshAction, data: { actionId: action.id } },
      userIds: [ownerMri],
    });
  });

  it("keeps refreshing after the owner asks for help, and stops once it is done", async () => {
    const { action } = await decidingRetroWithAction();
    const setStatus = (status: string) =>
      press(
        retroVerbs.setActionStatus,
        "demo-member",
        { communityId: ownCommunityId, actionId: action.id, status },
        `invoke-${randomUUID()}`,
        personalChat,
      );

    const helped = cardOf(await setStatus("needHelp"));
    const done = cardOf(await setStatus("done"));

    expect(helped.refresh?.userIds).toEqual([ownerMri]);
    expect(done.refresh).toBeUndefined();
  });

  it("refuses the refresh to a member who does not own the action", async () => {
    const { action } = await decidingRetroWithAction("demo-champion");

    await expect(refreshAs("demo-member", action)).rejects.toMatchObject({ status: 403 });
  });
});
