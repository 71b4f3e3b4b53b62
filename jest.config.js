/**
 * One Jest run for the whole repo. Unit tests live beside their code; cross-package tests
 * (integration against Azurite, end-to-end in Chromium) live in tests/ and get a longer timeout.
 */
const transform = {
  "^.+\\.(t|j)sx?$": [
    "@swc/jest",
    { jsc: { target: "es2022", transform: { react: { runtime: "automatic" } } } },
  ],
};
const moduleNameMapper = { "^@practice-hub/shared$": "<rootDir>/shared/src/index.ts" };
const common = { transform, moduleNameMapper, testEnvironment: "node", rootDir: __dirname };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/{shared,bot,tab}/src/**/*.test.{ts,tsx}"],
    },
    {
      ...common,
      displayName: "integration",
      testMatch: ["<rootDir>/tests/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "/dist/"],
      slowTestThreshold: 60,
      setupFilesAfterEnv: ["<rootDir>/tests/support/longTimeout.ts"],
    },
  ],
};
