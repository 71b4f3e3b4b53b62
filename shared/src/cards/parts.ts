/** Pieces every card is built from. */
import type { AdaptiveCard, CardElement } from "./types";

/** The envelope every card shares, around its own body and buttons. */
export function adaptiveCard(
  card: Omit<AdaptiveCard, "type" | "$schema" | "version">,
): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    ...card,
  };
}

/** The large heading a card opens with (`text` already escaped where it holds user text). */
export function cardTitle(text: string): CardElement {
  return { type: "TextBlock", text, style: "heading", size: "large", weight: "bolder", wrap: true };
}
