export * from "./sections";
export * from "./review";
