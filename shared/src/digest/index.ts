export * from "./week";
export * from "./composer";
export * from "./schedule";
