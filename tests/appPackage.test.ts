import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import JSZip from "jszip";
import { fillTemplate, packageApp, parseEnvFile } from "../bot/src/local/packageApp";
import { personalTabEntityId } from "../bot/src/teams/tabLink";

const rootDir = path.resolve(__dirname, "..");
/**
 * Example env files: env/ holds what `atk provision` writes (empty until a tenant is provisioned),
 * so the package is built here from the same names with placeholder values.
 */
const envDir = path.join(__dirname, "fixtures", "env");

interface Png {
  width: number;
  height: number;
  colorType: number;
  /** RGBA rows, unfiltered (only 8-bit RGBA images are decoded). */
  pixels: Buffer;
}

/** Reads an 8-bit RGBA PNG: the header, and the pixels after undoing each row's filter. */
function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("ascii", offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") header = body;
    if (type === "IDAT") data.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error("PNG without IHDR");
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const colorType = header[9] ?? -1;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  if (colorType === 6 && header[8] === 8) {
    for (let y = 0; y < height; y++) {
      const filter = raw[y * (stride + 1)];
      for (let x = 0; x < stride; x++) {
        const value = raw[y * (stride + 1) + 1 + x] ?? 0;
        const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
        const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
        const upLeft = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
        const paeth = () => {
          const p = left + up - upLeft;
          const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
          return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
        };
        const predictor = [0, left, up, (left + up) >> 1, paeth()][filter ?? 0] ?? 0;
        pixels[y * stride + x] = (value + predictor) & 0xff;
      }
    }
  }
  return { width, height, colorType, pixels };
}

function envFile(name: string): Record<string, string> {
  return parseEnvFile(readFileSync(path.join(envDir, `.env.${name}`), "utf8"));
}

/** The schema file @microsoft/app-manifest ships for the manifest's $schema URL. */
function localSchemaPath(manifest: Record<string, unknown>): string {
  const url = String(manifest["$schema"]);
  const version = /\/teams\/(v[\d.]+)\/MicrosoftTeams\.schema\.json$/.exec(url)?.[1] ?? "";
  const packageDir = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  return path.join(
    packageDir,
    "build",
    "json-schemas",
    "teams",
    version,
    "MicrosoftTeams.schema.json",
  );
}

/**
 * Runs AppManifestUtils.validateAgainstSchema in plain Node: the package needs an ES module
 * (strip-bom) that Jest's CommonJS runtime cannot load. fetch is replaced by a function that
 * fails, so the validation provably works offline. Without a schema path, the package looks the
 * schema up itself (it finds the copy it ships).
 */
async function validateOffline(manifestPath: string, schemaPath?: string): Promise<string[]> {
  const script = `
    globalThis.fetch = () => Promise.reject(new Error("network access during validation"));
    const fs = require("node:fs");
    const { AppManifestUtils } = require("@microsoft/app-manifest");
    const [manifestPath, schemaPath] = process.argv.slice(1);
    const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
    const schema = schemaPath ? JSON.parse(fs.readFileSync(schemaPath, "utf8")) : undefined;
    AppManifestUtils.validateAgainstSchema(manifest, schema).then(
      (errors) => process.stdout.write(JSON.stringify(errors)),
      (error) => { process.stderr.write(String(error)); process.exit(2); },
    );`;
  const args = ["-e", script, manifestPath, ...(schemaPath ? [schemaPath] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: rootDir });
  return JSON.parse(stdout) as string[];
}

