import type { CommunityRole } from "@practice-hub/shared";
import type { CommunityMembershipEntity } from "../store";
import { championKeeper } from "./championKeeper";

function memberFactory(
  userId: string,
  roles: CommunityRole[],
  leftTeamAt: string | null = null,
): CommunityMembershipEntity {
  return { userId, displayName: userId, roles, leftTeamAt, etag: `etag-${userId}` };
}

const left = "2026-03-01T10:00:00.000Z";

describe("championKeeper", () => {
  it("refuses to demote the only champion in the team", () => {
    const members = [memberFactory("ana", ["champion"]), memberFactory("ben", ["member"])];

    expect(championKeeper({ members, userId: "ana", next: null }).kind).toBe("lastChampion");
    expect(
      championKeeper({ members, userId: "ana", next: { roles: ["member"], leftTeamAt: null } })
        .kind,
    ).toBe("lastChampion");
  });

  it("does not count a champion who left the team as the other champion", () => {
    const members = [memberFactory("ana", ["champion"]), memberFactory("ben", ["champion"], left)];

    expect(championKeeper({ members, userId: "ana", next: null }).kind).toBe("lastChampion");
  });

  it("lets a champion go while another is in the team, writing the roster", () => {
    const members = [memberFactory("ana", ["champion"]), memberFactory("ben", ["champion"])];

    expect(championKeeper({ members, userId: "ana", next: null })).toEqual({
      kind: "safe",
      rosterChange: true,
      remove: [],
    });
  });

  it("retires a champion kept after leaving when someone else is named", () => {
    const members = [memberFactory("ana", ["champion"], left), memberFactory("ben", ["member"])];

    expect(
      championKeeper({
        members,
        userId: "ben",
        next: { roles: ["member", "champion"], leftTeamAt: null },
      }),
    ).toEqual({ kind: "safe", rosterChange: true, remove: ["ana"] });
  });

  it("involves nobody else when champions stay as they are", () => {
    const members = [memberFactory("ana", ["champion"]), memberFactory("ben", ["member"])];

    expect(
      championKeeper({
        members,
        userId: "ana",
        next: { roles: ["champion", "curator"], leftTeamAt: null },
      }),
    ).toEqual({ kind: "safe", rosterChange: false, remove: [] });
  });
});
