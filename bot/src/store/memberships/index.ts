export type * from "./types";
export { createMembershipRepository } from "./repository";
