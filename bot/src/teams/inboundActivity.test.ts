import { inboundActivityRefusal } from "./inboundActivity";

const tenantId = "00000000-0000-4000-8000-0000000000a1";

function activityFactory(overrides: Record<string, unknown> = {}) {
  return {
    type: "message",
    channelId: "msteams",
    serviceUrl: "https://smba.trafficmanager.net/emea/",
    conversation: { id: "a:chat", conversationType: "personal", tenantId },
    channelData: { tenant: { id: tenantId } },
    ...overrides,
  };
}

describe("inboundActivityRefusal", () => {
  it("lets a Teams activity through in every mode", () => {
    expect(inboundActivityRefusal(activityFactory(), { teamsOnly: true })).toBeNull();
    expect(inboundActivityRefusal(activityFactory(), { teamsOnly: false })).toBeNull();
  });

  it.each([
    ["nothing", undefined],
    ["an empty object", {}],
    ["an array", [activityFactory()]],
    ["a string", "hello"],
    ["an activity without a type", activityFactory({ type: "" })],
    ["an activity without a conversation", activityFactory({ conversation: undefined })],
    ["an activity without a service URL", activityFactory({ serviceUrl: undefined })],
  ])("answers 400 with a sentence to %s", (_what, body) => {
    const refusal = inboundActivityRefusal(body, { teamsOnly: false });

    expect(refusal).toMatchObject({ status: 400, code: "bad_request" });
    expect(refusal?.message).toMatch(/^The bot endpoint takes a Bot Framework activity: .+\.$/);
  });

  it.each([
    ["conversation.tenantId", { conversation: { id: "a:chat", tenantId: "contoso" } }],
    ["channelData.tenant.id", { channelData: { tenant: { id: "../other__tenant" } } }],
    ["a tenant id that is not a string", { channelData: { tenant: { id: 42 } } }],
  ])("answers 400 to a malformed tenant in %s", (_where, overrides) => {
    const refusal = inboundActivityRefusal(activityFactory(overrides), { teamsOnly: false });

    expect(refusal).toMatchObject({ status: 400 });
    expect(refusal?.message).toContain("not a Microsoft Entra tenant id");
  });

  it.each(["webchat", "directline", "emulator", "slack"])(
    "refuses the %s channel with 403 outside local mode, and lets it in locally",
    (channelId) => {
      const body = activityFactory({ channelId });

      expect(inboundActivityRefusal(body, { teamsOnly: true })).toMatchObject({
        status: 403,
        message:
          "This bot answers Microsoft Teams only; activities from other channels are refused.",
      });
      expect(inboundActivityRefusal(body, { teamsOnly: false })).toBeNull();
    },
  );
});
