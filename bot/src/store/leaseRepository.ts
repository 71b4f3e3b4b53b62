import type { TableClient } from "@azure/data-tables";
import { readOrNull } from "./rows";
import { isConflict } from "./storageErrors";

const partitionKey = "scheduler";
const leaseRowKey = "lease";
const progressPrefix = "progress|";

interface LeaseRow {
  partitionKey: string;
  rowKey: string;
  holder: string;
  /** ISO instant after which another instance may take the lease. */
  expiresAt: string;
}

interface ProgressRow {
  partitionKey: string;
  rowKey: string;
  /** ISO instant up to which the source's due work has been enqueued. */
  lastTick: string;
}

/**
 * The scheduler's shared state in the "jobState" table: the leader's lease (one row, written
 * only conditionally on its ETag, so two instances can never both hold it) and, per due-work
 * source, the instant its work was last enqueued up to.
 */
export interface LeaseRepository {
  /**
   * Takes the lease when it is free or expired, or renews it when `holder` has it. Resolves true
   * when `holder` holds it until `expiresAt`, false when another instance does.
   */
  acquire(props: { holder: string; now: Date; expiresAt: Date }): Promise<boolean>;
  /** Gives the lease up at once (a clean stop) when `holder` still has it. */
  release(props: { holder: string; now: Date }): Promise<void>;
  /** When the source's due work was last enqueued up to; null before its first tick. */
  lastTick(props: { source: string }): Promise<Date | null>;
  /** Records that the source's due work up to `at` is enqueued. */
  saveLastTick(props: { source: string; at: Date }): Promise<void>;
}

/** The Table Storage implementation of LeaseRepository. */
export function createLeaseRepository(table: TableClient): LeaseRepository {
  const readLease = () => readOrNull<LeaseRow>(table, partitionKey, leaseRowKey);

  return {
    async acquire({ holder, now, expiresAt }) {
      const row: LeaseRow = {
        partitionKey,
        rowKey: leaseRowKey,
        holder,
        expiresAt: expiresAt.toISOString(),
      };
      const current = await readLease();
      try {
        if (current === null) {
          await table.createEntity(row);
          return true;
        }
        const free = current.holder === holder || current.expiresAt <= now.toISOString();
        if (!free) return false;
        // Conditional on the version read: of two instances racing for an expired lease, one wins.
        await table.updateEntity(row, "Replace", { etag: current.etag });
        return true;
      } catch (error) {
        if (isConflict(error)) return false;
        throw error;
      }
    },
    async release({ holder, now }) {
      const current = await readLease();
      if (!current || current.holder !== holder) return;
      try {
        await table.updateEntity(
          { partitionKey, rowKey: leaseRowKey, holder, expiresAt: now.toISOString() },
          "Replace",
          { etag: current.etag },
        );
      } catch (error) {
        // Someone else took it meanwhile: nothing left to give up.
        if (!isConflict(error)) throw error;
      }
    },
    async lastTick({ source }) {
      const row = await readOrNull<ProgressRow>(table, partitionKey, progressPrefix + source);
      return row ? new Date(row.lastTick) : null;
    },
    async saveLastTick({ source, at }) {
      // Only the leader writes progress, so a plain upsert cannot lose a concurrent update.
      await table.upsertEntity(
        { partitionKey, rowKey: progressPrefix + source, lastTick: at.toISOString() },
        "Replace",
      );
    },
  };
}
