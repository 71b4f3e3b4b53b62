import type { TableClient, TransactionAction } from "@azure/data-tables";
import {
  retroLimits,
  type PersonRef,
  type RetroActionKind,
  type RetroActionStatus,
  type RetroPhase,
  type RetroTheme,
} from "@practice-hub/shared";
import { joinProperty, splitProperty, type PropertyParts } from "./splitProperty";
import { encodeCursor, readPage } from "./paging";
import { conditionalWrite, json, optionalStr, parseJson, readOrNull, str, type Row } from "./rows";
import { isConflict } from "./storageErrors";
import { communityPartitionKey, odataString, prefixUpperBound } from "./tables";

/** The format as stored with a retro, so later edits of a custom format never change it. */
export interface StoredRetroFormat {
  id: "keepDropAdd" | "quarterly" | "fourHeadlines" | "pulse" | "custom";
  title: string;
  prompts: { id: string; label: string; hint?: string; linksTo?: "canvasPurpose" }[];
  scored: boolean;
}

/** The retro header: everything but its entries, votes and actions. */
export interface RetroEntity {
  retroId: string;
  title: string;
  format: StoredRetroFormat;
  phase: RetroPhase;
  votesPerPerson: number;
  startedAt: string;
  startedBy: PersonRef;
  closedAt: string | null;
  themes: RetroTheme[];
  /** The channel the retro card was posted to, when it was. */
  conversationId: string | null;
  /** Written on close, so the history lists results without reading every retro's votes. */
  summary: RetroSummary | null;
  etag: string;
}

/** What a closed retro came to. */
export interface RetroSummary {
  topThemes: { title: string; votes: number }[];
  pulse: { average: number; count: number } | null;
}

/**
 * One entry. An anonymous entry has `author` null and the row holds no author property at all;
 * its id derives from the submission key, never from the person.
 */
export interface RetroEntryEntity {
  entryId: string;
  promptId: string;
  text: string;
  score: number | null;
  author: PersonRef | null;
  hidden: { reason: string; by: PersonRef; at: string } | null;
  etag: string;
}

/** One vote: person, slot (0-based, below votesPerPerson) and target. */
export interface RetroVoteEntity {
  userId: string;
  slot: number;
  target: string;
}

/** An action decided in a retro; community-wide so open actions outlive their retro. */
export interface RetroActionEntity {
  actionId: string;
  retroId: string;
  text: string;
  kind: RetroActionKind;
  owner: PersonRef;
  dueDate: string;
  escalate: boolean;
  status: RetroActionStatus;
  createdAt: string;
  updatedAt: string;
  etag: string;
}

/** A retro header as the history lists it: without its themes, which only the retro needs. */
export type RetroHeaderEntity = Omit<RetroEntity, "themes">;

/** A retro with everything in it, plus the community's actions that concern it. */
export interface RetroAggregate {
  retro: RetroEntity;
  entries: RetroEntryEntity[];
  votes: RetroVoteEntity[];
  /** Hashed submission keys of votes already stored, to answer retries without a new vote. */
  voteKeys: Set<string>;
  /** Every action of this retro (done ones too) and the community's actions not yet done. */
  communityActions: RetroActionEntity[];
}

/** Result of inserting a vote. */
export type CastVoteResult = "created" | "duplicate" | "slotTaken";

