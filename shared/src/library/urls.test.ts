import { findDuplicateResource, normalizeResourceUrl } from "./urls";

function resource(url: string, id = "r1") {
  return { id, url };
}

describe("normalizeResourceUrl", () => {
  it("treats www, a trailing slash, a fragment, the scheme and tracking parameters as the same page", () => {
    expect(normalizeResourceUrl("https://www.Example.com/guide/?utm_source=x#part")).toBe(
      normalizeResourceUrl("http://example.com/guide"),
    );
  });

  it("keeps paths and meaningful query parameters apart", () => {
    expect(normalizeResourceUrl("https://example.com/guide?page=2")).not.toBe(
      normalizeResourceUrl("https://example.com/guide?page=3"),
    );
    expect(normalizeResourceUrl("https://example.com/a")).not.toBe(
      normalizeResourceUrl("https://example.com/b"),
    );
  });

  it("ignores the order of query parameters", () => {
    expect(normalizeResourceUrl("https://example.com/?b=2&a=1")).toBe(
      normalizeResourceUrl("https://example.com/?a=1&b=2"),
    );
  });
});

describe("findDuplicateResource", () => {
  it("points out the resource already in the library with the same page", () => {
    const items = [resource("https://example.com/x", "a"), resource("https://example.com/y/", "b")];

    expect(findDuplicateResource("https://www.example.com/y", items)?.id).toBe("b");
  });

  it("finds nothing for a new page", () => {
    expect(
      findDuplicateResource("https://example.com/z", [resource("https://example.com/x")]),
    ).toBe(undefined);
  });
});
