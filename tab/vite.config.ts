import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Writes `<file>.br` and `<file>.gz` beside each script and stylesheet of the build, at the
 * strongest settings (once per build, not per request): the service sends the one the browser
 * accepts (bot/src/http/staticTab.ts), a fifth of the bytes of the file itself.
 */
function precompress(): Plugin {
  return {
    name: "practice-hub-precompress",
    apply: "build",
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? "dist";
      const files = Object.keys(bundle).filter((file) => /\.(js|css)$/.test(file));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          const content = await readFile(full);
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gzipped(content, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${full}.br`, br), writeFile(`${full}.gz`, gz)]);
        }),
      );
    },
  };
}

const sharedEntry = fileURLToPath(new URL("../shared/src/index.ts", import.meta.url));

/**
 * The tab builds to tab/dist, which the service serves at `/` with an SPA fallback. The shared
 * package is bundled from source so the browser gets the same zod schemas the service uses.
 */
export default defineConfig({
  plugins: [react(), precompress()],
  resolve: { alias: { "@practice-hub/shared": sharedEntry } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
    manifest: true,
    rollupOptions: {
      // rrule declares no sideEffects field, so the bundler keeps it in the first route whenever
      // the shared barrel is imported; it is pure, and only the calendar page needs it.
      treeshake: { moduleSideEffects: (id: string) => !/node_modules[\\/]rrule[\\/]/.test(id) },
    },
  },
  server: {
    // `npm run dev -w tab` talks to a locally running service (npm start) on its default port.
    proxy: { "/api": "http://localhost:3978" },
  },
});
