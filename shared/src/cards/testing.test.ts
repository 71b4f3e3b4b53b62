import { cardProblems } from "./testing";
import type { AdaptiveCard } from "./types";

describe("cardProblems", () => {
  it("reports elements the Adaptive Cards object model does not know", () => {
    const card = {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      body: [{ type: "Banner", text: "nope" }],
    } as unknown as AdaptiveCard;

    expect(cardProblems(card)).toEqual([expect.stringContaining("Banner")]);
  });

  it("reports an action that lacks a required property", () => {
    const card = {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      body: [],
      actions: [{ type: "Action.OpenUrl", title: "Open" }],
    } as unknown as AdaptiveCard;

    expect(cardProblems(card)).toEqual([expect.stringContaining("url")]);
  });
});
