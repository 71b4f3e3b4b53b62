import type { CommunityRole, TenantRole } from "@practice-hub/shared";
import { allowedActions } from "./allowedActions";
import { authorize, can, type Viewer } from "./index";

function viewerFactory(props: {
  communityRoles?: Record<string, CommunityRole[]>;
  tenantRoles?: TenantRole[];
}): Viewer {
  return {
    actor: {
      tenantId: "00000000-0000-4000-8000-000000000001",
      userId: "someone",
      displayName: "Some One",
    },
    roles: {
      tenantRoles: props.tenantRoles ?? [],
      communities: Object.entries(props.communityRoles ?? {}).map(([communityId, roles]) => ({
        communityId,
        roles,
      })),
    },
  };
}

const canvas = { kind: "canvas", communityId: "pm" } as const;

describe("policies", () => {
  it("lets a member read the canvas but not edit or review it", () => {
    const member = viewerFactory({ communityRoles: { pm: ["member"] } });
    expect(allowedActions(member, "canvas", "pm")).toEqual(["read"]);
  });

  it("lets a champion read, edit and review the canvas", () => {
    const champion = viewerFactory({ communityRoles: { pm: ["member", "champion"] } });
    expect(allowedActions(champion, "canvas", "pm")).toEqual(["read", "update", "review"]);
  });

  it("lets a head of profession read any community of the tenant without editing it", () => {
    const head = viewerFactory({ tenantRoles: ["headOfProfession"] });
    expect(allowedActions(head, "canvas", "pm")).toEqual(["read"]);
    expect(can(head, "read", { kind: "community", communityId: "other" })).toBe(true);
  });

  it("gives a person without a role in the community nothing", () => {
    const stranger = viewerFactory({ communityRoles: { design: ["champion"] } });
    expect(allowedActions(stranger, "canvas", "pm")).toEqual([]);
  });

  it("throws a 403 app error when the action is not allowed", () => {
    const member = viewerFactory({ communityRoles: { pm: ["member"] } });
    expect(() => authorize(member, "update", canvas)).toThrow(
      expect.objectContaining({ status: 403, code: "forbidden" }),
    );
  });

  it("lets anyone signed in create a community in their tenant", () => {
    expect(can(viewerFactory({}), "create", { kind: "tenant" })).toBe(true);
  });

  it("lets a person read and change their own settings, nobody else's, without any role", () => {
    const someone = viewerFactory({});
    const own = { kind: "person", userId: "someone" } as const;
    expect([can(someone, "read", own), can(someone, "update", own)]).toEqual([true, true]);
    expect(can(someone, "read", { ...own, userId: "somebody-else" })).toBe(false);
    expect(can(someone, "manage", own)).toBe(false);
  });

  it("does not treat curators as editors of the canvas", () => {
    const curator = viewerFactory({ communityRoles: { pm: ["member", "curator"] } });
    expect(can(curator, "update", canvas)).toBe(false);
  });
});

describe("retro policies", () => {
  const retro = { kind: "retro", communityId: "pm" } as const;

  it("lets any member contribute to a retro but only champions and facilitators run it", () => {
    const member = viewerFactory({ communityRoles: { pm: ["member"] } });
    const facilitator = viewerFactory({ communityRoles: { pm: ["member", "facilitator"] } });

    expect(can(member, "contribute", retro)).toBe(true);
    expect(can(member, "facilitate", retro)).toBe(false);
    expect(can(facilitator, "facilitate", retro)).toBe(true);
  });

  it("keeps people outside the community and heads of profession out of retro entries", () => {
    const head = viewerFactory({ tenantRoles: ["headOfProfession"] });

    expect(can(head, "read", retro)).toBe(true);
    expect(can(head, "contribute", retro)).toBe(false);
  });

  it("lets moderators and champions hide entries, not facilitators", () => {
    expect(can(viewerFactory({ communityRoles: { pm: ["moderator"] } }), "moderate", retro)).toBe(
      true,
    );
    expect(can(viewerFactory({ communityRoles: { pm: ["facilitator"] } }), "moderate", retro)).toBe(
      false,
    );
  });

  it("lets an action's owner track it and refuses other members", () => {
    const action = { kind: "retroAction", communityId: "pm", ownerId: "someone" } as const;
    const otherOwner = { ...action, ownerId: "somebody-else" };
    const member = viewerFactory({ communityRoles: { pm: ["member"] } });

    expect(can(member, "track", action)).toBe(true);
    expect(can(member, "track", otherOwner)).toBe(false);
    expect(() => authorize(member, "track", otherOwner)).toThrow(/owner/);
  });
});

