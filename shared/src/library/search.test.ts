import { filterResources, type SearchableResource } from "./search";

function resource(overrides: Partial<SearchableResource> = {}): SearchableResource {
  return {
    section: "reading",
    status: "approved",
    title: "Inspired",
    why: "How strong product teams work.",
    url: "https://example.com/inspired",
    tags: ["strategy"],
    ...overrides,
  };
}

describe("filterResources", () => {
  const items = [
    resource(),
    resource({
      title: "Roadmap template",
      section: "frameworks",
      tags: ["roadmaps"],
      why: "A one-page plan.",
    }),
    resource({ title: "Draft idea", status: "suggested", why: "Teams and roadmaps" }),
  ];

  it("matches every word of the search in any searched field", () => {
    expect(filterResources(items, { text: "teams product" }).map((r) => r.title)).toEqual([
      "Inspired",
    ]);
  });

  it("filters by section, status and tag together with the text", () => {
    expect(filterResources(items, { section: "frameworks" }).map((r) => r.title)).toEqual([
      "Roadmap template",
    ]);
    expect(filterResources(items, { status: "suggested" }).map((r) => r.title)).toEqual([
      "Draft idea",
    ]);
    expect(filterResources(items, { tag: "Roadmaps" }).map((r) => r.title)).toEqual([
      "Roadmap template",
    ]);
  });

  it("returns everything when no filter is set", () => {
    expect(filterResources(items, {})).toHaveLength(3);
  });
});
