import { TableClient } from "@azure/data-tables";
import { startAzurite, type Azurite } from "../local/azurite";
import type { StoredConversationReference } from "../teams/conversationReferences";
import {
  conversationRowKey,
  createConversationReferenceRepository,
} from "./conversationReferenceRepository";

function referenceRecord(
  overrides: Partial<StoredConversationReference> = {},
): StoredConversationReference {
  return {
    tenantId: "tenant-a",
    conversationId: "19:general@thread.tacv2",
    kind: "channel",
    teamId: "19:general@thread.tacv2",
    channelId: "19:general@thread.tacv2",
    serviceUrl: "https://smba.trafficmanager.net/emea/",
    reference: JSON.stringify({ conversation: { id: "19:general@thread.tacv2" } }),
    updatedAt: "2026-11-02T10:00:00.000Z",
    ...overrides,
  };
}

describe("conversationReferenceRepository", () => {
  let azurite: Azurite;
  let table: TableClient;
  let tableIndex = 0;

  beforeAll(async () => {
    azurite = await startAzurite();
  }, 60_000);

  afterAll(async () => {
    await azurite.stop();
  });

  beforeEach(async () => {
    tableIndex += 1;
    table = TableClient.fromConnectionString(
      azurite.connectionString,
      `conversationReferences${tableIndex}`,
      { allowInsecureConnection: true },
    );
    await table.createTable();
  });

  it("stores a new conversation and finds it again by tenant and conversation id", async () => {
    const repository = createConversationReferenceRepository(table);
    const record = referenceRecord();

    await repository.save(record);

    expect(
      await repository.find({ tenantId: "tenant-a", conversationId: record.conversationId }),
    ).toEqual(record);
  });

  it("keeps absent optional fields absent", async () => {
    const repository = createConversationReferenceRepository(table);
    const {
      teamId: _teamId,
      channelId: _channelId,
      ...record
    } = referenceRecord({
      conversationId: "a:personal-chat",
      kind: "personal",
      aadObjectId: "aad-1",
    });

    await repository.save(record);

    expect(
      await repository.find({ tenantId: "tenant-a", conversationId: "a:personal-chat" }),
    ).toEqual(record);
  });

  it("returns null for a conversation it never stored", async () => {
    const repository = createConversationReferenceRepository(table);

    expect(
      await repository.find({ tenantId: "tenant-a", conversationId: "19:unknown@thread.tacv2" }),
    ).toBeNull();
  });

  it("replaces the stored record when a newer event arrives", async () => {
    const repository = createConversationReferenceRepository(table);
    await repository.save(referenceRecord());

    await repository.save(
      referenceRecord({
        serviceUrl: "https://smba.example/amer/",
        updatedAt: "2026-11-03T10:00:00Z",
      }),
    );

    expect(
      await repository.find({ tenantId: "tenant-a", conversationId: "19:general@thread.tacv2" }),
    ).toMatchObject({
      serviceUrl: "https://smba.example/amer/",
    });
  });

  it("ignores an event older than the stored record", async () => {
    const repository = createConversationReferenceRepository(table);
    await repository.save(referenceRecord({ updatedAt: "2026-11-03T10:00:00.000Z" }));

    await repository.save(
      referenceRecord({ serviceUrl: "https://stale.example/", updatedAt: "2026-11-01T10:00:00Z" }),
    );

    expect(
      await repository.find({ tenantId: "tenant-a", conversationId: "19:general@thread.tacv2" }),
    ).toMatchObject({
      serviceUrl: "https://smba.trafficmanager.net/emea/",
    });
  });

  it("never loses a save when two arrive for the same conversation at once", async () => {
    const repository = createConversationReferenceRepository(table);

    await Promise.all([
      repository.save(referenceRecord({ updatedAt: "2026-11-02T10:00:01.000Z" })),
      repository.save(referenceRecord({ updatedAt: "2026-11-02T10:00:02.000Z" })),
      repository.save(referenceRecord({ updatedAt: "2026-11-02T10:00:03.000Z" })),
    ]);

    expect(
      await repository.find({ tenantId: "tenant-a", conversationId: "19:general@thread.tacv2" }),
    ).toMatchObject({
      updatedAt: "2026-11-02T10:00:03.000Z",
    });
  });

  it("writes updates conditionally on the ETag it read, never unconditionally", async () => {
    const repository = createConversationReferenceRepository(table);
    await repository.save(referenceRecord());
    const update = jest.spyOn(table, "updateEntity");

    await repository.save(referenceRecord({ updatedAt: "2026-11-04T00:00:00.000Z" }));

    expect(update).toHaveBeenCalledTimes(1);
    const options = update.mock.calls[0]?.[2];
    expect(options?.etag).toMatch(/^W\/"datetime'/);
  });

  it("lists only the conversations of the tenant asked for", async () => {
    const repository = createConversationReferenceRepository(table);
    await repository.save(referenceRecord({ conversationId: "19:a@thread.tacv2" }));
    await repository.save(referenceRecord({ conversationId: "a:chat-b", kind: "personal" }));
    await repository.save(referenceRecord({ tenantId: "tenant-b", conversationId: "19:c@thread" }));

    const listed = await repository.listForTenant({ tenantId: "tenant-a" });

    expect(listed.map((record) => record.conversationId).sort()).toEqual([
      "19:a@thread.tacv2",
      "a:chat-b",
    ]);
  });

  it("derives RowKeys free of characters Table Storage forbids", () => {
    const key = conversationRowKey("19:abc/def#ghi?x@thread.tacv2;messageid=1");

    expect(key).not.toMatch(/[/\\#?]/);
    expect(key.length).toBeLessThan(255);
  });
});
