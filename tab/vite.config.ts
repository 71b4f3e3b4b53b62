import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const sharedEntry = fileURLToPath(new URL("../shared/src/index.ts", import.meta.url));

/**
 * The tab builds to tab/dist, which the service serves at `/` with an SPA fallback. The shared
 * package is bundled from source so the browser gets the same zod schemas the service uses.
 */
export default defineConfig({
  plugins: [react()],
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
