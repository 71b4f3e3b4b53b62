import type { TableClient, TransactionAction } from "@azure/data-tables";
import { encodeCursor, readPage } from "../paging";
import { conditionalWrite, readOrNull, type Row } from "../rows";
import { isConflict } from "../storageErrors";
import { communityPartitionKey, odataString } from "../tables";
import type {
  RetroEntity,
  RetroEntryEntity,
  RetroVoteEntity,
  RetroActionEntity,
  RetroHeaderEntity,
  RetroRepository,
} from "./types";
import {
  retroKey,
  contentPrefix,
  entryKey,
  voteKey,
  voteMarkerKey,
  actionKey,
  themesFields,
  headerColumns,
  actionColumns,
  retroFromRow,
  retroHeaderFromRow,
  entryFromRow,
  voteFromRow,
  actionFromRow,
  retroFields,
  actionFields,
  undoneActions,
  actionsOfRetro,
  listPageSize,
  headerRange,
} from "./rows";

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

    async read({ tenantId, communityId, retroId }) {
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

    async readRetro({ tenantId, communityId, retroId }) {
      const row = await readOrNull<Row>(
        table,
        communityPartitionKey(tenantId, communityId),
        retroKey(retroId),
      );
      return row ? retroFromRow(row) : null;
    },

    async list({ tenantId, communityId, limit }) {
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

    async readAction({ tenantId, communityId, actionId }) {
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
