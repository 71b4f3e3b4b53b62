import { communityIdFor } from "./ids";

describe("communityIdFor", () => {
  it("turns the name into a slug with the suffix", () => {
    expect(communityIdFor("Product Management", "a1b2c3")).toBe("product-management-a1b2c3");
  });

  it("drops accents and symbols that keys and URLs cannot carry", () => {
    expect(communityIdFor("Données & Recherche / Paris #1", "ff0011")).toBe(
      "donnees-recherche-paris-1-ff0011",
    );
  });

  it("falls back to a generic id for a name with no letters or digits", () => {
    expect(communityIdFor("✨✨", "abcdef")).toBe("community-abcdef");
  });
});
