import type { Activity } from "botbuilder";
import { TestAdapter } from "botbuilder";
import pino from "pino";
import { forbidden } from "../errors";
import type { ChatCommandContext } from "./chatCommands";
import { ChatCommandRegistry, parseChatCommand } from "./chatCommands";
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

function channelMessage(text: string, overrides: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: "message",
    text: `<at>Practice Hub</at> ${text}`,
    entities: [
      {
        type: "mention",
        text: "<at>Practice Hub</at>",
        mentioned: { id: "28:bot", name: "Practice Hub" },
      },
    ],
    channelId: "msteams",
    serviceUrl: "https://smba.example/emea/",
    from: { id: "29:ana", name: "Ana Champion", aadObjectId: "demo-champion" },
    recipient: { id: "28:bot", name: "Practice Hub" },
    conversation: {
      id: "19:general@thread.tacv2;messageid=1",
      conversationType: "channel",
      isGroup: true,
      name: "",
    },
    channelData: {
      tenant: { id: tenantId },
      team: { id: "19:general@thread.tacv2" },
      channel: { id: "19:general@thread.tacv2" },
    },
    ...overrides,
  };
}

async function send(commands: ChatCommandRegistry, activity: Partial<Activity>) {
  const bot = new PracticeHubBot({
    conversationReferences: noReferences(),
    tabUrl: "https://hub.example.com/",
    logger: pino({ level: "silent" }),
    chatCommands: commands,
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  await adapter.processActivity(activity);
  const replies: Partial<Activity>[] = [];
  while (adapter.activeQueue.length > 0) {
    const reply = adapter.activeQueue.shift();
    if (reply) replies.push(reply);
  }
  return replies;
}

describe("parseChatCommand", () => {
  it("reads the command name in lower case and the words after it", () => {
    expect(parseChatCommand("  Retro   pulse product-management ")).toEqual({
      name: "retro",
      args: ["pulse", "product-management"],
    });
    expect(parseChatCommand("/retro")).toEqual({ name: "retro", args: [] });
    expect(parseChatCommand("   ")).toBeNull();
  });
});

describe("ChatCommandRegistry", () => {
  it("runs the registered command with the person, the channel and the words after it", async () => {
    const calls: ChatCommandContext[] = [];
    const commands = new ChatCommandRegistry().register("retro", async (context) => {
      calls.push(context);
      await context.reply("started");
    });

    const replies = await send(commands, channelMessage("retro pulse"));

    expect(replies.map((reply) => reply.text)).toEqual(["started"]);
    expect(calls[0]?.actor).toEqual({
      tenantId,
      userId: "demo-champion",
      displayName: "Ana Champion",
    });
    expect(calls[0]?.args).toEqual(["pulse"]);
    expect(calls[0]?.conversation).toMatchObject({
      kind: "channel",
      conversationId: "19:general@thread.tacv2",
    });
  });

  it("answers a policy refusal politely in the conversation", async () => {
    const commands = new ChatCommandRegistry().register("retro", async () => {
      throw forbidden("Only a community's champions and facilitators can start a retro.");
    });

    const replies = await send(commands, channelMessage("retro"));

    expect(replies.map((reply) => reply.text)).toEqual([
      "Only a community's champions and facilitators can start a retro.",
    ]);
  });

  it("keeps answering help itself and unknown words with the hint", async () => {
    const commands = new ChatCommandRegistry().register("retro", async ({ reply }) => {
      await reply("started");
    });

    const help = await send(commands, channelMessage("help"));
    const unknown = await send(commands, channelMessage("dance"));

    expect(help[0]?.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(unknown[0]?.text).toContain("didn't catch that");
  });

  it("refuses to register a command twice", () => {
    const commands = new ChatCommandRegistry().register("retro", async () => {});

    expect(() => commands.register("retro", async () => {})).toThrow(/twice/);
  });
});
