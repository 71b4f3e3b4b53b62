/**
 * How retro headers, entries, tallies, people's votes and actions are laid out in Table Storage:
 * RowKeys, row shapes and the mapping between rows and entities. Only this folder uses it;
 * nothing outside the store sees a row.
 *
 * A retro's header is `retro|<retroId>` (the history lists the `retro|` range); its own rows sit
 * under `r|<retroId>|`: `e|<entryId>` entries and `f|<shard>` tally shards (one key range,
 * `retroRange`, read whole), then `i|<userId>` each person's votes (a read takes the reader's
 * own only). `k|` and `v|` rows are votes stored before tallies (voteMigration.ts), read no more.
 */
import {
  retroLimits,
  type RetroActionKind,
  type RetroActionStatus,
  type RetroPhase,
  type RetroTheme,
} from "@practice-hub/shared";
import { joinProperty, splitProperty, type PropertyParts } from "../splitProperty";
import { json, optionalStr, parseJson, str, type Row } from "../rows";
import { odataString, prefixUpperBound } from "../tables";
import type {
  StoredRetroFormat,
  RetroEntity,
  RetroSummary,
  RetroEntryEntity,
  RetroPersonVotes,
  RetroTallyShard,
  RetroActionEntity,
  RetroHeaderEntity,
} from "./types";

export const retroKey = (retroId: string) => `retro|${retroId}`;
export const contentPrefix = (retroId: string) => `r|${retroId}|`;
export const entryKey = (retroId: string, entryId: string) => `r|${retroId}|e|${entryId}`;
export const tallyKey = (retroId: string, shard: number) =>
  `r|${retroId}|f|${String(shard).padStart(2, "0")}`;
export const personVotesKey = (retroId: string, userId: string) => `r|${retroId}|i|${userId}`;
export const actionKey = (actionId: string) => `action|${actionId}`;

/** The entries and the tally shards: everything of a retro before the people's rows. */
export const retroRange = (retroId: string) => ({
  lower: `r|${retroId}|e|`,
  upper: `r|${retroId}|g`,
});

/**
 * Tally shards per retro. Each person's votes count in one shard (by a hash of their id), so 50
 * people voting at once contend in groups of three or four, not all on one row; a read takes at
 * most this many rows, however many voted.
 */
export const tallyShards = 16;

/** The shard a person's votes count in. */
export function shardOf(userId: string): number {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % tallyShards;
}

/**
 * Table Storage holds at most 32K characters in a string property, so a retro's themes JSON is
 * split over `themesJson`, `themesJson2`, ... (rows written before the split have `themesJson`
 * alone, and read the same). Enough properties for `retroLimits.themesJson` characters, all of
 * them written every time, because themes are saved with a Merge.
 */
const themeChunkChars = 32_000;
const themesParts: PropertyParts = {
  partName: (index) => (index === 0 ? "themesJson" : `themesJson${index + 1}`),
  partChars: themeChunkChars,
  parts: Math.ceil(retroLimits.themesJson / themeChunkChars),
};

export function themesFields(themes: readonly RetroTheme[]): Record<string, string> {
  return splitProperty(JSON.stringify(themes), themesParts);
}

function themesFromRow(row: Row): RetroTheme[] {
  return parseJson<RetroTheme[]>(joinProperty(row, themesParts), []);
}

/** The header columns the history needs: everything but the themes, the heavy part. */
export const headerColumns = [
  "title",
  "formatJson",
  "phase",
  "votesPerPerson",
  "startedAt",
  "startedById",
  "startedByName",
  "closedAt",
  "conversationId",
  "summaryJson",
];

export const actionColumns = [
  "retroId",
  "text",
  "kind",
  "ownerId",
  "ownerName",
  "dueDate",
  "escalate",
  "status",
  "createdAt",
  "updatedAt",
];

export function retroFromRow(row: Row): RetroEntity {
  return { ...retroHeaderFromRow(row), themes: themesFromRow(row) };
}

export function retroHeaderFromRow(row: Row): RetroHeaderEntity {
  return {
    retroId: row.rowKey.slice("retro|".length),
    title: str(row, "title"),
    format: json<StoredRetroFormat>(row, "formatJson", {
      id: "custom",
      title: "",
      prompts: [],
      scored: false,
    }),
    phase: str(row, "phase") as RetroPhase,
    votesPerPerson: Number(row["votesPerPerson"] ?? 0),
    startedAt: str(row, "startedAt"),
    startedBy: { id: str(row, "startedById"), displayName: str(row, "startedByName") },
    closedAt: optionalStr(row, "closedAt"),
    conversationId: optionalStr(row, "conversationId"),
    summary: json<RetroSummary | null>(row, "summaryJson", null),
    etag: row.etag,
  };
}

