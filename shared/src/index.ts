export * from "./validations";
export * from "./time";
export * from "./identity";
export * from "./canvas";
export * from "./api";
export * from "./cards";
