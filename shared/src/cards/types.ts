/**
 * The slice of the Adaptive Card schema our builders emit. Kept deliberately small: a card
 * builder that needs a new element adds it here, so every card stays within what Teams renders.
 */
export type CardTextSize = "small" | "default" | "medium" | "large" | "extraLarge";
export type CardTextWeight = "lighter" | "default" | "bolder";
export type CardSpacing = "none" | "small" | "default" | "medium" | "large" | "extraLarge";

export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap?: boolean;
  size?: CardTextSize;
  weight?: CardTextWeight;
  isSubtle?: boolean;
  spacing?: CardSpacing;
  style?: "default" | "heading";
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet {
  type: "FactSet";
  facts: Fact[];
  spacing?: CardSpacing;
}

export interface Container {
  type: "Container";
  items: CardElement[];
  style?: "default" | "emphasis" | "accent" | "good" | "attention" | "warning";
  spacing?: CardSpacing;
}

export type CardElement = TextBlock | FactSet | Container;

export interface OpenUrlAction {
  type: "Action.OpenUrl";
  title: string;
  url: string;
}

export type CardAction = OpenUrlAction;

/** An Adaptive Card 1.5 (the version Teams renders on desktop, web and mobile). */
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  version: "1.5";
  body: CardElement[];
  actions?: CardAction[];
  /** Teams-only: let the card use the full width of the message column. */
  msteams?: { width: "Full" };
}

/** The Bot Framework attachment content type of an Adaptive Card. */
export const adaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

/** Teams refuses messages over about 100 KB; we keep each card under 80 KB to leave headroom. */
export const maxCardBytes = 80 * 1024;
