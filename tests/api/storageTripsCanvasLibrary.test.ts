import { TableClient, type TransactionAction } from "@azure/data-tables";
import { apiPaths, type CanvasResponse, type SuggestResourceResponse } from "@practice-hub/shared";
import { demoTenantId } from "../../bot/src/local/demoIdentities";
import { tableNames } from "../../bot/src/store";
import { historyKey } from "../../bot/src/store/canvas/rows";
import { memberCommunityFactory, sectionContentFactory } from "../support/factories";
import {
  inBatches,
  printAndStop,
  walkBothSizes,
  type RecordingStack,
} from "../support/storageTrips";

// DESIGN.md: at most 2 storage round trips for a read and 3 for a write, whatever the size. The
// canvas and library routes are asked in a community of 20 saved versions of a section and 20
// library resources, and in one of 200 of each.
let counting: RecordingStack;
const scale: Record<"small" | "large", number> = { small: 1, large: 10 };

/** `count` older versions of the purpose section, stored straight into the canvas table. */
async function storedVersions(communityId: string, count: number) {
  const table = TableClient.fromConnectionString(
    counting.stack.storageConnectionString,
    tableNames.canvas,
    { allowInsecureConnection: true },
  );
  const partitionKey = `${demoTenantId}__${communityId}`;
  // Versions well above the ones the test saves, so the stored ones never collide with them.
  const versions = Array.from({ length: count }, (_, index) => 1_000 + index);
  await inBatches(versions, 50, (batch) =>
    table.submitTransaction(
      batch.map((version): TransactionAction => [
        "create",
        {
          partitionKey,
          rowKey: historyKey("purpose", version),
          content: `Stored version ${version}`,
          version,
          updatedAt: "2025-06-01T00:00:00.000Z",
          updatedById: "demo-champion",
          updatedByName: "Ana Champion",
        },
      ]),
    ),
  );
}

/** `count` suggested resources, stored through the library repository in batches. */
async function storedResources(communityId: string, count: number) {
  const indexes = Array.from({ length: count }, (_, index) => index);
  await inBatches(indexes, 20, (batch) =>
    Promise.all(
      batch.map((index) =>
        counting.store.library.suggest({
          tenantId: demoTenantId,
          communityId,
          resource: {
            section: "reading",
            title: `Stored resource ${index}`,
            url: `https://example.com/stored/${communityId}/${index}`,
            why: "It explains a practice we keep discussing.",
            tags: [],
            suggestedBy: { id: "demo-member", displayName: "Ben Member" },
            suggestedAt: "2025-06-01T00:00:00.000Z",
          },
        }),
      ),
    ),
  );
}

async function walk(size: "small" | "large") {
  const { counted } = counting;
  const communityId = (await memberCommunityFactory(counting.api)).id;
  await storedVersions(communityId, 20 * scale[size]);
  await storedResources(communityId, 20 * scale[size]);

  const canvas = await counted("read the canvas", size, 200, () =>
    counting.api.get<CanvasResponse>(apiPaths.canvas(communityId), { as: "demo-member" }),
  );
  await counted("save a section", size, 200, () =>
    counting.api.put(apiPaths.canvasSection(communityId, "purpose"), {
      as: "demo-champion",
      headers: { "if-match": canvas.sections[0]?.etag ?? "" },
      body: { content: sectionContentFactory() },
    }),
  );
  await counted("read a page of history", size, 200, () =>
    counting.api.get(`${apiPaths.canvasHistory(communityId)}?section=purpose`, {
      as: "demo-member",
    }),
  );
  await counted("review the canvas", size, 200, () =>
    counting.api.post(apiPaths.canvasReview(communityId), { as: "demo-champion" }),
  );

  await counted("read the library", size, 200, () =>
    counting.api.get(apiPaths.library(communityId), { as: "demo-champion" }),
  );
  const suggested = await counted("suggest a resource", size, 201, () =>
    counting.api.post<SuggestResourceResponse>(apiPaths.libraryResources(communityId), {
      as: "demo-member",
      body: {
        section: "reading",
        title: "A useful article",
        url: `https://example.com/articles/${size}`,
        why: "It explains a practice we keep discussing.",
      },
    }),
  );
  const resource = suggested.outcome === "suggested" ? suggested.resource : null;
  await counted("decide on a resource", size, 200, () =>
    counting.api.post(apiPaths.libraryDecision(communityId, resource?.id ?? ""), {
      as: "demo-champion",
      headers: { "if-match": resource?.etag ?? "" },
      body: { decision: "approve" },
    }),
  );
  const entry = await counted("add a handbook entry", size, 201, () =>
    counting.api.post<{ id: string; etag: string }>(apiPaths.handbook(communityId), {
      as: "demo-champion",
      body: { title: "How we welcome people", body: "A buddy for the first month." },
    }),
  );
  await counted("change a handbook entry", size, 200, () =>
    counting.api.put(apiPaths.handbookEntry(communityId, entry.id), {
      as: "demo-champion",
      headers: { "if-match": entry.etag },
      body: { title: "How we welcome people", body: "A buddy for the first two months." },
    }),
  );
}

beforeAll(() => walkBothSizes((started) => (counting = started), walk), 180_000);

afterAll(() => printAndStop(counting));

it.each(["read the canvas", "read a page of history", "read the library"])(
  "%s: the same round trips at both sizes, at most 2",
  (name) => counting.expectConstant(name, 2),
);

it.each([
  "save a section",
  "review the canvas",
  "suggest a resource",
  "decide on a resource",
  "add a handbook entry",
  "change a handbook entry",
])("%s: the same round trips at both sizes, at most 3", (name) => counting.expectConstant(name, 3));
