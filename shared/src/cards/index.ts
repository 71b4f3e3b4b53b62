export * from "./types";
export * from "./escapeCardText";
export * from "./welcomeCard";
export * from "./helpCard";
