import { appendPage, pageQuery } from "./paging";

const idOf = (item: { id: string }) => item.id;

describe("appendPage", () => {
  it("adds the new items of a later page after those shown", () => {
    expect(appendPage([{ id: "a" }], [{ id: "b" }, { id: "c" }], idOf)).toEqual([
      { id: "a" },
      { id: "b" },
      { id: "c" },
    ]);
  });

  it("keeps an item already shown in its place, in its version from the later page", () => {
    const shown = [
      { id: "a", v: 1 },
      { id: "b", v: 1 },
    ];

    expect(
      appendPage(
        shown,
        [
          { id: "a", v: 2 },
          { id: "c", v: 1 },
        ],
        idOf,
      ),
    ).toEqual([
      { id: "a", v: 2 },
      { id: "b", v: 1 },
      { id: "c", v: 1 },
    ]);
  });
});

describe("pageQuery", () => {
  it("asks for the first page without a cursor, and names the cursor and size when given", () => {
    expect(pageQuery(null)).toBe("");
    expect(pageQuery("abc_-")).toBe("?cursor=abc_-");
    expect(pageQuery(null, 200)).toBe("?limit=200");
    expect(pageQuery("abc", 10)).toBe("?cursor=abc&limit=10");
  });
});
