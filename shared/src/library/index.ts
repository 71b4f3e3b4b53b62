export * from "./resources";
export * from "./urls";
export * from "./resurfacing";
export * from "./search";
