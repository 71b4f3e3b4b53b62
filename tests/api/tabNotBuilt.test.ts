import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { apiClient } from "../support/api";
import { startStack, type Stack } from "../support/stack";

let stack: Stack;
let emptyDir: string;

beforeAll(async () => {
  emptyDir = mkdtempSync(path.join(tmpdir(), "practice-hub-no-tab-"));
  stack = await startStack({ seed: false, extraConfig: { TAB_DIST_DIR: emptyDir } });
});

afterAll(async () => {
  await stack?.stop();
  rmSync(emptyDir, { recursive: true, force: true });
});

it("answers 503 at the root with a page saying to run npm run build when the tab is not built", async () => {
  const response = await apiClient(stack).get("/");

  expect(response.status).toBe(503);
  expect(response.body).toContain("npm run build");
});
