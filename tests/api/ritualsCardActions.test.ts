import {
  apiPaths,
  occurrencesResponseSchema,
  ritualSchema,
  ritualVerbs,
  type AdaptiveCard,
  type Occurrence,
  type RitualInput,
} from "@practice-hub/shared";
import { registerRitualBot } from "../../bot/src/rituals/cardActions";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { createLogger } from "../../bot/src/logger";
import { createStore } from "../../bot/src/store";
import {
  CardActionRegistry,
  type CardActionAnswer,
  type CardActionHandler,
} from "../../bot/src/teams";
import { apiClient, type ApiClient } from "../support/api";
import { memberCommunityFactory } from "../support/factories";
import { startStack, type Stack } from "../support/stack";

const now = new Date("2026-03-09T12:00:00Z");
let stack: Stack;
let api: ApiClient;
/** This file's own community, cast like the demo one (see memberCommunityFactory). */
let ownCommunityId: string;
let registry: CardActionRegistry;
const handlers = new Map<string, CardActionHandler>();

beforeAll(async () => {
  stack = await startStack({ now: () => now });
  api = apiClient(stack);
  ownCommunityId = (await memberCommunityFactory(api)).id;
  const deps = {
    store: createStore(stack.storageConnectionString),
    now: () => now,
    tabUrl: "https://hub.example.com/",
  };
  registry = new CardActionRegistry();
  registerRitualBot({ cardActions: registry, deps });
  // The real registry answers TurnContexts only; this one hands the handlers to the tests.
  const capturing = {
    register: (verb: string, handler: CardActionHandler) => handlers.set(verb, handler),
  };
  registerRitualBot({ cardActions: capturing as unknown as CardActionRegistry, deps });
});

afterAll(async () => {
  await stack?.stop();
});

/** Presses a card button as a demo person, the way the Teams dispatch calls a handler. */
async function press(
  verb: string,
  as: "demo-champion" | "demo-member",
  data: Record<string, unknown>,
): Promise<CardActionAnswer> {
  const handler = handlers.get(verb);
  if (!handler) throw new Error(`no handler for ${verb}`);
  return handler({
    actor: { tenantId: demoTenantId, userId: as, displayName: as },
    data,
    conversation: { tenantId: demoTenantId, conversationId: "19:c@thread.tacv2", kind: "channel" },
    logger: createLogger(stack.config),
    post: async () => undefined,
  });
}

async function ritualWithVolunteers(): Promise<string> {
  const input: RitualInput = {
    name: `Clinic ${Math.random().toString(36).slice(2, 7)}`,
    schedule: {
      startDate: "2026-03-02",
      startTime: "09:00",
      durationMinutes: 30,
      timeZone: "Europe/London",
      recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
      until: null,
    },
  };
  const created = await api.post(apiPaths.rituals(ownCommunityId), {
    as: "demo-champion",
    body: input,
  });
  const ritual = ritualSchema.parse(created.body);
  for (const person of ["demo-champion", "demo-member"] as const) {
    await api.put(apiPaths.ritualVolunteer(ownCommunityId, ritual.id), { as: person, body: {} });
  }
  return ritual.id;
}

async function occurrenceOn(
  ritualId: string,
  date: string,
  as: "demo-champion" | "demo-member",
): Promise<Occurrence> {
  const response = await api.get(
    `${apiPaths.occurrences(ownCommunityId)}?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z`,
    { as },
  );
  const found = occurrencesResponseSchema
    .parse(response.body)
    .occurrences.find((o) => o.ritualId === ritualId && o.originalDate === date);
  if (!found) throw new Error(`no occurrence on ${date}`);
  return found;
}

function text(answer: CardActionAnswer): string {
  if (!("card" in answer)) throw new Error(`expected a card, got: ${answer.message}`);
  return JSON.stringify(answer.card satisfies AdaptiveCard);
}

