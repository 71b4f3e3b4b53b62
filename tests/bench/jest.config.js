/**
 * Benchmarks run with their own Jest configuration so `npm test` never picks them up: the main
 * configuration matches *.test.ts only, this one *.bench.ts only.
 */
const base = require("../../jest.config.js");
const integration = base.projects.find((project) => project.displayName === "integration");

/** @type {import('jest').Config} */
module.exports = {
  ...integration,
  displayName: "bench",
  rootDir: require("node:path").resolve(__dirname, "../.."),
  testMatch: ["<rootDir>/tests/bench/**/*.bench.ts"],
  setupFilesAfterEnv: [],
  testTimeout: 600_000,
};
