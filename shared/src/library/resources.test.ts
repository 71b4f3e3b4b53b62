import { resourceSuggestionSchema } from "./resources";

function suggestion(overrides: Record<string, unknown> = {}) {
  return {
    section: "reading",
    title: "Continuous discovery",
    url: "https://example.com/discovery",
    why: "A practical weekly habit.",
    tags: ["Discovery "],
    ...overrides,
  };
}

describe("resourceSuggestionSchema", () => {
  it("accepts a suggestion and lower-cases its tags", () => {
    expect(resourceSuggestionSchema.parse(suggestion()).tags).toEqual(["discovery"]);
  });

  it("refuses links that are not web addresses", () => {
    const result = resourceSuggestionSchema.safeParse(suggestion({ url: "javascript:alert(1)" }));

    expect(result.success).toBe(false);
  });

  it("refuses a tag with a comma, since tags are stored comma-joined", () => {
    const result = resourceSuggestionSchema.safeParse(suggestion({ tags: ["discovery,delivery"] }));

    expect(result.success).toBe(false);
  });

  it("refuses a section that does not exist", () => {
    expect(resourceSuggestionSchema.safeParse(suggestion({ section: "gossip" })).success).toBe(
      false,
    );
  });
});
