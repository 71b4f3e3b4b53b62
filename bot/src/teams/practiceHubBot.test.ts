import type { Activity, Attachment } from "botbuilder";
import { TestAdapter } from "botbuilder";
import pino from "pino";
import type {
  ConversationReferenceStore,
  StoredConversationReference,
} from "./conversationReferences";
import { PracticeHubBot } from "./practiceHubBot";

const tenantId = "tenant-1";
const botAccount = { id: "28:bot-id", name: "Practice Hub" };

function memoryStore(): ConversationReferenceStore & { saved: StoredConversationReference[] } {
  const saved: StoredConversationReference[] = [];
  return {
    saved,
    async save(record) {
      saved.push(record);
    },
    async find({ tenantId: tenant, conversationId }) {
      return (
        saved.findLast((r) => r.tenantId === tenant && r.conversationId === conversationId) ?? null
      );
    },
    async listForTenant({ tenantId: tenant }) {
      return saved.filter((r) => r.tenantId === tenant);
    },
  };
}

function personalActivity(overrides: Partial<Activity> = {}): Partial<Activity> {
  return {
    channelId: "msteams",
    serviceUrl: "https://smba.example/emea/",
    from: { id: "29:user", name: "Ana Champion", aadObjectId: "aad-ana" },
    recipient: botAccount,
    conversation: {
      id: "a:personal-1",
      conversationType: "personal",
      tenantId,
      isGroup: false,
      name: "",
    },
    channelData: { tenant: { id: tenantId } },
    ...overrides,
  };
}

function channelActivity(overrides: Partial<Activity> = {}): Partial<Activity> {
  return {
    channelId: "msteams",
    serviceUrl: "https://smba.example/emea/",
    from: { id: "29:user", name: "Ana Champion", aadObjectId: "aad-ana" },
    recipient: botAccount,
    conversation: {
      id: "19:general@thread.tacv2",
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

function setup() {
  const store = memoryStore();
  const bot = new PracticeHubBot({
    conversationReferences: store,
    tabUrl: "https://hub.example.com/",
    logger: pino({ level: "silent" }),
    now: () => new Date("2026-11-02T09:00:00.000Z"),
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  return { store, adapter };
}

async function repliesTo(
  adapter: TestAdapter,
  activity: Partial<Activity>,
): Promise<Partial<Activity>[]> {
  await adapter.processActivity(activity);
  const replies: Partial<Activity>[] = [];
  while (adapter.activeQueue.length > 0) {
    const reply = adapter.activeQueue.shift();
    if (reply) replies.push(reply);
  }
  return replies;
}

function cardText(reply: Partial<Activity> | undefined): string {
  const attachment: Attachment | undefined = reply?.attachments?.[0];
  expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
  return JSON.stringify(attachment?.content);
}

describe("PracticeHubBot", () => {
  it("welcomes the person with a card when installed in a personal chat", async () => {
    const { adapter } = setup();

    const replies = await repliesTo(
      adapter,
      personalActivity({ type: "installationUpdate", action: "add" }),
    );

    expect(replies).toHaveLength(1);
    expect(cardText(replies[0])).toContain("Welcome to Practice Hub");
    expect(cardText(replies[0])).toContain("https://hub.example.com/");
  });

  it("stores the personal conversation with its tenant and person on install", async () => {
    const { adapter, store } = setup();

    await repliesTo(adapter, personalActivity({ type: "installationUpdate", action: "add" }));

    expect(store.saved).toEqual([
      expect.objectContaining({
        tenantId,
        conversationId: "a:personal-1",
        kind: "personal",
        aadObjectId: "aad-ana",
        serviceUrl: "https://smba.example/emea/",
        updatedAt: "2026-11-02T09:00:00.000Z",
      }),
    ]);
    expect(JSON.parse(store.saved[0]?.reference ?? "{}")).toMatchObject({
      conversation: { id: "a:personal-1" },
      bot: botAccount,
    });
  });

  it("does not welcome again when an app update is accepted", async () => {
    const { adapter, store } = setup();

    const replies = await repliesTo(
      adapter,
      personalActivity({ type: "installationUpdate", action: "add-upgrade" }),
    );

    expect(replies).toEqual([]);
    expect(store.saved).toHaveLength(1);
  });

  it("stores the team, channel and tenant when added to a team, taking the tenant from channelData", async () => {
    const { adapter, store } = setup();

    const replies = await repliesTo(
      adapter,
      channelActivity({ type: "conversationUpdate", membersAdded: [botAccount] }),
    );

    expect(replies).toEqual([]);
    expect(store.saved).toEqual([
      expect.objectContaining({
        tenantId,
        conversationId: "19:general@thread.tacv2",
        kind: "channel",
        teamId: "19:general@thread.tacv2",
        channelId: "19:general@thread.tacv2",
      }),
    ]);
    expect(store.saved[0]).not.toHaveProperty("aadObjectId");
  });

  it("welcomes a team with the mention hint when installed there", async () => {
    const { adapter } = setup();

    const replies = await repliesTo(
      adapter,
      channelActivity({ type: "installationUpdate", action: "add" }),
    );

    expect(cardText(replies[0])).toContain("Mention me with **help**");
  });

  it("answers help with the help card", async () => {
    const { adapter } = setup();

    const replies = await repliesTo(adapter, personalActivity({ type: "message", text: " Help " }));

    expect(replies).toHaveLength(1);
    expect(cardText(replies[0])).toContain("What I can do");
  });

  it("answers help in a channel once the mention of the bot is removed", async () => {
    const { adapter } = setup();

    const replies = await repliesTo(
      adapter,
      channelActivity({
        type: "message",
        text: "<at>Practice Hub</at> help",
        entities: [
          {
            type: "mention",
            mentioned: botAccount,
            text: "<at>Practice Hub</at>",
          },
        ],
      }),
    );

    expect(cardText(replies[0])).toContain("What I can do");
  });

  it("answers unknown text with a hint to type help", async () => {
    const { adapter } = setup();

    const replies = await repliesTo(adapter, personalActivity({ type: "message", text: "hello" }));

    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toBe(
      "Sorry, I didn't catch that. Type **help** to see what I can do.",
    );
  });

  it("stores nothing for an activity that names no tenant", async () => {
    const { adapter, store } = setup();

    await repliesTo(
      adapter,
      personalActivity({
        type: "installationUpdate",
        action: "add",
        conversation: { id: "a:1", conversationType: "personal", isGroup: false, name: "" },
        channelData: {},
      }),
    );

    expect(store.saved).toEqual([]);
  });
});
