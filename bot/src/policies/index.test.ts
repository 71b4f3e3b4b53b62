import type { CommunityRole, TenantRole } from "@practice-hub/shared";
import { allowedCanvasActions, authorize, can, type Viewer } from "./index";

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
    expect(allowedCanvasActions(member, "pm")).toEqual(["read"]);
  });

  it("lets a champion read, edit and review the canvas", () => {
    const champion = viewerFactory({ communityRoles: { pm: ["member", "champion"] } });
    expect(allowedCanvasActions(champion, "pm")).toEqual(["read", "update", "review"]);
  });

  it("lets a head of profession read any community of the tenant without editing it", () => {
    const head = viewerFactory({ tenantRoles: ["headOfProfession"] });
    expect(allowedCanvasActions(head, "pm")).toEqual(["read"]);
    expect(can(head, "read", { kind: "community", communityId: "other" })).toBe(true);
  });

  it("gives a person without a role in the community nothing", () => {
    const stranger = viewerFactory({ communityRoles: { design: ["champion"] } });
    expect(allowedCanvasActions(stranger, "pm")).toEqual([]);
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

  it("does not treat curators as editors of the canvas", () => {
    const curator = viewerFactory({ communityRoles: { pm: ["member", "curator"] } });
    expect(can(curator, "update", canvas)).toBe(false);
  });
});
