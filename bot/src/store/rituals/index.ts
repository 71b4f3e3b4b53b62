export type * from "./types";
export { feedTokenHash } from "./rows";
export { createRitualRepository } from "./repository";
