import { actorFromClaims } from "./actor";

const tid = "00000000-0000-4000-8000-00000000d301";

describe("actorFromClaims", () => {
  it("builds the actor from tid, user id and name", () => {
    expect(actorFromClaims({ tid, userId: "abc-123", name: "Ana" })).toEqual({
      tenantId: tid,
      userId: "abc-123",
      displayName: "Ana",
    });
  });

  it("falls back to the user id when the token has no name", () => {
    expect(actorFromClaims({ tid, userId: "abc" })?.displayName).toBe("abc");
  });

  it("refuses a tenant that is not a GUID, since it becomes a partition key", () => {
    expect(actorFromClaims({ tid: "x/../y", userId: "abc" })).toBeNull();
  });

  it("refuses a user id with characters RowKeys cannot hold", () => {
    expect(actorFromClaims({ tid, userId: "a|b" })).toBeNull();
    expect(actorFromClaims({ tid, userId: "a/b" })).toBeNull();
  });
});
