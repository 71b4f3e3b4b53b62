import { TableClient } from "@azure/data-tables";
import {
  apiPaths,
  retroSchema,
  retroVerbs,
  type AdaptiveCard,
  type CardElement,
  type Retro,
} from "@practice-hub/shared";
import { createHash, createHmac } from "node:crypto";
import pino from "pino";
import { registerRetroBot } from "../../bot/src/retros/cardActions";
import { demoIdentities, demoTenantId } from "../../bot/src/local/demoIdentities";
import { createStore, tableNames } from "../../bot/src/store";
import {
  ChatCommandRegistry,
  type CardActionAnswer,
  type CardActionHandler,
  type CardActionRegistry,
} from "../../bot/src/teams";
import { apiClient, type ApiClient } from "../support/api";
import { memberCommunityFactory } from "../support/factories";
import { entryRequestFactory, retroClock, retroFactory } from "../support/retroFactories";
import { startStack, type DemoPerson, type Stack } from "../support/stack";

// Submission keys make a repeat harmless: the same person sending the same submission stores one
// entry, whoever else happens to send the same key, and the channel's card carries a key for each
// time it is built, so a double click on it is one entry too.
const clock = retroClock();
let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;
const handlers = new Map<string, CardActionHandler>();

beforeAll(async () => {
  stack = await startStack({ now: clock.now, extraConfig: { JOBS_ENABLED: false } });
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
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
    deps: {
      store: createStore(stack.storageConnectionString),
      now: clock.now,
      tabUrl: "http://hub.example/",
      notifier: null,
      logger: pino({ level: "silent" }),
      submissionKeySecret: stack.config.SUBMISSION_KEY_SECRET,
    },
  });
});

afterAll(async () => {
  await stack?.stop();
});

let presses = 0;

/** Presses a card button as a demo person; every press is a new invoke, as in Teams. */
function press(verb: string, as: DemoPerson, data: Record<string, unknown>) {
  const handler = handlers.get(verb);
  if (!handler) throw new Error(`no handler for ${verb}`);
  presses += 1;
  return handler({
    actor: { tenantId: demoTenantId, userId: as, displayName: as },
    data,
    activityId: `invoke-${presses}`,
    conversation: { tenantId: demoTenantId, conversationId: "19:c@thread.tacv2", kind: "channel" },
    logger: pino({ level: "silent" }),
    post: async () => undefined,
  });
}

function cardOf(answer: CardActionAnswer): AdaptiveCard {
  if (!("card" in answer)) throw new Error(`expected a card, got: ${answer.message}`);
  return answer.card;
}

/** The data the card's "Add entry" button sends, before Teams adds the inputs. */
function addEntryData(card: AdaptiveCard): Record<string, unknown> {
  const actions = card.body.flatMap((element: CardElement) =>
    element.type === "ActionSet" ? element.actions : [],
  );
  const add = actions.find((a) => a.type === "Action.Execute" && a.verb === retroVerbs.addEntry);
  if (!add || add.type !== "Action.Execute" || !add.data) throw new Error("no Add entry button");
  return add.data;
}

/** The channel's card as Teams' refresh shows it to `as`. */
async function cardSeenBy(retro: Retro, as: DemoPerson) {
  return cardOf(
    await press(retroVerbs.refresh, as, { communityId: ownCommunityId, retroId: retro.id }),
  );
}

/** Fills in the card's form and presses Add entry. */
function addOnCard(card: AdaptiveCard, as: DemoPerson, text = "Too many status meetings") {
  return press(retroVerbs.addEntry, as, {
    ...addEntryData(card),
    promptId: "drop",
    text,
    visibility: "anonymous",
  });
}

async function dropCount(retro: Retro): Promise<number> {
  const response = await api.get(apiPaths.retro(ownCommunityId, retro.id), { as: "demo-member" });
  return retroSchema.parse(response.body).counts["drop"] ?? 0;
}

