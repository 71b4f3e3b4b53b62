export * from "./limits";
export * from "./formats";
export * from "./phases";
export * from "./votes";
export * from "./actions";
export * from "./summary";
