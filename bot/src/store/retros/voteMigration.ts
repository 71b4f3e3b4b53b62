/**
 * Tallies and person rows (rows.ts) came after votes stored a row per vote
 * (`r|<retroId>|v|<userId>|<slot>`, with a `target`) and a marker per submission key
 * (`r|<retroId>|k|<keyHash>`, with a `userId`). This writes, once per storage account, the
 * person rows and tally shards of every retro that has old votes and no new rows, so every vote
 * still counts and every retry is still recognised. The old rows stay where they are: no read
 * reaches them any more (they sort after the people's rows).
 */
import type { TableClient, TransactionAction } from "@azure/data-tables";
import { str, type Row } from "../rows";
import { personVotesKey, shardOf, tallyKey } from "./rows";

const migrationPartition = "migrations";
const markerKey = "retroVotes-1";
/** The most actions of one Table Storage transaction. */
const transactionSize = 100;

/** The votes one retro has under the old layout, and whether it has new rows already. */
interface OldRetro {
  partitionKey: string;
  retroId: string;
  hasNewVotes: boolean;
  targets: Map<string, string[]>;
  keys: Map<string, string[]>;
}

/** Writes the missing rows and the marker; answers how many retros it wrote rows for. */
export async function migrateRetroVotes(table: TableClient): Promise<number> {
  try {
    await table.getEntity(migrationPartition, markerKey);
    return 0;
  } catch {
    // Not there yet (or unreadable: the writes below are safe to repeat).
  }
  const retros = new Map<string, OldRetro>();
  const retroOf = (partitionKey: string, retroId: string) => {
    const id = `${partitionKey}\n${retroId}`;
    let retro = retros.get(id);
    if (!retro) {
      retro = {
        partitionKey,
        retroId,
        hasNewVotes: false,
        targets: new Map(),
        keys: new Map(),
      };
      retros.set(id, retro);
    }
    return retro;
  };
  const push = (map: Map<string, string[]>, key: string, value: string) =>
    map.set(key, [...(map.get(key) ?? []), value]);
  for await (const row of table.listEntities<Row>()) {
    const pk = row.partitionKey ?? "";
    const [r, retroId, kind, id] = row.rowKey.split("|");
    if (r !== "r" || !retroId) continue;
    const retro = retroOf(pk, retroId);
    if (kind === "f" || kind === "i") retro.hasNewVotes = true;
    else if (kind === "v" && id) push(retro.targets, id, str(row, "target"));
    else if (kind === "k" && id) push(retro.keys, str(row, "userId"), id);
  }
  let moved = 0;
  for (const retro of retros.values()) {
    const rows = rowsOf(retro);
    for (let start = 0; start < rows.length; start += transactionSize) {
      await table.submitTransaction(
        rows
          .slice(start, start + transactionSize)
          .map((row): TransactionAction => ["upsert", row, "Replace"]),
      );
    }
    if (rows.length > 0) moved += 1;
  }
  await table.upsertEntity({ partitionKey: migrationPartition, rowKey: markerKey });
  return moved;
}

/** The new rows one retro lacks. */
function rowsOf(retro: OldRetro) {
  const { partitionKey, retroId } = retro;
  const rows: ({ partitionKey: string; rowKey: string } & Record<string, unknown>)[] = [];
  if (retro.hasNewVotes) return rows;
  const shards = new Map<number, Record<string, number>>();
  for (const [userId, targets] of retro.targets) {
    const counts = shards.get(shardOf(userId)) ?? {};
    for (const target of targets) counts[target] = (counts[target] ?? 0) + 1;
    shards.set(shardOf(userId), counts);
    rows.push({
      partitionKey,
      rowKey: personVotesKey(retroId, userId),
      userId,
      targetsJson: JSON.stringify(targets),
      keysJson: JSON.stringify(retro.keys.get(userId) ?? []),
    });
  }
  for (const [shard, counts] of shards) {
    rows.push({
      partitionKey,
      rowKey: tallyKey(retroId, shard),
      countsJson: JSON.stringify(counts),
    });
  }
  return rows;
}
