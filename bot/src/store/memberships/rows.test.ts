import { memberIndexKey, nameKey } from "./rows";

describe("the member index's name keys", () => {
  it("sort names as people read them, whatever the case and accents", () => {
    const names = ["anna", "Ann Smith", "Ann", "Émile", "eve", "Zoë", "ann-marie"];
    const sorted = [...names].sort((a, b) =>
      memberIndexKey("c", a, "u") < memberIndexKey("c", b, "u") ? -1 : 1,
    );

    expect(sorted).toEqual(["Ann", "Ann Smith", "ann-marie", "anna", "Émile", "eve", "Zoë"]);
  });

  it("make the key of a name's start a prefix of the name's key", () => {
    expect(nameKey("Ben Member").startsWith(nameKey("ben m"))).toBe(true);
    expect(nameKey("O'Brien").startsWith(nameKey("o'b"))).toBe(true);
  });

  it("spell characters that Table Storage keys forbid, and stay short", () => {
    const key = nameKey(`a/b\\c#d?e${"x".repeat(200)}`);

    expect(key).not.toMatch(/[/\\#?]/);
    expect(key.length).toBeLessThanOrEqual(60);
  });
});