/** The ids of the retro's stored entries, from their RowKeys (`r|<retroId>|e|<entryId>`). */
async function storedEntryIds(retro: Retro): Promise<string[]> {
  const table = TableClient.fromConnectionString(stack.storageConnectionString, tableNames.retros, {
    allowInsecureConnection: true,
  });
  const prefix = `r|${retro.id}|e|`;
  const ids: string[] = [];
  for await (const row of table.listEntities({
    queryOptions: { filter: `PartitionKey eq '${demoTenantId}__${ownCommunityId}'` },
  })) {
    if (row.rowKey?.startsWith(prefix)) ids.push(row.rowKey.slice(prefix.length));
  }
  return ids;
}

function addFromTab(retro: Retro, as: DemoPerson, submissionKey: string) {
  return api.post(`${apiPaths.retro(ownCommunityId, retro.id)}/entries`, {
    as,
    body: entryRequestFactory({ promptId: "drop", submissionKey }),
  });
}

describe("submission keys of retro entries", () => {
  it("store an entry for each of two people who happen to send the same key", async () => {
    const retro = await retroFactory(api, ownCommunityId);

    const member = await addFromTab(retro, "demo-member", "the-same-key-0001");
    const champion = await addFromTab(retro, "demo-champion", "the-same-key-0001");

    expect([member.status, champion.status]).toEqual([201, 201]);
    expect(await dropCount(retro)).toBe(2);
  });

  it("store one entry when the same person sends their key again", async () => {
    const retro = await retroFactory(api, ownCommunityId);

    const first = await addFromTab(retro, "demo-member", "my-own-key-0001");
    const again = await addFromTab(retro, "demo-member", "my-own-key-0001");

    expect([first.status, again.status]).toEqual([201, 200]);
    expect(await dropCount(retro)).toBe(1);
  });

  it("keep the author of an anonymous entry out of its id without the server's secret", async () => {
    const retro = await retroFactory(api, ownCommunityId);
    const submissionKey = "anonymous-key-0001";

    await addFromTab(retro, "demo-member", submissionKey);

    const [stored] = await storedEntryIds(retro);
    const join = (...parts: string[]) => parts.join("\u0000");
    const guesses = demoIdentities.flatMap((person) => [
      createHash("sha256")
        .update(join(retro.id, person.id, submissionKey))
        .digest("hex"),
      createHash("sha256")
        .update(join(retro.id, submissionKey, person.id))
        .digest("hex"),
    ]);
    guesses.push(createHash("sha256").update(join(retro.id, submissionKey)).digest("hex"));
    expect(guesses.map((guess) => guess.slice(0, 32))).not.toContain(stored);
    // Only the server's secret ties it to its author.
    const keyed = createHmac("sha256", stack.config.SUBMISSION_KEY_SECRET)
      .update(join(retro.id, "demo-member", submissionKey))
      .digest("hex");
    expect(keyed.slice(0, 32)).toBe(stored);
  });
});

describe("Add entry on the channel's card", () => {
  it("stores one entry when the same card is submitted twice, and another from the next card", async () => {
    const retro = await retroFactory(api, ownCommunityId);
    const card = await cardSeenBy(retro, "demo-member");

    const [first] = await Promise.all([
      addOnCard(card, "demo-member"),
      addOnCard(card, "demo-member"),
    ]);
    const afterDoubleClick = await dropCount(retro);
    await addOnCard(cardOf(first), "demo-member");

    expect(afterDoubleClick).toBe(1);
    expect(await dropCount(retro)).toBe(2);
  });

  it("stores an entry for each person who adds the same words on the same card", async () => {
    const retro = await retroFactory(api, ownCommunityId);
    const posted = await cardSeenBy(retro, "demo-champion");

    await Promise.all([addOnCard(posted, "demo-member"), addOnCard(posted, "demo-champion")]);

    expect(await dropCount(retro)).toBe(2);
  });

  it("stores other words sent from the same card as another entry", async () => {
    const retro = await retroFactory(api, ownCommunityId);
    const card = await cardSeenBy(retro, "demo-member");

    await addOnCard(card, "demo-member", "Too many status meetings");
    await addOnCard(card, "demo-member", "Nobody reads the handbook");

    expect(await dropCount(retro)).toBe(2);
  });
});
