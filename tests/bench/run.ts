/**
 * `npm run bench`: runs every tests/bench/*.bench.ts in one Jest process, one after another, so
 * benchmarks do not compete for the CPU. Extra arguments are passed to Jest (e.g. a file name).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");
const jest = path.join(root, "node_modules", ".bin", "jest");
const result = spawnSync(
  jest,
  [
    "--config",
    path.join(root, "tests", "bench", "jest.config.js"),
    "--runInBand",
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, TZ: "UTC" } },
);
process.exitCode = result.status ?? 1;
