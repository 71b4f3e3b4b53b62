import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { packageApp } from "../../bot/src/local/packageApp";

const rootDir = path.resolve(__dirname, "../..");
const envDir = path.join(rootDir, "tests", "fixtures", "env");

/**
 * The Agents Toolkit CLI, an optional dependency of the tests workspace: its keytar needs
 * libsecret (`apt-get install -y libsecret-1-dev` before `npm ci`, as .ci/run does).
 */
function atkBin(): string {
  const bin = path.join(rootDir, "node_modules", ".bin", "atk");
  if (!existsSync(bin)) {
    throw new Error(
      "The Agents Toolkit CLI is not installed: install libsecret-1-dev (apt-get install -y " +
        "libsecret-1-dev), then run npm ci again.",
    );
  }
  return bin;
}

/**
 * As root on Linux (CI), the CLI runs in a network namespace of its own with no interfaces, so a
 * pass proves the validation needs no network; elsewhere it runs as it is.
 */
function offline(command: string, args: string[]): [string, string[]] {
  const isolate = process.platform === "linux" && process.getuid?.() === 0;
  return isolate ? ["unshare", ["--net", command, ...args]] : [command, args];
}

/** `atk validate --manifest-file <file>`: its exit code and everything it printed. */
async function atkValidate(manifestPath: string): Promise<{ code: number; output: string }> {
  const [command, args] = offline(atkBin(), [
    "validate",
    "--manifest-file",
    manifestPath,
    "--telemetry",
    "false",
  ]);
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, {
      cwd: rootDir,
      // No prompts, no colours to strip.
      env: { ...process.env, CI: "true", NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

/** A manifest beside its icons in a folder of its own, as in the package. */
function writeManifest(manifest: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "practice-hub-manifest-"));
  for (const icon of ["color.png", "outline.png"]) {
    copyFileSync(path.join(rootDir, "appPackage", icon), path.join(dir, icon));
  }
  const manifestPath = path.join(dir, "manifest.json");
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifestPath;
}

describe("the Agents Toolkit's own validation of the app package", () => {
  // Each run loads the whole toolkit (about half a minute here): the three run side by side.
  const results = new Map<string, Promise<{ code: number; output: string }>>();
  beforeAll(async () => {
    for (const envName of ["local", "dev"]) {
      const { manifestPath } = await packageApp({ envName, rootDir, envDir });
      results.set(envName, atkValidate(manifestPath));
    }
    const { manifest } = await packageApp({ envName: "local", rootDir, envDir });
    results.set("broken", atkValidate(writeManifest({ ...manifest, accentColor: "teal" })));
    await Promise.all(results.values());
  }, 300_000);

  it.each(["local", "dev"])(
    "accepts the %s manifest, offline, against the schema and Microsoft's validation rules",
    async (envName) => {
      const result = await results.get(envName);

      expect(result?.output).toContain("All passed");
      expect(result?.output).not.toMatch(/failed/i);
      expect(result?.code).toBe(0);
    },
  );

  it("refuses a manifest with a wrong accent colour, naming the field", async () => {
    const result = await results.get("broken");

    expect(result?.code).not.toBe(0);
    expect(result?.output).toContain("/accentColor");
  });
});