describe("library, people and digest policies", () => {
  const library = { kind: "library", communityId: "pm" } as const;

  it("lets any member suggest to the library but only curators and champions curate", () => {
    const member = viewerFactory({ communityRoles: { pm: ["member"] } });
    const curator = viewerFactory({ communityRoles: { pm: ["member", "curator"] } });
    const champion = viewerFactory({ communityRoles: { pm: ["champion"] } });

    expect([can(member, "suggest", library), can(member, "curate", library)]).toEqual([
      true,
      false,
    ]);
    expect(can(curator, "curate", library)).toBe(true);
    expect(can(champion, "curate", library)).toBe(true);
  });

  it("lets a head of profession read the library without suggesting or curating", () => {
    const head = viewerFactory({ tenantRoles: ["headOfProfession"] });

    expect(can(head, "read", library)).toBe(true);
    expect(can(head, "suggest", library)).toBe(false);
    expect(can(head, "curate", library)).toBe(false);
  });

  it("lets only champions manage people and post the members' digest", () => {
    const curator = viewerFactory({ communityRoles: { pm: ["curator"] } });
    const champion = viewerFactory({ communityRoles: { pm: ["champion"] } });
    const people = { kind: "people", communityId: "pm" } as const;
    const digest = { kind: "digest", communityId: "pm" } as const;

    expect([can(curator, "manage", people), can(curator, "send", digest)]).toEqual([false, false]);
    expect([can(champion, "manage", people), can(champion, "send", digest)]).toEqual([true, true]);
  });
});

describe("ritual calendar policies", () => {
  const ritual = { kind: "ritual", communityId: "pm" } as const;

  it("lets champions change the calendar and members answer and volunteer", () => {
    const member = viewerFactory({ communityRoles: { pm: ["member"] } });
    const champion = viewerFactory({ communityRoles: { pm: ["member", "champion"] } });
    expect([can(member, "schedule", ritual), can(member, "participate", ritual)]).toEqual([
      false,
      true,
    ]);
    expect(can(champion, "schedule", ritual)).toBe(true);
  });

  it("lets the session's facilitator or a champion record attendance, nobody else", () => {
    const member = viewerFactory({ communityRoles: { pm: ["member"] } });
    expect(can(member, "record", { ...ritual, facilitatorId: "someone" })).toBe(true);
    expect(can(member, "record", { ...ritual, facilitatorId: "another" })).toBe(false);
    const head = viewerFactory({ tenantRoles: ["headOfProfession"] });
    expect(can(head, "record", { ...ritual, facilitatorId: "someone" })).toBe(false);
  });
});

describe("channel link policies", () => {
  const channel = { kind: "channel", communityId: "pm" } as const;

  it("lets only the community's champions link it to a channel", () => {
    const champion = viewerFactory({ communityRoles: { pm: ["champion"] } });
    const facilitator = viewerFactory({ communityRoles: { pm: ["facilitator", "member"] } });
    const championElsewhere = viewerFactory({ communityRoles: { design: ["champion"] } });
    const head = viewerFactory({ tenantRoles: ["headOfProfession"] });

    expect(can(champion, "link", channel)).toBe(true);
    expect([facilitator, championElsewhere, head].map((v) => can(v, "link", channel))).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe("ritual swap policies", () => {
  const swap = (over: { facilitatorId?: string | null; requesterId?: string | null }) =>
    ({
      kind: "ritualSwap",
      communityId: "pm",
      facilitatorId: over.facilitatorId ?? null,
      requesterId: over.requesterId ?? null,
      volunteerIds: ["someone", "another"],
    }) as const;

  it("lets only the session's facilitator ask for a swap", () => {
    const member = viewerFactory({ communityRoles: { pm: ["member"] } });

    expect(can(member, "askSwap", swap({ facilitatorId: "someone" }))).toBe(true);
    expect(can(member, "askSwap", swap({ facilitatorId: "another" }))).toBe(false);
  });

  it("lets another volunteer take a swap, never the one who asked or a non-volunteer", () => {
    const member = viewerFactory({ communityRoles: { pm: ["member"] } });
    const champion = viewerFactory({ communityRoles: { pm: ["champion"] } });
    const notVolunteering = { ...swap({ requesterId: "another" }), volunteerIds: ["another"] };

    expect(can(member, "takeSwap", swap({ requesterId: "another" }))).toBe(true);
    expect(can(member, "takeSwap", swap({ requesterId: "someone" }))).toBe(false);
    expect(can(champion, "takeSwap", notVolunteering)).toBe(false);
  });
});
