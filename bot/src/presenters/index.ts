export * from "./canvas";
export * from "./community";
export * from "./me";
export * from "./retros";
