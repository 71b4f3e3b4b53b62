export * from "./zones";
export * from "./limits";
export * from "./recurrence";
export * from "./exceptions";
export * from "./rotation";
export * from "./catalogue";
export * from "./protectedTime";
export * from "./ics";
