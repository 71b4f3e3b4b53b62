import {
  apiPaths,
  ritualSchema,
  ritualVerbs,
  type AdaptiveCard,
  type RitualInput,
} from "@practice-hub/shared";
import { registerRitualBot } from "../../bot/src/api/rituals/ritualBot";
import { demoCommunityId, demoTenantId } from "../../bot/src/local/demoIdentities";
import { createLogger } from "../../bot/src/logger";
import { createStore } from "../../bot/src/store";
import {
  CardActionRegistry,
  type CardActionAnswer,
  type CardActionHandler,
} from "../../bot/src/teams";
import { apiClient, type ApiClient } from "../support/api";
import { startStack, type Stack } from "../support/stack";

const now = new Date("2026-03-09T12:00:00Z");
let stack: Stack;
let api: ApiClient;
let registry: CardActionRegistry;
const handlers = new Map<string, CardActionHandler>();

beforeAll(async () => {
  stack = await startStack({ now: () => now });
  api = apiClient(stack);
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
  const created = await api.post(apiPaths.rituals(demoCommunityId), {
    as: "demo-champion",
    body: input,
  });
  const ritual = ritualSchema.parse(created.body);
  for (const person of ["demo-champion", "demo-member"] as const) {
    await api.put(apiPaths.ritualVolunteer(demoCommunityId, ritual.id), { as: person, body: {} });
  }
  return ritual.id;
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
    const data = { communityId: demoCommunityId, ritualId, date: "2026-03-16", lead: 1440 };
    await press(ritualVerbs.rsvp, "demo-member", { ...data, response: "going" });
    const answer = await press(ritualVerbs.rsvp, "demo-champion", { ...data, response: "maybe" });

    expect(text(answer)).toContain("Going (1)");
    expect(text(answer)).toContain("Maybe (1)");
  });

  it("marks the facilitator away when they can't make it, and the rotation names the next volunteer", async () => {
    const ritualId = await ritualWithVolunteers();
    // The rotation gives 16 March to the first volunteer, the champion.
    const answer = await press(ritualVerbs.cantMakeIt, "demo-champion", {
      communityId: demoCommunityId,
      ritualId,
      date: "2026-03-16",
      lead: 4320,
    });

    expect(text(answer)).toContain("the rotation now asks Ben Member");
    const ritual = await api.get<{
      rituals: { id: string; volunteers: { id: string; awayDates: string[] }[] }[];
    }>(apiPaths.rituals(demoCommunityId), { as: "demo-member" });
    const volunteers = ritual.body.rituals.find((r) => r.id === ritualId)?.volunteers;
    expect(volunteers?.find((v) => v.id === "demo-champion")?.awayDates).toEqual(["2026-03-16"]);
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
