import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * `npm run stage` (run by `atk deploy`): puts what the Web App runs in .deploy/, the folder the
 * toolkit zips and deploys. That is the built service, shared package and tab, the package
 * manifests, and the runtime dependencies only: no sources, no tests, no development tools.
 */

/** The workspaces whose built output the service needs at run time, and where it is. */
const builtOutputs = ["shared/dist", "bot/dist", "tab/dist"] as const;

/** Every workspace's package.json: npm ci needs them all to match the lock file. */
const packageManifests = [
  "package.json",
  "package-lock.json",
  "shared/package.json",
  "bot/package.json",
  "tab/package.json",
  "tests/package.json",
] as const;

/** Options of stageDeploy. */
export interface StageOptions {
  /** The repository root. */
  rootDir: string;
  /** Where to stage; emptied first. */
  outDir: string;
  /** Installs the runtime dependencies in `dir`; tests replace it. */
  install?: (dir: string) => void;
}

/**
 * npm ci of the service's workspaces only (the tab is built: its React and Fluent UI packages are
 * not needed at run time), without development or optional packages or install scripts.
 */
function installRuntimeDependencies(dir: string): void {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const args = [
    "ci",
    "--omit=dev",
    "--omit=optional",
    "--ignore-scripts",
    "--no-audit",
    "--no-fund",
  ];
  execFileSync(npm, [...args, "--workspace=bot", "--workspace=shared"], {
    cwd: dir,
    stdio: "inherit",
  });
}

/** Stages the deployment; fails naming the build output that is missing. */
export function stageDeploy(options: StageOptions): void {
  for (const output of builtOutputs) {
    if (!existsSync(path.join(options.rootDir, output))) {
      throw new Error(`${output} is missing: run npm run build first.`);
    }
  }
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });
  for (const file of [...packageManifests, ...builtOutputs]) {
    const from = path.join(options.rootDir, file);
    // Source maps (served only in development), build info and compiled tests stay behind.
    cpSync(from, path.join(options.outDir, file), {
      recursive: true,
      filter: (source) => !/\.(map|tsbuildinfo)$|\.test\.(js|d\.ts)$/.test(source),
    });
  }
  (options.install ?? installRuntimeDependencies)(options.outDir);
}

if (require.main === module) {
  // From bot/dist/local, the repository root is three levels up.
  const rootDir = path.resolve(__dirname, "../../..");
  try {
    stageDeploy({ rootDir, outDir: path.join(rootDir, ".deploy") });
    console.log("Staged the deployment in .deploy/");
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
