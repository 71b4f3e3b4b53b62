export type * from "./types";
export { createLibraryRepository } from "./repository";
