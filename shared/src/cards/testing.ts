/// <reference types="node" />
import type * as AdaptiveCards from "adaptivecards";
import type { AdaptiveCard } from "./types";

// The package's ESM build (lib/) uses extensionless imports that Node cannot load, so tests use
// its UMD bundle, which is the same object model.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require("adaptivecards/dist/adaptivecards.js") as typeof AdaptiveCards;

/**
 * Parses a card with the official Adaptive Cards object model for version 1.5 and returns every
 * parse and validation message: an empty list means Teams' renderer accepts the card as built.
 * For tests only.
 */
export function cardProblems(card: AdaptiveCard): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index++) {
    problems.push(`parse: ${context.getEventAt(index).message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validation: ${event.message}`);
  }
  return problems;
}

/** Size of the card as sent, in bytes of UTF-8 JSON. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}
