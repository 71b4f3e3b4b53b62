export type * from "./types";
export { feedTokenHash, untouchedOccurrenceRow } from "./rows";
export { createRitualRepository } from "./repository";
