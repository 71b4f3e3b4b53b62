export type * from "./types";
export { createCanvasRepository } from "./repository";
export { isHistoryKeyOf } from "./rows";
