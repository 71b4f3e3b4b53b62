/**
 * How retro headers, entries, votes, vote markers and actions are laid out in Table Storage: RowKeys, row shapes and the mapping between
 * rows and entities. Only ./repository.ts uses it; nothing outside the store sees a row.
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
  RetroVoteEntity,
  RetroActionEntity,
  RetroHeaderEntity,
} from "./types";

export const retroKey = (retroId: string) => `retro|${retroId}`;
export const contentPrefix = (retroId: string) => `r|${retroId}|`;
export const entryKey = (retroId: string, entryId: string) => `r|${retroId}|e|${entryId}`;
export const voteKey = (retroId: string, userId: string, slot: number) =>
  `r|${retroId}|v|${userId}|${String(slot).padStart(2, "0")}`;
export const voteMarkerKey = (retroId: string, keyHash: string) => `r|${retroId}|k|${keyHash}`;
export const actionKey = (actionId: string) => `action|${actionId}`;

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

export function voteFromRow(row: Row): RetroVoteEntity {
  const parts = row.rowKey.split("|");
  return { userId: parts[3] ?? "", slot: Number(parts[4] ?? 0), target: str(row, "target") };
}

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
/** A retro's own actions: their ids are "<retroId>-<hash>", and "." sorts right after "-". */
export const actionsOfRetro = (retroId: string) =>
  `(RowKey ge ${odataString(`action|${retroId}-`)} and RowKey lt ${odataString(`action|${retroId}.`)})`;

/**
 * Rows per page of the history query. Its rows come in RowKey order, so the community's undone
 * actions ("action|") arrive before the retro headers ("retro|", newest first): one page holds
 * them (at most `retroLimits.openActionsMax`) and the newest headers in one round trip, and no
 * more than one page of headers is ever read, however long the history.
 */
export const listPageSize = retroLimits.openActionsMax + 50;
export const headerRange = { lower: "retro|", upper: prefixUpperBound("retro") };
