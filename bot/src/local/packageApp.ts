import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";

/** Files that go into the Teams app package beside manifest.json. */
const iconFiles = ["color.png", "outline.png"] as const;

/** A placeholder in the manifest template: `${{NAME}}`, as the Agents Toolkit writes them. */
const placeholder = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Options for packageApp. */
export interface PackageAppOptions {
  /** Which env/.env.<name> to read: "local" (default) or "dev". */
  envName: string;
  /** The repository root (holds appPackage/ and env/). */
  rootDir: string;
  /** Where the env files are: `<rootDir>/env` unless given (tests use example values). */
  envDir?: string;
}

/** What packageApp wrote. */
export interface PackageAppResult {
  manifestPath: string;
  zipPath: string;
  manifest: Record<string, unknown>;
}

/** Parses a dotenv file: KEY=value lines, # comments, optional surrounding quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match?.[1]) throw new Error(`Cannot read this line of the env file: ${rawLine}`);
    values[match[1]] = (match[2] ?? "").replace(/^(["'])(.*)\1$/, "$2");
  }
  return values;
}

/**
 * Replaces every `${{VAR}}` of the template with its value. Fails naming every variable that has
 * no value, so a half-filled manifest never reaches Teams.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const missing = new Set<string>();
  const filled = template.replace(placeholder, (_match, name: string) => {
    const value = values[name];
    if (value === undefined || value === "") {
      missing.add(name);
      return "";
    }
    // Values land inside JSON strings: escape them as JSON would.
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) {
    throw new Error(
      `The manifest template needs ${[...missing].join(", ")}: add ${missing.size > 1 ? "them" : "it"} to the env file ` +
        "(atk provision writes them there).",
    );
  }
  return filled;
}

/**
 * Builds the Teams app package for one environment: fills appPackage/manifest.json (the template the
 * Agents Toolkit fills too) from env/.env.<name>, and writes appPackage/build/manifest.<name>.json and
 * appPackage/build/appPackage.<name>.zip (manifest.json and the two icons).
 */
export async function packageApp(options: PackageAppOptions): Promise<PackageAppResult> {
  const appDir = path.join(options.rootDir, "appPackage");
  const envDir = options.envDir ?? path.join(options.rootDir, "env");
  const envPath = path.join(envDir, `.env.${options.envName}`);
  let envText: string;
  try {
    envText = readFileSync(envPath, "utf8");
  } catch {
    throw new Error(`No env file for "${options.envName}": create ${envPath}.`);
  }
  const template = readFileSync(path.join(appDir, "manifest.json"), "utf8");
  const manifestText = fillTemplate(template, parseEnvFile(envText));
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;

  const buildDir = path.join(appDir, "build");
  mkdirSync(buildDir, { recursive: true });
  const manifestPath = path.join(buildDir, `manifest.${options.envName}.json`);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

  const zip = new JSZip();
  zip.file("manifest.json", JSON.stringify(manifest, null, 2));
  for (const icon of iconFiles) zip.file(icon, readFileSync(path.join(appDir, icon)));
  const zipPath = path.join(buildDir, `appPackage.${options.envName}.zip`);
  writeFileSync(zipPath, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return { manifestPath, zipPath, manifest };
}

/** `--env <name>` or `--env=<name>` from the command line; "local" when absent. */
export function envNameFromArgs(args: readonly string[]): string {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? "";
    if (arg === "--env") return args[index + 1] ?? "local";
    if (arg.startsWith("--env=")) return arg.slice("--env=".length);
  }
  return "local";
}

if (require.main === module) {
  // From bot/dist/local (or bot/src/local), the repository root is three levels up.
  const rootDir = path.resolve(__dirname, "../../..");
  packageApp({ envName: envNameFromArgs(process.argv.slice(2)), rootDir }).then(
    (result) => {
      console.log(`Wrote ${path.relative(rootDir, result.manifestPath)}`);
      console.log(`Wrote ${path.relative(rootDir, result.zipPath)}`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
