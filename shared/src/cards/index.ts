export * from "./types";
export * from "./escapeCardText";
export * from "./welcomeCard";
export * from "./helpCard";
export * from "./digestCard";
export * from "./retroCard";
export * from "./ritualReminderCard";