describe("the Teams app package", () => {
  it.each(["local", "dev"])(
    "builds a %s manifest that the Teams schema accepts offline",
    async (envName) => {
      const { manifest, manifestPath } = await packageApp({ envName, rootDir, envDir });

      const errors = await validateOffline(manifestPath, localSchemaPath(manifest));

      expect(errors).toEqual([]);
      expect(Number(manifest["manifestVersion"])).toBeGreaterThanOrEqual(1.22);
    },
  );

  it("also validates with the package's own schema lookup, which finds the schema locally", async () => {
    const { manifestPath } = await packageApp({ envName: "local", rootDir, envDir });

    await expect(validateOffline(manifestPath)).resolves.toEqual([]);
  });

  it("fills every placeholder from the env file", async () => {
    const { manifestPath } = await packageApp({ envName: "local", rootDir, envDir });
    const text = readFileSync(manifestPath, "utf8");
    const env = envFile("local");

    expect(text).not.toContain("${{");
    expect(JSON.parse(text)).toMatchObject({
      id: env["TEAMS_APP_ID"],
      bots: [{ botId: env["BOT_ID"] }],
      webApplicationInfo: { id: env["ENTRA_CLIENT_ID"], resource: env["ENTRA_APP_ID_URI"] },
      validDomains: [env["TAB_DOMAIN"]],
    });
  });

  it("declares the tabs, bot scopes and help command the service implements", async () => {
    const { manifest } = await packageApp({ envName: "local", rootDir, envDir });
    const env = envFile("local");

    expect(manifest["staticTabs"]).toContainEqual(
      expect.objectContaining({
        entityId: personalTabEntityId,
        contentUrl: `${env["TAB_ENDPOINT"]}/personal`,
        scopes: ["personal"],
      }),
    );
    expect(manifest["configurableTabs"]).toEqual([
      expect.objectContaining({
        configurationUrl: `${env["TAB_ENDPOINT"]}/config`,
        scopes: ["team", "groupChat"],
      }),
    ]);
    expect(manifest["bots"]).toEqual([
      expect.objectContaining({
        scopes: ["personal", "team", "groupChat"],
        commandLists: expect.arrayContaining([
          expect.objectContaining({ commands: [expect.objectContaining({ title: "help" })] }),
        ]),
      }),
    ]);
  });

  it("zips manifest.json with both icons", async () => {
    const { zipPath } = await packageApp({ envName: "local", rootDir, envDir });

    const zip = await JSZip.loadAsync(readFileSync(zipPath));

    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
  });

  it("ships a 192x192 colour icon", () => {
    const png = readPng(readFileSync(path.join(rootDir, "appPackage", "color.png")));

    expect([png.width, png.height]).toEqual([192, 192]);
  });

  it("ships a 32x32 outline icon that is white on a transparent background", () => {
    const png = readPng(readFileSync(path.join(rootDir, "appPackage", "outline.png")));
    expect([png.width, png.height, png.colorType]).toEqual([32, 32, 6]);

    const alphas: number[] = [];
    for (let index = 0; index < png.pixels.length; index += 4) {
      const [red, green, blue, alpha] = png.pixels.subarray(index, index + 4);
      alphas.push(alpha ?? 0);
      if ((alpha ?? 0) > 0) expect([red, green, blue]).toEqual([255, 255, 255]);
    }
    expect(alphas[0]).toBe(0);
    expect(alphas.filter((alpha) => alpha === 0).length).toBeGreaterThan(alphas.length / 2);
    expect(alphas.some((alpha) => alpha === 255)).toBe(true);
  });

  it("reports schema errors, so a passing validation means something", async () => {
    const { manifest } = await packageApp({ envName: "local", rootDir, envDir });
    const brokenPath = path.join(rootDir, "appPackage", "build", "manifest.broken.json");
    writeFileSync(
      brokenPath,
      JSON.stringify({ ...manifest, id: "not-a-guid", accentColor: "teal" }),
    );

    const errors = await validateOffline(brokenPath, localSchemaPath(manifest));

    expect(errors).toEqual([
      expect.stringContaining("/id"),
      expect.stringContaining("/accentColor"),
    ]);
  });

  it("names every missing variable instead of writing a half-filled manifest", () => {
    expect(() => fillTemplate('{"a":"${{ONE}}","b":"${{TWO}}"}', { ONE: "" })).toThrow(
      "The manifest template needs ONE, TWO",
    );
  });

  it("escapes values so they cannot break the JSON", () => {
    expect(JSON.parse(fillTemplate('{"a":"${{A}}"}', { A: 'say "hi"' }))).toEqual({
      a: 'say "hi"',
    });
  });
});