/** Retro storage: everything of a community in its partition (DESIGN.md "Data in Table Storage"). */
export interface RetroRepository {
  /** Inserts a new retro header. */
  create(props: {
    tenantId: string;
    communityId: string;
    retro: Omit<RetroEntity, "etag">;
  }): Promise<RetroEntity>;
  /**
   * The retro, its entries and votes, its own actions and the community's actions not yet done:
   * one partition query (the rows are ranges of one partition joined by OR), null when there is
   * no such retro. Done actions of other retros stay out, so the read does not grow with history.
   */
  read(tenantId: string, communityId: string, retroId: string): Promise<RetroAggregate | null>;
  /** The retro header alone (no entries, votes or actions): one point read. */
  readRetro(tenantId: string, communityId: string, retroId: string): Promise<RetroEntity | null>;
  /**
   * The newest `limit` retro headers, newest first, and the actions not yet done: one partition
   * query that stops once it has the headers (usually one round trip, see `listPageSize`).
   */
  list(
    tenantId: string,
    communityId: string,
    limit: number,
  ): Promise<{ retros: RetroHeaderEntity[]; actions: RetroActionEntity[] }>;
  /**
   * A page of retro headers, newest first, with the cursor of the next page. The first page (no
   * cursor) also carries the actions not yet done, in the same query as `list`; later pages read
   * headers only: one partition query either way.
   */
  listPage(props: {
    tenantId: string;
    communityId: string;
    limit: number;
    cursor?: string | undefined;
  }): Promise<{
    retros: RetroHeaderEntity[];
    actions: RetroActionEntity[];
    nextCursor: string | null;
  }>;
  /** Merges header fields, conditional on the ETag; ConcurrencyError when it changed. */
  updateRetro(props: {
    tenantId: string;
    communityId: string;
    retroId: string;
    expectedEtag: string;
    changes: Partial<
      Pick<RetroEntity, "phase" | "closedAt" | "themes" | "conversationId" | "summary">
    >;
  }): Promise<string>;
  /**
   * Inserts an entry under its id; when the id exists (the same submission again) nothing is
   * written and `created` is false.
   */
  addEntry(props: {
    tenantId: string;
    communityId: string;
    retroId: string;
    entry: Omit<RetroEntryEntity, "etag" | "hidden">;
  }): Promise<{ created: boolean }>;
  /** Records who hid an entry and why, conditional on the entry's ETag. */
  hideEntry(props: {
    tenantId: string;
    communityId: string;
    retroId: string;
    entryId: string;
    hidden: { reason: string; by: PersonRef; at: string };
    expectedEtag: string;
  }): Promise<void>;
  /**
   * Inserts a vote into the person's slot together with its submission-key marker, in one
   * transaction: "duplicate" when the key was used, "slotTaken" when a parallel vote won the slot.
   */
  castVote(props: {
    tenantId: string;
    communityId: string;
    retroId: string;
    vote: RetroVoteEntity;
    keyHash: string;
  }): Promise<CastVoteResult>;
  /**
   * Inserts an action under its id; when the id exists (the same submission again) nothing is
   * written, the stored action is answered and `created` is false.
   */
  addAction(props: {
    tenantId: string;
    communityId: string;
    action: Omit<RetroActionEntity, "etag">;
  }): Promise<{ action: RetroActionEntity; created: boolean }>;
  /** One point read of an action. */
  readAction(
    tenantId: string,
    communityId: string,
    actionId: string,
  ): Promise<RetroActionEntity | null>;
  /** Sets an action's status, conditional on its ETag; answers the new ETag. */
  updateActionStatus(props: {
    tenantId: string;
    communityId: string;
    actionId: string;
    status: RetroActionStatus;
    updatedAt: string;
    expectedEtag: string;
  }): Promise<string>;
}

const retroKey = (retroId: string) => `retro|${retroId}`;
const contentPrefix = (retroId: string) => `r|${retroId}|`;
const entryKey = (retroId: string, entryId: string) => `r|${retroId}|e|${entryId}`;
const voteKey = (retroId: string, userId: string, slot: number) =>
  `r|${retroId}|v|${userId}|${String(slot).padStart(2, "0")}`;
const voteMarkerKey = (retroId: string, keyHash: string) => `r|${retroId}|k|${keyHash}`;
const actionKey = (actionId: string) => `action|${actionId}`;

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

function themesFields(themes: readonly RetroTheme[]): Record<string, string> {
  return splitProperty(JSON.stringify(themes), themesParts);
}

function themesFromRow(row: Row): RetroTheme[] {
  return parseJson<RetroTheme[]>(joinProperty(row, themesParts), []);
}