describe("ritual card actions", () => {
  it("registers the RSVP and I-can't-make-it verbs", () => {
    expect(registry.verbs()).toEqual([ritualVerbs.rsvp, ritualVerbs.cantMakeIt]);
  });

  it("records an RSVP from the reminder card and answers with fresh counts", async () => {
    const ritualId = await ritualWithVolunteers();
    const data = { communityId: ownCommunityId, ritualId, date: "2026-03-16", lead: 1440 };
    await press(ritualVerbs.rsvp, "demo-member", { ...data, response: "going" });
    const answer = await press(ritualVerbs.rsvp, "demo-champion", { ...data, response: "maybe" });

    expect(text(answer)).toContain("Going (1)");
    expect(text(answer)).toContain("Maybe (1)");
  });

  it("marks the facilitator away when they can't make it, and the rotation names the next volunteer", async () => {
    const ritualId = await ritualWithVolunteers();
    // The rotation gives 16 March to the first volunteer, the champion.
    const answer = await press(ritualVerbs.cantMakeIt, "demo-champion", {
      communityId: ownCommunityId,
      ritualId,
      date: "2026-03-16",
      lead: 4320,
    });

    expect(text(answer)).toContain("the rotation now asks Ben Member");
    const ritual = await api.get<{
      rituals: { id: string; volunteers: { id: string; awayDates: string[] }[] }[];
    }>(apiPaths.rituals(ownCommunityId), { as: "demo-member" });
    const volunteers = ritual.body.rituals.find((r) => r.id === ritualId)?.volunteers;
    expect(volunteers?.find((v) => v.id === "demo-champion")?.awayDates).toEqual(["2026-03-16"]);
  });

  it("opens a swap request other volunteers see when the facilitator can't make it", async () => {
    const ritualId = await ritualWithVolunteers();
    await press(ritualVerbs.cantMakeIt, "demo-champion", {
      communityId: ownCommunityId,
      ritualId,
      date: "2026-03-16",
      lead: 4320,
    });
    const seen = await occurrenceOn(ritualId, "2026-03-16", "demo-member");
    expect(seen.swapRequestedBy?.id).toBe("demo-champion");
    expect(seen.canTakeSwap).toBe(true);
  });

  it("answers a second press of I-can't-make-it, or Teams' retry of it, without refusing", async () => {
    const ritualId = await ritualWithVolunteers();
    const data = { communityId: ownCommunityId, ritualId, date: "2026-03-16", lead: 4320 };
    await press(ritualVerbs.cantMakeIt, "demo-champion", data);

    const again = await press(ritualVerbs.cantMakeIt, "demo-champion", data);

    expect("card" in again).toBe(true);
    const seen = await occurrenceOn(ritualId, "2026-03-16", "demo-member");
    expect(seen.swapRequestedBy?.id).toBe("demo-champion");
  });

  it("refuses I-can't-make-it from someone who does not facilitate that session", async () => {
    const ritualId = await ritualWithVolunteers();
    await expect(
      press(ritualVerbs.cantMakeIt, "demo-member", {
        communityId: ownCommunityId,
        ritualId,
        date: "2026-03-16",
        lead: 4320,
      }),
    ).rejects.toMatchObject({ status: 403 });
    const seen = await occurrenceOn(ritualId, "2026-03-16", "demo-member");
    expect(seen.swapRequestedBy).toBeNull();
  });

  it("does not sign up an assigned facilitator who has stopped volunteering", async () => {
    const ritualId = await ritualWithVolunteers();
    const before = await occurrenceOn(ritualId, "2026-03-23", "demo-champion");
    await api.put(apiPaths.occurrence(ownCommunityId, ritualId, "2026-03-23"), {
      as: "demo-champion",
      body: { facilitatorId: "demo-member" },
      headers: { "if-match": before.etag },
    });
    await api.request("DELETE", apiPaths.ritualVolunteer(ownCommunityId, ritualId), {
      as: "demo-member",
    });

    await press(ritualVerbs.cantMakeIt, "demo-member", {
      communityId: ownCommunityId,
      ritualId,
      date: "2026-03-23",
      lead: 4320,
    });
    const list = await api.get<{ rituals: { id: string; volunteers: { id: string }[] }[] }>(
      apiPaths.rituals(ownCommunityId),
      { as: "demo-member" },
    );
    const volunteers = list.body.rituals.find((r) => r.id === ritualId)?.volunteers;
    expect(volunteers?.map((v) => v.id)).toEqual(["demo-champion"]);
    const seen = await occurrenceOn(ritualId, "2026-03-23", "demo-champion");
    expect(seen.swapRequestedBy?.id).toBe("demo-member");
  });

  it("names the same facilitator on the card as the calendar when an earlier session was reassigned", async () => {
    const ritualId = await ritualWithVolunteers();
    // Assigning 16 March to the member makes the rotation give 23 March to the champion.
    const before = await occurrenceOn(ritualId, "2026-03-16", "demo-champion");
    await api.put(apiPaths.occurrence(ownCommunityId, ritualId, "2026-03-16"), {
      as: "demo-champion",
      body: { facilitatorId: "demo-member" },
      headers: { "if-match": before.etag },
    });
    const shown = await occurrenceOn(ritualId, "2026-03-23", "demo-member");
    expect(shown.facilitator?.person.displayName).toBe("Ana Champion");

    const answer = await press(ritualVerbs.rsvp, "demo-member", {
      communityId: ownCommunityId,
      ritualId,
      date: "2026-03-23",
      lead: 1440,
      response: "going",
    });
    expect(text(answer)).toContain('"value":"Ana Champion"');
  });

  it("refuses an RSVP to a community the person is not a member of", async () => {
    const ritualId = await ritualWithVolunteers();
    await expect(
      press(ritualVerbs.rsvp, "demo-member", {
        communityId: "service-design",
        ritualId,
        date: "2026-03-16",
        lead: 15,
        response: "going",
      }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
