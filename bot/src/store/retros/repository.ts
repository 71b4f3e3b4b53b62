import type { TableClient, TransactionAction } from "@azure/data-tables";
import { encodeCursor, readPage } from "../paging";
import { conditionalWrite, readOrNull, type Row } from "../rows";
import { isConflict } from "../storageErrors";
import { communityPartitionKey, odataString } from "../tables";
import type {
  RetroEntity,
  RetroEntryEntity,
  RetroTallyShard,
  RetroActionEntity,
  RetroHeaderEntity,
  RetroRepository,
} from "./types";
import {
  retroKey,
  contentPrefix,
  entryKey,
  tallyKey,
  personVotesKey,
  retroRange,
  actionKey,
  themesFields,
  headerColumns,
  actionColumns,
  retroFromRow,
  retroHeaderFromRow,
  entryFromRow,
  tallyFromRow,
  personVotesFromRow,
  noVotes,
  shardOf,
  actionFromRow,
  retroFields,
  actionFields,
  undoneActions,
  actionsConcerning,
  listPageSize,
  headerRange,
} from "./rows";
import { migrateRetroVotes } from "./voteMigration";

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

    async read({ tenantId, communityId, retroId, userId, withActions }) {
      const pk = odataString(communityPartitionKey(tenantId, communityId));
      const range = retroRange(retroId);
      // One query, so a retro's detail takes one round trip after the roles: the header, the
      // entries and tallies (one range), the reader's own votes and the actions that concern
      // the retro (one range and a property filter). Never the other people's votes.
      const parts = [
        `RowKey eq ${odataString(retroKey(retroId))}`,
        `(RowKey ge ${odataString(range.lower)} and RowKey lt ${odataString(range.upper)})`,
        ...(userId ? [`RowKey eq ${odataString(personVotesKey(retroId, userId))}`] : []),
        ...(withActions ? [actionsConcerning(retroId)] : []),
      ];
      const filter = `PartitionKey eq ${pk} and (${parts.join(" or ")})`;
      let retro: RetroEntity | null = null;
      const entries: RetroEntryEntity[] = [];
      const tallies: RetroTallyShard[] = [];
      const communityActions: RetroActionEntity[] = [];
      let mine = noVotes(userId ?? "");
      const prefix = contentPrefix(retroId);
      for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) {
        const kind = row.rowKey.startsWith(prefix) ? row.rowKey.charAt(prefix.length) : "";
        if (row.rowKey === retroKey(retroId)) retro = retroFromRow(row);
        else if (row.rowKey.startsWith("action|")) communityActions.push(actionFromRow(row));
        else if (kind === "e") entries.push(entryFromRow(row));
        else if (kind === "f") tallies.push(tallyFromRow(row));
        else if (kind === "i") mine = personVotesFromRow(row);
      }
      return retro ? { retro, entries, tallies, mine, communityActions } : null;
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
      const response = await conditionalWrite("The entry changed since it was read.", () =>
        table.updateEntity(entity, "Merge", { etag: expectedEtag }),
      );
      return response.etag ?? "";
    },

    async castVote({ tenantId, communityId, retroId, mine, tallies, target, keyHash }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      const shardId = shardOf(mine.userId);
      const shard = tallies.find((tally) => tally.shard === shardId) ?? {
        shard: shardId,
        counts: {},
        etag: null,
      };
      const person = {
        partitionKey,
        rowKey: personVotesKey(retroId, mine.userId),
        userId: mine.userId,
        targetsJson: JSON.stringify([...mine.targets, target]),
        keysJson: JSON.stringify([...mine.keyHashes, keyHash]),
      };
      const tally = {
        partitionKey,
        rowKey: tallyKey(retroId, shard.shard),
        countsJson: JSON.stringify({ ...shard.counts, [target]: (shard.counts[target] ?? 0) + 1 }),
      };
      const written = (
        row: typeof person | typeof tally,
        etag: string | null,
      ): TransactionAction =>
        etag === null ? ["create", row] : ["update", row, "Replace", { etag }];
      try {
        await table.submitTransaction([written(person, mine.etag), written(tally, shard.etag)]);
        return "created";
      } catch (error) {
        if (isConflict(error)) return "conflict";
        throw error;
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

    migrateVotes: () => migrateRetroVotes(table),

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
