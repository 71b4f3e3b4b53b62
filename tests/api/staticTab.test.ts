import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { startStack, type Stack } from "../support/stack";

let stack: Stack;
let distDir: string;
const script = `export const answer = "${"the tab's code ".repeat(200)}";\n`;

beforeAll(async () => {
  // A build of the tab as Vite writes it: index.html, and hashed assets with their siblings.
  distDir = mkdtempSync(path.join(tmpdir(), "practice-hub-tab-"));
  mkdirSync(path.join(distDir, "assets"));
  writeFileSync(path.join(distDir, "index.html"), "<!doctype html><title>Practice Hub</title>");
  writeFileSync(path.join(distDir, "assets", "index-abc123.js"), script);
  writeFileSync(path.join(distDir, "assets", "index-abc123.js.br"), brotliCompressSync(script));
  writeFileSync(path.join(distDir, "assets", "index-abc123.js.gz"), gzipSync(script));
  writeFileSync(path.join(distDir, "assets", "plain-def456.js"), script);
  stack = await startStack({ seed: false, extraConfig: { TAB_DIST_DIR: distDir } });
});

afterAll(async () => {
  await stack?.stop();
  rmSync(distDir, { recursive: true, force: true });
});

/** GETs a path with an Accept-Encoding, keeping the body as the bytes sent. */
async function get(pathname: string, acceptEncoding: string) {
  // Node's fetch decodes bodies itself; the raw bytes show what the service sent.
  const { request } = await import("node:http");
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const url = new URL(pathname, stack.baseUrl);
      const req = request(url, { headers: { "Accept-Encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("the tab's files", () => {
  it("sends a hashed script brotli-compressed to a browser that accepts it, cached for a year", async () => {
    const response = await get("/assets/index-abc123.js", "gzip, deflate, br");

    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["content-type"]).toMatch(/^(application|text)\/javascript/);
    expect(response.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
  });

  it("sends gzip to a browser without brotli, and the file itself to one that accepts neither", async () => {
    const gzipped = await get("/assets/index-abc123.js", "gzip");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.body).toString()).toBe(script);

    const plain = await get("/assets/index-abc123.js", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("sends a hashed file without compressed siblings as it is", async () => {
    const response = await get("/assets/plain-def456.js", "br, gzip");

    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.body.toString()).toBe(script);
  });

  it("asks browsers to revalidate index.html, at the root and on a client-side route", async () => {
    for (const pathname of ["/", "/index.html", "/personal"]) {
      const response = await get(pathname, "br, gzip");
      expect(response.status).toBe(200);
      expect(response.headers["cache-control"]).toBe("no-cache");
      expect(response.body.toString()).toContain("<title>Practice Hub</title>");
    }
  });
});
