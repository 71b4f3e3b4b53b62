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

/** A single-line or multi-line text field; its value arrives in the action's data under `id`. */
export interface InputText {
  type: "Input.Text";
  id: string;
  label?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
  isRequired?: boolean;
  errorMessage?: string;
  spacing?: CardSpacing;
}

/** A list of choices: a drop-down ("compact") or radio buttons ("expanded"). */
export interface InputChoiceSet {
  type: "Input.ChoiceSet";
  id: string;
  label?: string;
  choices: { title: string; value: string }[];
  style?: "compact" | "expanded";
  value?: string;
  isRequired?: boolean;
  errorMessage?: string;
  placeholder?: string;
  wrap?: boolean;
  spacing?: CardSpacing;
}

/** A check box; its value is `valueOn` or `valueOff`. */
export interface InputToggle {
  type: "Input.Toggle";
  id: string;
  title: string;
  label?: string;
  value?: string;
  valueOn?: string;
  valueOff?: string;
  wrap?: boolean;
  spacing?: CardSpacing;
}

/** A date picker; the value is YYYY-MM-DD. */
export interface InputDate {
  type: "Input.Date";
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
  spacing?: CardSpacing;
}

/** Buttons placed inside the body, e.g. right under the form they submit. */
export interface ActionSet {
  type: "ActionSet";
  actions: CardAction[];
  spacing?: CardSpacing;
}

export type CardElement =
  | TextBlock
  | FactSet
  | Container
  | InputText
  | InputChoiceSet
  | InputToggle
  | InputDate
  | ActionSet;

export interface OpenUrlAction {
  type: "Action.OpenUrl";
  title: string;
  url: string;
}

/**
 * Universal Actions: Teams sends an `adaptiveCard/action` invoke with `verb` and `data` (plus
 * the card's input values) to the bot, which answers with the updated card.
 */
export interface ExecuteAction {
  type: "Action.Execute";
  title: string;
  verb: string;
  data?: Record<string, string | number | boolean>;
  /** "none" sends the action without validating or collecting the card's inputs. */
  associatedInputs?: "auto" | "none";
  style?: "default" | "positive" | "destructive";
}

export type CardAction = OpenUrlAction | ExecuteAction;

/** An Adaptive Card 1.5 (the version Teams renders on desktop, web and mobile). */
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  version: "1.5";
  body: CardElement[];
  actions?: CardAction[];
  /** Universal Actions refresh: Teams asks the bot for a fresh card when someone views it. */
  refresh?: { action: ExecuteAction; userIds?: string[] };
  /** Teams-only: let the card use the full width of the message column. */
  msteams?: { width: "Full" };
}

/** The Bot Framework attachment content type of an Adaptive Card. */
export const adaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

/** Teams refuses messages over about 100 KB; we keep each card under 80 KB to leave headroom. */
export const maxCardBytes = 80 * 1024;
