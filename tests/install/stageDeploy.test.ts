import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stageDeploy } from "../../bot/src/local/stageDeploy";

/** `npm run stage` (run by `atk deploy`), with the npm ci step recorded instead of run. */
const rootDir = path.resolve(__dirname, "../..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe("staging the deployment", () => {
  it("copies the built service, shared package and tab with the package manifests, and installs there", () => {
    const outDir = path.join(mkdtempSync(path.join(os.tmpdir(), "practice-hub-stage-")), ".deploy");
    const installedIn: string[] = [];

    stageDeploy({ rootDir, outDir, install: (dir) => void installedIn.push(dir) });

    expect(installedIn).toEqual([outDir]);
    for (const file of [
      "package.json",
      "package-lock.json",
      "bot/dist/server.js",
      "shared/dist/index.js",
      "tab/dist/index.html",
      "tests/package.json",
    ]) {
      expect([file, existsSync(path.join(outDir, file))]).toEqual([file, true]);
    }
    const files = filesUnder(outDir);
    expect(files.filter((file) => file.endsWith(".map") || file.endsWith(".tsbuildinfo"))).toEqual(
      [],
    );
    expect(files.filter((file) => /(^|\/)src\/|\.test\.(js|d\.ts)$/.test(file))).toEqual([]);
    expect(files.some((file) => file.startsWith("tests/") && file !== "tests/package.json")).toBe(
      false,
    );
  });

  it("refuses to stage before the build, naming what is missing", () => {
    const emptyRoot = mkdtempSync(path.join(os.tmpdir(), "practice-hub-unbuilt-"));

    expect(() =>
      stageDeploy({
        rootDir: emptyRoot,
        outDir: path.join(emptyRoot, ".deploy"),
        install: () => {},
      }),
    ).toThrow("shared/dist is missing: run npm run build first.");
  });
});
