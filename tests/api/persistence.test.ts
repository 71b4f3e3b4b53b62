import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { apiPaths, canvasResponseSchema } from "@practice-hub/shared";
import { apiClient } from "../support/api";
import { communityFactory, savedSectionFactory } from "../support/factories";
import { startStack, type Stack } from "../support/stack";

let dataDir: string;
const stacks: Stack[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "practice-hub-data-"));
});

afterAll(async () => {
  for (const stack of stacks) await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it("keeps saved data when everything stops and starts again on the same folder", async () => {
  const first = await startStack({ persistenceDir: dataDir });
  stacks.push(first);
  const firstApi = apiClient(first);
  const community = await communityFactory(firstApi);
  const canvas = canvasResponseSchema.parse(
    (await firstApi.get(apiPaths.canvas(community.id), { as: "demo-champion" })).body,
  );
  const etag = canvas.sections.find((section) => section.id === "purpose")?.etag ?? "";
  const saved = await savedSectionFactory(firstApi, {
    communityId: community.id,
    sectionId: "purpose",
    etag,
    content: "Written before the restart.",
  });
  await first.stop();

  const second = await startStack({ persistenceDir: dataDir });
  stacks.push(second);
  const after = canvasResponseSchema.parse(
    (await apiClient(second).get(apiPaths.canvas(community.id), { as: "demo-champion" })).body,
  );

  expect(after.sections.find((section) => section.id === "purpose")).toMatchObject({
    content: "Written before the restart.",
    version: 1,
    etag: saved.etag,
  });
});

it("serves the same data after the service alone restarts", async () => {
  const stack = await startStack();
  stacks.push(stack);
  const api = apiClient(stack);
  const community = await communityFactory(api);

  await stack.restartService();
  api.forgetTokens();
  const response = await api.get(apiPaths.canvas(community.id), { as: "demo-champion" });

  expect(response.status).toBe(200);
});
