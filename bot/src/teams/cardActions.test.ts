import type { AdaptiveCard } from "@practice-hub/shared";
import type { Activity } from "botbuilder";
import { TestAdapter } from "botbuilder";
import pino from "pino";
import { forbidden } from "../errors";
import type { CardActionContext, CardActionHandler } from "./cardActions";
import { CardActionRegistry, cardActionFailedMessage } from "./cardActions";
import type { ConversationReferenceStore } from "./conversationReferences";
import { PracticeHubBot } from "./practiceHubBot";

const tenantId = "00000000-0000-4000-8000-00000000d301";

function noReferences(): ConversationReferenceStore {
  return {
    async save() {},
    async find() {
      return null;
    },
    async listForTenant() {
      return [];
    },
  };
}

function card(text: string): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [{ type: "TextBlock", text, wrap: true }],
  };
}

function invokeActivity(
  verb: string,
  data: Record<string, unknown> = {},
  overrides: Partial<Activity> = {},
): Partial<Activity> {
  return {
    type: "invoke",
    name: "adaptiveCard/action",
    channelId: "msteams",
    serviceUrl: "https://smba.example/emea/",
    from: { id: "29:ana", name: "Ana Champion", aadObjectId: "demo-champion" },
    recipient: { id: "28:bot", name: "Practice Hub" },
    conversation: {
      id: "19:general@thread.tacv2;messageid=1700000000000",
      conversationType: "channel",
      isGroup: true,
      name: "",
    },
    channelData: {
      tenant: { id: tenantId },
      team: { id: "19:general@thread.tacv2" },
      channel: { id: "19:general@thread.tacv2" },
    },
    value: { action: { type: "Action.Execute", id: "a1", verb, data } },
    ...overrides,
  };
}

async function invoke(registry: CardActionRegistry, activity: Partial<Activity>) {
  const bot = new PracticeHubBot({
    conversationReferences: noReferences(),
    tabUrl: "https://hub.example.com/",
    logger: pino({ level: "silent" }),
    cardActions: registry,
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  await adapter.processActivity(activity);
  const sent: Partial<Activity>[] = [];
  while (adapter.activeQueue.length > 0) {
    const next = adapter.activeQueue.shift();
    if (next) sent.push(next);
  }
  const response = sent.find((activity) => activity.type === "invokeResponse");
  return {
    response: response?.value as { status: number; body: Record<string, unknown> } | undefined,
    posted: sent.filter((activity) => activity.type === "message"),
  };
}

function recordingHandler(answer: Awaited<ReturnType<CardActionHandler>>) {
  const calls: CardActionContext[] = [];
  const handler: CardActionHandler = async (context) => {
    calls.push(context);
    return answer;
  };
  return { calls, handler };
}

describe("CardActionRegistry", () => {
  it("answers an Action.Execute with the card its verb's handler returns", async () => {
    const { handler } = recordingHandler({ card: card("updated") });
    const registry = new CardActionRegistry().register("retro.entry.add", handler);

    const { response } = await invoke(registry, invokeActivity("retro.entry.add"));

    expect(response?.status).toBe(200);
    expect(response?.body).toEqual({
      statusCode: 200,
      type: "application/vnd.microsoft.card.adaptive",
      value: card("updated"),
    });
  });

  it("gives the handler the tenant from the activity, the person's Entra id, the data and the channel", async () => {
    const { calls, handler } = recordingHandler({ message: "ok" });
    const registry = new CardActionRegistry().register("ritual.rsvp", handler);

    await invoke(registry, invokeActivity("ritual.rsvp", { answer: "yes" }));

    expect(calls[0]?.actor).toEqual({
      tenantId,
      userId: "demo-champion",
      displayName: "Ana Champion",
    });
    expect(calls[0]?.data).toEqual({ answer: "yes" });
    expect(calls[0]?.conversation).toEqual({
      tenantId,
      conversationId: "19:general@thread.tacv2",
      kind: "channel",
      teamId: "19:general@thread.tacv2",
      channelId: "19:general@thread.tacv2",
    });
  });

  it("gives the handler the invoke's activity id, the same for a retry and new for each press", async () => {
    const { calls, handler } = recordingHandler({ message: "ok" });
    const registry = new CardActionRegistry().register("retro.entry.add", handler);

    await invoke(registry, invokeActivity("retro.entry.add", {}, { id: "press-1" }));
    await invoke(registry, invokeActivity("retro.entry.add", {}, { id: "press-1" }));
    await invoke(registry, invokeActivity("retro.entry.add", {}, { id: "press-2" }));

    expect(calls.map((call) => call.activityId)).toEqual(["press-1", "press-1", "press-2"]);
  });

  it("shows a message to the person when the handler answers with text", async () => {
    const registry = new CardActionRegistry().register(
      "retro.vote",
      recordingHandler({ message: "Vote counted." }).handler,
    );

    const { response } = await invoke(registry, invokeActivity("retro.vote"));

    expect(response?.body).toEqual({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: "Vote counted.",
    });
  });

  it("turns a policy refusal into a polite message instead of an error", async () => {
    const registry = new CardActionRegistry().register("retro.close", async () => {
      throw forbidden("Only facilitators and champions can close a retro.");
    });

    const { response } = await invoke(registry, invokeActivity("retro.close"));

    expect(response?.body).toMatchObject({
      type: "application/vnd.microsoft.activity.message",
      value: "Only facilitators and champions can close a retro.",
    });
  });

  it("answers a generic error without internals when a handler fails unexpectedly", async () => {
    const registry = new CardActionRegistry().register("retro.close", async () => {
      throw new Error("table storage exploded at row 42");
    });

    const { response } = await invoke(registry, invokeActivity("retro.close"));

    expect(response?.body).toEqual({
      statusCode: 500,
      type: "application/vnd.microsoft.error",
      value: { code: "InternalError", message: cardActionFailedMessage },
    });
  });

  it("answers 400 for a verb nobody registered", async () => {
    const { response } = await invoke(new CardActionRegistry(), invokeActivity("nope.nothing"));

    expect(response?.status).toBe(400);
    expect(response?.body).toMatchObject({ type: "application/vnd.microsoft.error" });
  });

  it("refuses to run a handler when the activity names no usable person", async () => {
    const { calls, handler } = recordingHandler({ message: "ok" });
    const registry = new CardActionRegistry().register("retro.vote", handler);

    const { response } = await invoke(
      registry,
      invokeActivity("retro.vote", {}, { from: { id: "29:anon", name: "Someone" } }),
    );

    expect(response?.status).toBe(401);
    expect(calls).toHaveLength(0);
  });

  it("posts a new card into the conversation when the handler asks to", async () => {
    const registry = new CardActionRegistry().register("retro.close", async ({ post }) => {
      await post(card("summary"));
      return { card: card("closed") };
    });

    const { posted, response } = await invoke(registry, invokeActivity("retro.close"));

    expect(response?.status).toBe(200);
    expect(JSON.stringify(posted[0]?.attachments?.[0]?.content)).toContain("summary");
  });

  it("refuses to register the same verb twice", () => {
    const registry = new CardActionRegistry().register(
      "retro.vote",
      recordingHandler({ message: "" }).handler,
    );

    expect(() =>
      registry.register("retro.vote", recordingHandler({ message: "" }).handler),
    ).toThrow(/twice/);
  });
});
