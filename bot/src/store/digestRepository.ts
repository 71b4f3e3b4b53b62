import type { TableClient } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { digestSettingsSchema, type DigestSettings } from "@practice-hub/shared";
import { isConflict, isNotFound } from "./storageErrors";

/** What the digest remembers per recipient. */
export interface DigestRecipientState {
  /** Null until the recipient saves their own choice. */
  settings: DigestSettings | null;
  /** Resources already sent to them, so picks are never repeated. */
  sentPickIds: string[];
}

/** A registered recipient and when they want their digest. */
export interface DigestRecipient {
  tenantId: string;
  userId: string;
  settings: DigestSettings;
}

/**
 * Digest recipients and what was sent to them. Recipients of every tenant share one partition,
 * `recipients`, so the scheduler finds who is due with one query per tick (heads of profession
 * are few); picks already sent live in the recipient's tenant partition.
 */
export interface DigestRepository {
  /** The recipient's settings and sent picks: two point reads in parallel. */
  stateOf(tenantId: string, userId: string): Promise<DigestRecipientState>;
  /** Every registered recipient (the scheduler's due check): one partition query. */
  listRecipients(): Promise<DigestRecipient[]>;
  saveSettings(tenantId: string, userId: string, settings: DigestSettings): Promise<void>;
  /** Adds picks to what the recipient has been sent. */
  recordSentPicks(tenantId: string, userId: string, pickIds: readonly string[]): Promise<void>;
}

/** Only the most recent sent ids are kept: a row stays far below the 32K-character limit. */
const maxRememberedPicks = 500;

interface DigestRow {
  partitionKey: string;
  rowKey: string;
  day?: string;
  time?: string;
  timeZone?: string;
  pickIds?: string;
}

const recipientsPartition = "recipients";
const recipientKey = (tenantId: string, userId: string) => `${tenantId}|${userId}`;
const sentKey = (userId: string) => `sent|${userId}`;

/** The Table Storage implementation of DigestRepository. */
export function createDigestRepository(table: TableClient): DigestRepository {
  async function read(
    tenantId: string,
    rowKey: string,
  ): Promise<(DigestRow & { etag: string }) | null> {
    try {
      return await table.getEntity<DigestRow & { etag: string }>(tenantId, rowKey);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
  return {
    async stateOf(tenantId, userId) {
      const [settings, sent] = await Promise.all([
        read(recipientsPartition, recipientKey(tenantId, userId)),
        read(tenantId, sentKey(userId)),
      ]);
      return {
        settings: settings ? (digestSettingsSchema.safeParse(settings).data ?? null) : null,
        sentPickIds: sent?.pickIds ? sent.pickIds.split(",") : [],
      };
    },
    async listRecipients() {
      const rows = table.listEntities<DigestRow>({
        queryOptions: { filter: odata`PartitionKey eq ${recipientsPartition}` },
      });
      const all: DigestRecipient[] = [];
      for await (const row of rows) {
        const settings = digestSettingsSchema.safeParse(row).data;
        const split = row.rowKey.indexOf("|");
        if (!settings || split < 0) continue;
        all.push({
          tenantId: row.rowKey.slice(0, split),
          userId: row.rowKey.slice(split + 1),
          settings,
        });
      }
      return all;
    },
    async saveSettings(tenantId, userId, settings) {
      // Settings belong to one person and only they write them: last write wins by design.
      await table.upsertEntity(
        { partitionKey: recipientsPartition, rowKey: recipientKey(tenantId, userId), ...settings },
        "Replace",
      );
    },
    async recordSentPicks(tenantId, userId, pickIds) {
      if (pickIds.length === 0) return;
      const current = await read(tenantId, sentKey(userId));
      const before = current?.pickIds ? current.pickIds.split(",") : [];
      const merged = [...new Set([...before, ...pickIds])].slice(-maxRememberedPicks);
      const row = { partitionKey: tenantId, rowKey: sentKey(userId), pickIds: merged.join(",") };
      // Conditional on what was read. A digest for one person is composed by one worker at a
      // time; should two race, the loser's picks may be offered once more, which is harmless.
      try {
        if (current) await table.updateEntity(row, "Replace", { etag: current.etag });
        else await table.createEntity(row);
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    },
  };
}
