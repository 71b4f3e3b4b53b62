/**
 * The member index (rows.ts) came after the memberships: rows stored before it have only the
 * person's own row. This writes the index rows they lack, once per storage account, so existing
 * communities (the demo one included) keep every member.
 */
import type { TableClient } from "@azure/data-tables";
import { isConflict } from "../storageErrors";
import {
  type MemberIndexRow,
  type MembershipRow,
  memberIndexKey,
  memberIndexMark,
  separator,
} from "./rows";

/** PartitionKey of the marker row that says the migration ran; no tenant id looks like it. */
const migrationPartition = "migrations";
const markerKey = "memberIndex-1";
/** The most actions of one Table Storage transaction. */
const transactionSize = 100;

/** Writes missing index rows and the marker; answers how many rows it wrote. */
export async function migrateMemberIndex(table: TableClient): Promise<number> {
  try {
    await table.getEntity(migrationPartition, markerKey);
    return 0;
  } catch {
    // Not there yet (or unreadable: the scan below is safe to repeat).
  }
  const existing = new Set<string>();
  const wanted = new Map<string, MemberIndexRow[]>();
  for await (const row of table.listEntities<MembershipRow>()) {
    if (row.rowKey.startsWith(memberIndexMark)) {
      existing.add(`${row.partitionKey}\n${row.rowKey}`);
      continue;
    }
    const split = row.rowKey.indexOf(separator);
    const communityId = row.rowKey.slice(split + 1);
    if (row.rowKey.startsWith("!") || split < 0 || communityId === "") continue;
    const userId = row.rowKey.slice(0, split);
    const index: MemberIndexRow = {
      partitionKey: row.partitionKey,
      rowKey: memberIndexKey(communityId, row.displayName, userId),
      roles: row.roles,
      displayName: row.displayName,
      leftTeamAt: row.leftTeamAt ?? "",
      communityId,
      userId,
    };
    wanted.set(row.partitionKey, [...(wanted.get(row.partitionKey) ?? []), index]);
  }
  let written = 0;
  for (const rows of wanted.values()) {
    const missing = rows.filter((row) => !existing.has(`${row.partitionKey}\n${row.rowKey}`));
    for (let start = 0; start < missing.length; start += transactionSize) {
      written += await createAll(table, missing.slice(start, start + transactionSize));
    }
  }
  await table.upsertEntity({ partitionKey: migrationPartition, rowKey: markerKey });
  return written;
}

/**
 * Creates rows of one partition in one transaction; one by one when some exist already (another
 * instance migrating, or a change made meanwhile, which is newer and stays).
 */
async function createAll(table: TableClient, rows: MemberIndexRow[]): Promise<number> {
  try {
    await table.submitTransaction(rows.map((row) => ["create", { ...row }]));
    return rows.length;
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
  let written = 0;
  for (const row of rows) {
    try {
      await table.createEntity(row);
      written += 1;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  return written;
}
