export type * from "./types";
export { createDeliveryRecordRepository } from "./repository";
