export * from "./errors";
export * from "./identity";
export * from "./communities";
export * from "./canvas";
export * from "./paths";