export function entryFromRow(row: Row): RetroEntryEntity {
  const authorId = optionalStr(row, "authorId");
  const hiddenReason = optionalStr(row, "hiddenReason");
  return {
    entryId: row.rowKey.split("|")[3] ?? "",
    promptId: str(row, "promptId"),
    text: str(row, "text"),
    score: typeof row["score"] === "number" ? row["score"] : null,
    author: authorId ? { id: authorId, displayName: str(row, "authorName") } : null,
    hidden: hiddenReason
      ? {
          reason: hiddenReason,
          by: { id: str(row, "hiddenById"), displayName: str(row, "hiddenByName") },
          at: str(row, "hiddenAt"),
        }
      : null,
    etag: row.etag,
  };
}

export function tallyFromRow(row: Row): RetroTallyShard {
  return {
    shard: Number(row.rowKey.split("|")[3] ?? 0),
    counts: json<Record<string, number>>(row, "countsJson", {}),
    etag: row.etag,
  };
}

export function personVotesFromRow(row: Row): RetroPersonVotes {
  return {
    userId: str(row, "userId"),
    targets: json<string[]>(row, "targetsJson", []),
    keyHashes: json<string[]>(row, "keysJson", []),
    etag: row.etag,
  };
}

/** A person's row before their first vote. */
export const noVotes = (userId: string): RetroPersonVotes => ({
  userId,
  targets: [],
  keyHashes: [],
  etag: null,
});

export function actionFromRow(row: Row): RetroActionEntity {
  return {
    actionId: row.rowKey.slice("action|".length),
    retroId: str(row, "retroId"),
    text: str(row, "text"),
    kind: str(row, "kind") as RetroActionKind,
    owner: { id: str(row, "ownerId"), displayName: str(row, "ownerName") },
    dueDate: str(row, "dueDate"),
    escalate: row["escalate"] === true,
    status: str(row, "status") as RetroActionStatus,
    createdAt: str(row, "createdAt"),
    updatedAt: str(row, "updatedAt"),
    etag: row.etag,
  };
}

export function retroFields(retro: Omit<RetroEntity, "etag" | "retroId">) {
  return {
    title: retro.title,
    formatJson: JSON.stringify(retro.format),
    phase: retro.phase,
    votesPerPerson: retro.votesPerPerson,
    startedAt: retro.startedAt,
    startedById: retro.startedBy.id,
    startedByName: retro.startedBy.displayName,
    closedAt: retro.closedAt ?? "",
    ...themesFields(retro.themes),
    conversationId: retro.conversationId ?? "",
    summaryJson: retro.summary ? JSON.stringify(retro.summary) : "",
  };
}

export function actionFields(action: Omit<RetroActionEntity, "etag" | "actionId">) {
  return {
    retroId: action.retroId,
    text: action.text,
    kind: action.kind,
    ownerId: action.owner.id,
    ownerName: action.owner.displayName,
    dueDate: action.dueDate,
    escalate: action.escalate,
    status: action.status,
    createdAt: action.createdAt,
    updatedAt: action.updatedAt,
  };
}

const actionRange = `(RowKey ge 'action|' and RowKey lt ${odataString(prefixUpperBound("action"))})`;
/**
 * Actions not yet done. Done actions stay where they were written (no migration), and the filter
 * keeps them out of every read that is not about their own retro.
 */
export const undoneActions = `(${actionRange} and status ne 'done')`;
/**
 * A retro's own actions (done ones too) and the community's actions not yet done: one key range,
 * the rest a filter on properties.
 */
export const actionsConcerning = (retroId: string) =>
  `(${actionRange} and (status ne 'done' or retroId eq ${odataString(retroId)}))`;

/**
 * Rows per page of the history query. Its rows come in RowKey order, so the community's undone
 * actions ("action|") arrive before the retro headers ("retro|", newest first): one page holds
 * them (at most `retroLimits.openActionsMax`) and the newest headers in one round trip, and no
 * more than one page of headers is ever read, however long the history.
 */
export const listPageSize = retroLimits.openActionsMax + 50;
export const headerRange = { lower: "retro|", upper: prefixUpperBound("retro") };
