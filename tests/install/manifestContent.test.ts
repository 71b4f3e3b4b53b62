import { readFileSync } from "node:fs";
import path from "node:path";

const rootDir = path.resolve(__dirname, "../..");
const manifest = JSON.parse(
  readFileSync(path.join(rootDir, "appPackage", "manifest.json"), "utf8"),
) as {
  description: { short: string; full: string };
  supportedChannelTypes?: string[];
};

describe("what the Teams manifest tells an administrator", () => {
  it("describes every part of the app that exists today", () => {
    for (const part of [
      "canvas",
      "ritual",
      "retro",
      "library",
      "handbook",
      "health",
      "digest",
      "help",
    ]) {
      expect([part, manifest.description.full.toLowerCase().includes(part)]).toEqual([part, true]);
    }
  });

  it("installs in standard channels only, for the reason the README gives", () => {
    // Standard channels come with the team scope; shared and private ones would have to be listed.
    expect(manifest.supportedChannelTypes).toBeUndefined();
    const readme = readFileSync(path.join(rootDir, "README.md"), "utf8");
    expect(readme).toMatch(/supportedChannelTypes/);
    expect(readme).toMatch(/private channel/i);
    expect(readme).toMatch(/shared channel/i);
  });
});
