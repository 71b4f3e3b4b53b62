export type * from "./types";
export { createRetroRepository } from "./repository";