/** The header columns the history needs: everything but the themes, the heavy part. */
const headerColumns = [
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

const actionColumns = [
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

function retroFromRow(row: Row): RetroEntity {
  return { ...retroHeaderFromRow(row), themes: themesFromRow(row) };
}

function retroHeaderFromRow(row: Row): RetroHeaderEntity {
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

function entryFromRow(row: Row): RetroEntryEntity {
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

function voteFromRow(row: Row): RetroVoteEntity {
  const parts = row.rowKey.split("|");
  return { userId: parts[3] ?? "", slot: Number(parts[4] ?? 0), target: str(row, "target") };
}

function actionFromRow(row: Row): RetroActionEntity {
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

function retroFields(retro: Omit<RetroEntity, "etag" | "retroId">) {
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

function actionFields(action: Omit<RetroActionEntity, "etag" | "actionId">) {
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
const undoneActions = `(${actionRange} and status ne 'done')`;
/** A retro's own actions: their ids are "<retroId>-<hash>", and "." sorts right after "-". */
const actionsOfRetro = (retroId: string) =>
  `(RowKey ge ${odataString(`action|${retroId}-`)} and RowKey lt ${odataString(`action|${retroId}.`)})`;

/**
 * Rows per page of the history query. Its rows come in RowKey order, so the community's undone
 * actions ("action|") arrive before the retro headers ("retro|", newest first): one page holds
 * them (at most `retroLimits.openActionsMax`) and the newest headers in one round trip, and no
 * more than one page of headers is ever read, however long the history.
 */
const listPageSize = retroLimits.openActionsMax + 50;
const headerRange = { lower: "retro|", upper: prefixUpperBound("retro") };

/** The Table Storage implementation of RetroRepository. */
export function createRetroRepository(table: TableClient): RetroRepository {
  const listPage: RetroRepository["listPage"] = async ({
    tenantId,
    communityId,
    limit,
    cursor,
  }) => {
    const partitionKey = communityPartitionKey(tenantId, communityId);
    if (cursor) {
      const { rows, nextCursor } = await readPage<Row>({
        table,
        partitionKey,
        range: headerRange,
        limit,
        cursor,
        belongs: (rowKey) => rowKey.startsWith("retro|"),
      });
      return { retros: rows.map(retroHeaderFromRow), actions: [], nextCursor };
    }
    const headers = `(RowKey ge 'retro|' and RowKey lt ${odataString(headerRange.upper)})`;
    const filter = `PartitionKey eq ${odataString(partitionKey)} and (${undoneActions} or ${headers})`;
    const retros: { rowKey: string; header: RetroHeaderEntity }[] = [];
    const actions: RetroActionEntity[] = [];
    const pages = table
      .listEntities<Row>({
        queryOptions: { filter, select: ["rowKey", ...headerColumns, ...actionColumns] },
      })
      .byPage({ maxPageSize: listPageSize });
    for await (const page of pages) {
      for (const row of page) {
        if (!row.rowKey.startsWith("retro|")) actions.push(actionFromRow(row));
        else if (retros.length <= limit)
          retros.push({ rowKey: row.rowKey, header: retroHeaderFromRow(row) });
      }
      // Headers come after every action, newest first (retro ids start with a newest-first
      // key): once one more than `limit` is in (so another page is known to exist), the older
      // ones are left unread.
      if (retros.length > limit) break;
    }
    const last = retros.length > limit ? retros[limit - 1] : undefined;
    return {
      retros: retros.slice(0, limit).map((retro) => retro.header),
      actions,
      nextCursor: last ? encodeCursor(last.rowKey) : null,
    };
  };

  return {
    async create({ tenantId, communityId, retro }) {
      const response = await table.createEntity({
        partitionKey: communityPartitionKey(tenantId, communityId),
        rowKey: retroKey(retro.retroId),
        ...retroFields(retro),
      });
      return { ...retro, etag: response.etag ?? "" };
    },

    async read(tenantId, communityId, retroId) {
      const pk = odataString(communityPartitionKey(tenantId, communityId));
      const prefix = contentPrefix(retroId);
      const filter =
        `PartitionKey eq ${pk} and (RowKey eq ${odataString(retroKey(retroId))} or ` +
        `(RowKey ge ${odataString(prefix)} and RowKey lt ${odataString(`r|${retroId}}`)}) or ` +
        `${actionsOfRetro(retroId)} or ${undoneActions})`;
      let retro: RetroEntity | null = null;
      const entries: RetroEntryEntity[] = [];
      const votes: RetroVoteEntity[] = [];
      const voteKeys = new Set<string>();
      const communityActions: RetroActionEntity[] = [];
      for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) {
        const key = row.rowKey;
        if (key === retroKey(retroId)) retro = retroFromRow(row);
        else if (key.startsWith(`${prefix}e|`)) entries.push(entryFromRow(row));
        else if (key.startsWith(`${prefix}v|`)) votes.push(voteFromRow(row));
        else if (key.startsWith(`${prefix}k|`)) voteKeys.add(key.slice(`${prefix}k|`.length));
        else if (key.startsWith("action|")) communityActions.push(actionFromRow(row));
      }
      return retro ? { retro, entries, votes, voteKeys, communityActions } : null;
    },

    async readRetro(tenantId, communityId, retroId) {
      const row = await readOrNull<Row>(
        table,
        communityPartitionKey(tenantId, communityId),
        retroKey(retroId),
      );
      return row ? retroFromRow(row) : null;
    },

    async list(tenantId, communityId, limit) {
      const { retros, actions } = await listPage({ tenantId, communityId, limit });
      return { retros, actions };
    },

    listPage,

    async updateRetro({ tenantId, communityId, retroId, expectedEtag, changes }) {
      const entity = {
        partitionKey: communityPartitionKey(tenantId, communityId),
        rowKey: retroKey(retroId),
        ...(changes.phase !== undefined ? { phase: changes.phase } : {}),
        ...(changes.closedAt !== undefined ? { closedAt: changes.closedAt ?? "" } : {}),
        ...(changes.themes !== undefined ? themesFields(changes.themes) : {}),
        ...(changes.conversationId !== undefined
          ? { conversationId: changes.conversationId ?? "" }
          : {}),
        ...(changes.summary !== undefined
          ? { summaryJson: changes.summary ? JSON.stringify(changes.summary) : "" }
          : {}),
      };
      const response = await conditionalWrite("The retro changed since it was read.", () =>
        table.updateEntity(entity, "Merge", { etag: expectedEtag }),
      );
      return response.etag ?? "";
    },

    async addEntry({ tenantId, communityId, retroId, entry }) {
      try {
        await table.createEntity({
          partitionKey: communityPartitionKey(tenantId, communityId),
          rowKey: entryKey(retroId, entry.entryId),
          promptId: entry.promptId,
          text: entry.text,
          ...(entry.score !== null ? { score: entry.score } : {}),
          // Anonymous entries carry no author property at all, not even an empty one.
          ...(entry.author
            ? { authorId: entry.author.id, authorName: entry.author.displayName }
            : {}),
        });
        return { created: true };
      } catch (error) {
        if (isConflict(error)) return { created: false };
        throw error;
      }
    },

    async hideEntry({ tenantId, communityId, retroId, entryId, hidden, expectedEtag }) {
      const entity = {
        partitionKey: communityPartitionKey(tenantId, communityId),
        rowKey: entryKey(retroId, entryId),
        hiddenReason: hidden.reason,
        hiddenById: hidden.by.id,
        hiddenByName: hidden.by.displayName,
        hiddenAt: hidden.at,
      };
      await conditionalWrite("The entry changed since it was read.", () =>
        table.updateEntity(entity, "Merge", { etag: expectedEtag }),
      );
    },

    async castVote({ tenantId, communityId, retroId, vote, keyHash }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      const actions: TransactionAction[] = [
        ["create", { partitionKey, rowKey: voteMarkerKey(retroId, keyHash), userId: vote.userId }],
        [
          "create",
          {
            partitionKey,
            rowKey: voteKey(retroId, vote.userId, vote.slot),
            target: vote.target,
            keyHash,
          },
        ],
      ];
      try {
        await table.submitTransaction(actions);
        return "created";
      } catch (error) {
        if (!isConflict(error)) throw error;
        // The transaction says which row existed only in its message; one point read is clearer.
        const marker = await readOrNull(table, partitionKey, voteMarkerKey(retroId, keyHash));
        return marker ? "duplicate" : "slotTaken";
      }
    },

    async addAction({ tenantId, communityId, action }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      try {
        const response = await table.createEntity({
          partitionKey,
          rowKey: actionKey(action.actionId),
          ...actionFields(action),
        });
        return { action: { ...action, etag: response.etag ?? "" }, created: true };
      } catch (error) {
        if (!isConflict(error)) throw error;
        // The insert lost to the same submission: answer what that one stored.
        const row = await table.getEntity<Row>(partitionKey, actionKey(action.actionId));
        return { action: actionFromRow(row), created: false };
      }
    },

    async readAction(tenantId, communityId, actionId) {
      const row = await readOrNull<Row>(
        table,
        communityPartitionKey(tenantId, communityId),
        actionKey(actionId),
      );
      return row ? actionFromRow(row) : null;
    },

    async updateActionStatus({ tenantId, communityId, actionId, status, updatedAt, expectedEtag }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      const response = await conditionalWrite("The action changed since it was read.", () =>
        table.updateEntity(
          { partitionKey, rowKey: actionKey(actionId), status, updatedAt },
          "Merge",
          { etag: expectedEtag },
        ),
      );
      return response.etag ?? "";
    },
  };
}
