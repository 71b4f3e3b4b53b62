import type { TableClient } from "@azure/data-tables";
import { odata } from "@azure/data-tables";
import { digestSettingsSchema, type DigestSettings } from "@practice-hub/shared";
import { readOrNull } from "./rows";
import { isConflict } from "./storageErrors";

/** What the digest remembers per recipient. */
export interface DigestRecipientState {
  /** Null until the recipient saves their own choice. */
  settings: DigestSettings | null;
  /**
   * Resources already put in a digest for them, with the ISO week of that digest: picks of
   * earlier weeks are never repeated, while picks of the current week are offered again so a
   * digest composed twice in one week (a repeated window, a preview, a settings change) is the
   * same card.
   */
  sentPicks: SentPick[];
}

/** One resource a digest carried, and the ISO week ("2026-W48") of that digest. */
export interface SentPick {
  id: string;
  week: string;
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
  /**
   * The recipient's settings and sent picks: two point reads in parallel. `userId` is a person, or
   * `channelDigestStateKey(communityId)` for a community's members' digest (which has no settings).
   */
  stateOf(props: { tenantId: string; userId: string }): Promise<DigestRecipientState>;
  /** Every registered recipient (the scheduler's due check): one partition query. */
  listRecipients(): Promise<DigestRecipient[]>;
  saveSettings(props: {
    tenantId: string;
    userId: string;
    settings: DigestSettings;
  }): Promise<void>;
  /** Adds the picks of the digest of ISO `week` to what the recipient has been sent. */
  recordSentPicks(props: {
    tenantId: string;
    userId: string;
    week: string;
    pickIds: readonly string[];
  }): Promise<void>;
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

/**
 * The state key of a community's members' digest: the channel remembers its own picks, apart
 * from whichever champion pressed "send now".
 */
export function channelDigestStateKey(communityId: string): string {
  return `channel:${communityId}`;
}

/**
 * Sent picks are stored comma-joined as `<id>@<week>` (resource ids are UUIDs). Rows written
 * before weeks were kept hold bare ids: they read as sent in an earlier week than any.
 */
function parseSentPicks(value: string | undefined): SentPick[] {
  if (!value) return [];
  return value.split(",").map((item) => {
    const at = item.lastIndexOf("@");
    return at < 0 ? { id: item, week: "" } : { id: item.slice(0, at), week: item.slice(at + 1) };
  });
}

/** The Table Storage implementation of DigestRepository. */
export function createDigestRepository(table: TableClient): DigestRepository {
  const read = (tenantId: string, rowKey: string) => readOrNull<DigestRow>(table, tenantId, rowKey);
  return {
    async stateOf({ tenantId, userId }) {
      const [settings, sent] = await Promise.all([
        read(recipientsPartition, recipientKey(tenantId, userId)),
        read(tenantId, sentKey(userId)),
      ]);
      return {
        settings: settings ? (digestSettingsSchema.safeParse(settings).data ?? null) : null,
        sentPicks: parseSentPicks(sent?.pickIds),
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
    async saveSettings({ tenantId, userId, settings }) {
      // Settings belong to one person and only they write them: last write wins by design.
      await table.upsertEntity(
        { partitionKey: recipientsPartition, rowKey: recipientKey(tenantId, userId), ...settings },
        "Replace",
      );
    },
    async recordSentPicks({ tenantId, userId, week, pickIds }) {
      if (pickIds.length === 0) return;
      const current = await read(tenantId, sentKey(userId));
      // The first week a pick went out is the one that counts: recording the same week's digest
      // again changes nothing.
      const weeks = new Map(parseSentPicks(current?.pickIds).map((pick) => [pick.id, pick.week]));
      for (const id of pickIds) if (!weeks.has(id)) weeks.set(id, week);
      const merged = [...weeks].slice(-maxRememberedPicks).map(([id, at]) => `${id}@${at}`);
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
