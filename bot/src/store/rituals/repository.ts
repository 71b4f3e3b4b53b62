import type { TableClient, TransactionAction } from "@azure/data-tables";
import { unchangedOccurrence, type LocalDate, type OccurrenceChange } from "@practice-hub/shared";
import { conditionalWrite, parseJson, readOrNull, requireEtag, str, type Row } from "../rows";
import { ConcurrencyError, isConflict, isNotFound } from "../storageErrors";
import { communityPartitionKey, odataString, prefixUpperBound } from "../tables";
import type { RitualEntity, OccurrenceEntity, OccurrenceSummary, RitualRepository } from "./types";
import {
  feedTokenHash,
  ritualPrefix,
  occurrencePrefix,
  rsvpPart,
  feedRowKey,
  indexPartition,
  ritualKey,
  occurrenceKey,
  rsvpKey,
  seatKey,
  importBatch,
  parseOccurrenceKey,
  ritualToRow,
  ritualFromRow,
  occurrenceToRow,
  occurrenceFromRow,
  rsvpFromRow,
  untouchedOccurrenceRow,
} from "./rows";

/** The Table Storage implementation of RitualRepository. */
export function createRitualRepository(table: TableClient): RitualRepository {
  async function query(filter: string) {
    const rituals: RitualEntity[] = [];
    const occurrences = new Map<string, OccurrenceEntity>();
    const answers: { ritualId: string; originalDate: LocalDate; userId: string; row: Row }[] = [];
    for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) {
      if (row.rowKey.startsWith(`${ritualPrefix}|`)) {
        rituals.push(ritualFromRow(row));
      } else if (row.rowKey.startsWith(`${occurrencePrefix}|`)) {
        const { ritualId, originalDate, userId } = parseOccurrenceKey(row.rowKey);
        if (userId === null) occurrences.set(`${ritualId}|${originalDate}`, occurrenceFromRow(row));
        else answers.push({ ritualId, originalDate, userId, row });
      }
    }
    for (const { ritualId, originalDate, userId, row } of answers) {
      const key = `${ritualId}|${originalDate}`;
      let occurrence = occurrences.get(key);
      if (!occurrence) {
        occurrence = untouchedOccurrenceRow(ritualId, originalDate);
        occurrences.set(key, occurrence);
      }
      occurrence.rsvps[userId] = rsvpFromRow(row);
    }
    return { rituals, occurrences: [...occurrences.values()] };
  }
  const ritualRange = `RowKey gt ${odataString(`${ritualPrefix}|`)} and RowKey lt ${odataString(prefixUpperBound(ritualPrefix))}`;
  const pk = (tenantId: string, communityId: string) =>
    odataString(communityPartitionKey(tenantId, communityId));

  return {
    async readCalendar({ tenantId, communityId, fromDate, toDate }) {
      const occurrenceRange = `RowKey ge ${odataString(`${occurrencePrefix}|${fromDate}`)} and RowKey lt ${odataString(`${occurrencePrefix}|${toDate}`)}`;
      // Series and occurrence rows ride in one query (an OR inside one partition).
      return query(
        `PartitionKey eq ${pk(tenantId, communityId)} and ((${ritualRange}) or (${occurrenceRange}))`,
      );
    },

    async listRituals({ tenantId, communityId }) {
      return (await query(`PartitionKey eq ${pk(tenantId, communityId)} and ${ritualRange}`))
        .rituals;
    },

    async readRitual({ tenantId, communityId, ritualId }) {
      const row = await readOrNull<Row>(
        table,
        communityPartitionKey(tenantId, communityId),
        ritualKey(ritualId),
      );
      return row ? ritualFromRow(row) : null;
    },

    async readRitualAndOccurrence({ tenantId, communityId, ritualId, originalDate }) {
      const answers = `${occurrenceKey(originalDate, ritualId)}|${rsvpPart}`;
      const result = await query(
        `PartitionKey eq ${pk(tenantId, communityId)} and (RowKey eq ${odataString(ritualKey(ritualId))} or RowKey eq ${odataString(occurrenceKey(originalDate, ritualId))} or (RowKey gt ${odataString(`${answers}|`)} and RowKey lt ${odataString(prefixUpperBound(answers))}))`,
      );
      return { ritual: result.rituals[0] ?? null, occurrence: result.occurrences[0] ?? null };
    },

    async listOccurrenceSummaries({ tenantId, communityId, ritualId, fromDate, toDate }) {
      const found: OccurrenceSummary[] = [];
      const upper =
        toDate === null ? prefixUpperBound(occurrencePrefix) : `${occurrencePrefix}|${toDate}`;
      const rows = table.listEntities<Row>({
        queryOptions: {
          // Answer rows have no `change`, so storage leaves them out.
          filter: `PartitionKey eq ${pk(tenantId, communityId)} and RowKey ge ${odataString(`${occurrencePrefix}|${fromDate}`)} and RowKey lt ${odataString(upper)} and change gt ''`,
          // Only the first part of attendance: enough to know it is there.
          select: ["RowKey", "change", "attendance"],
        },
      });
      for await (const row of rows) {
        const { originalDate, ritualId: rowRitualId, userId } = parseOccurrenceKey(row.rowKey);
        if (rowRitualId !== ritualId || userId !== null) continue;
        found.push({
          originalDate,
          change: {
            ...unchangedOccurrence,
            ...parseJson<Partial<OccurrenceChange>>(row["change"], {}),
          },
          attended: str(row, "attendance") !== "",
        });
      }
      return found;
    },

    async createRituals({ tenantId, communityId, rituals }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      const actions: TransactionAction[] = rituals.map((r) => [
        "create",
        ritualToRow(partitionKey, r),
      ]);
      const response = await table.submitTransaction(actions);
      return rituals.map((ritual, index) => ({
        ...ritual,
        etag: requireEtag(response.subResponses[index]?.etag, "a transaction"),
      }));
    },

    async replaceRitual({ tenantId, communityId, ritual, expectedEtag }) {
      const row = ritualToRow(communityPartitionKey(tenantId, communityId), ritual);
      const response = await conditionalWrite("The ritual changed since it was read.", () =>
        table.updateEntity(row, "Replace", { etag: expectedEtag }),
      );
      return { ...ritual, etag: requireEtag(response.etag, "an update") };
    },

    async deleteRitual({ tenantId, communityId, ritualId, expectedEtag }) {
      try {
        await table.deleteEntity(
          communityPartitionKey(tenantId, communityId),
          ritualKey(ritualId),
          {
            etag: expectedEtag,
          },
        );
      } catch (error) {
        if (isConflict(error)) throw new ConcurrencyError("The ritual changed since it was read.");
        if (isNotFound(error)) throw new ConcurrencyError("The ritual is already gone.");
        throw error;
      }
    },

    async saveRsvp({
      tenantId,
      communityId,
      ritualId,
      originalDate,
      userId,
      answer,
      seat,
      expectedEtag,
    }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      const row = {
        partitionKey,
        rowKey: rsvpKey(originalDate, ritualId, userId),
        response: answer.response,
        displayName: answer.displayName,
        seat,
      };
      const etag = await conditionalWrite(
        "The answer or its seat changed since it was read.",
        async () => {
          if (expectedEtag === null) {
            const response = await table.submitTransaction([
              ["create", row],
              ["create", { partitionKey, rowKey: seatKey(originalDate, ritualId, seat), userId }],
            ]);
            return requireEtag(response.subResponses[0]?.etag, "a transaction");
          }
          const response = await table.updateEntity(row, "Replace", { etag: expectedEtag });
          return requireEtag(response.etag, "an update");
        },
      );
      return { ...answer, seat, etag };
    },

    async importRsvps({ tenantId, communityId, ritualId, originalDate, answers }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      for (let start = 0; start < answers.length; start += importBatch) {
        const actions: TransactionAction[] = answers
          .slice(start, start + importBatch)
          .flatMap(({ userId, response, displayName }, index): TransactionAction[] => {
            const seat = start + index;
            return [
              [
                "create",
                {
                  partitionKey,
                  rowKey: rsvpKey(originalDate, ritualId, userId),
                  response,
                  displayName,
                  seat,
                },
              ],
              ["create", { partitionKey, rowKey: seatKey(originalDate, ritualId, seat), userId }],
            ];
          });
        await table.submitTransaction(actions);
      }
    },

    async saveOccurrence({ tenantId, communityId, write, ritual }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      const { expectedEtag, ...entity } = write;
      const row = occurrenceToRow(partitionKey, entity);
      const actions: TransactionAction[] = [
        expectedEtag === null
          ? ["create", row]
          : ["update", row, "Replace", { etag: expectedEtag }],
      ];
      if (ritual) {
        actions.push([
          "update",
          ritualToRow(partitionKey, ritual.entity),
          "Replace",
          { etag: ritual.expectedEtag },
        ]);
      }
      const response = await conditionalWrite("The occurrence changed since it was read.", () =>
        table.submitTransaction(actions),
      );
      return {
        occurrence: {
          ...entity,
          etag: requireEtag(response.subResponses[0]?.etag, "a transaction"),
        },
        ritualEtag: ritual ? (response.subResponses[1]?.etag ?? null) : null,
      };
    },

    async indexCommunity({ tenantId, communityId }) {
      await table.upsertEntity(
        {
          partitionKey: indexPartition,
          rowKey: communityPartitionKey(tenantId, communityId),
          tenantId,
          communityId,
        },
        "Replace",
      );
    },

    async listIndexedCommunities() {
      const found: { tenantId: string; communityId: string }[] = [];
      const rows = table.listEntities<Row>({
        queryOptions: { filter: `PartitionKey eq ${odataString(indexPartition)}` },
      });
      for await (const row of rows) {
        found.push({ tenantId: str(row, "tenantId"), communityId: str(row, "communityId") });
      }
      return found;
    },

    async readFeedToken({ tenantId, communityId }) {
      const partitionKey = communityPartitionKey(tenantId, communityId);
      // Loops only when a champion renewed or revoked the feed while an old row was rewritten.
      for (;;) {
        const row = await readOrNull<Row>(table, partitionKey, feedRowKey);
        if (!row) return null;
        const legacyToken = str(row, "token");
        if (legacyToken === "") return { tokenHash: str(row, "tokenHash"), etag: row.etag };
        const tokenHash = feedTokenHash(legacyToken);
        try {
          // Replace drops the plain token: from now on only its hash is stored.
          const response = await table.updateEntity(
            { partitionKey, rowKey: feedRowKey, tokenHash },
            "Replace",
            { etag: row.etag },
          );
          return { tokenHash, etag: requireEtag(response.etag, "an update") };
        } catch (error) {
          if (!isConflict(error)) throw error;
        }
      }
    },

    async saveFeedToken({ tenantId, communityId, token, expectedEtag }) {
      const row = {
        partitionKey: communityPartitionKey(tenantId, communityId),
        rowKey: feedRowKey,
        tokenHash: token === "" ? "" : feedTokenHash(token),
      };
      const response = await conditionalWrite("The feed token changed since it was read.", () =>
        expectedEtag === null
          ? table.createEntity(row)
          : table.updateEntity(row, "Replace", { etag: expectedEtag }),
      );
      return { tokenHash: row.tokenHash, etag: requireEtag(response.etag, "a write") };
    },
  };
}
