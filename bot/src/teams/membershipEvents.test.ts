import type { Activity } from "botbuilder";
import { membershipChangeOf } from "./membershipEvents";

function conversationUpdateFactory(overrides: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: "conversationUpdate",
    recipient: { id: "28:bot", name: "Practice Hub" },
    conversation: { id: "19:general@thread.tacv2", tenantId: "tenant-1", isGroup: true, name: "" },
    channelData: { team: { id: "19:general@thread.tacv2" }, tenant: { id: "tenant-1" } },
    membersAdded: [{ id: "29:ana", name: "Ana", aadObjectId: "ana-oid" }],
    ...overrides,
  } as Partial<Activity>;
}

describe("membershipChangeOf", () => {
  it("reads who joined a team, by their Entra object id", () => {
    expect(membershipChangeOf(conversationUpdateFactory(), "joined")).toEqual({
      tenantId: "tenant-1",
      teamId: "19:general@thread.tacv2",
      change: "joined",
      people: [{ id: "ana-oid", displayName: "Ana" }],
    });
  });

  it("reads who left a team", () => {
    const activity = conversationUpdateFactory({
      membersAdded: [],
      membersRemoved: [{ id: "29:ben", name: "Ben", aadObjectId: "ben-oid" }],
    });

    expect(membershipChangeOf(activity, "left")?.people).toEqual([
      { id: "ben-oid", displayName: "Ben" },
    ]);
  });

  it("ignores the bot's own arrival", () => {
    const activity = conversationUpdateFactory({
      membersAdded: [{ id: "28:bot", name: "Practice Hub" }],
    });

    expect(membershipChangeOf(activity, "joined")).toBeNull();
  });

  it("ignores chats outside a team", () => {
    const activity = conversationUpdateFactory({ channelData: { tenant: { id: "tenant-1" } } });

    expect(membershipChangeOf(activity, "joined")).toBeNull();
  });
});
