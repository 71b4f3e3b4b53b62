import type { TableClient, TableEntityResult } from "@azure/data-tables";
import { z } from "zod";
import { odataString } from "./tables";

/** One page of a list, and the cursor of the next page (null on the last one). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A cursor this store did not give out for this list (made up, changed, or from another list). */
export class InvalidCursorError extends Error {
  override readonly name = "InvalidCursorError";
}

/**
 * Where a cursor points: the RowKey the next page starts after. It is wrapped, so callers cannot
 * read or build one (no RowKey leaves the store), and versioned, so the format can change.
 */
const positionSchema = z.object({ v: z.literal(1), after: z.string().min(1).max(512) });

/** The RowKeys of one list inside one partition: `lower <= RowKey < upper`. */
export interface RowKeyRange {
  lower: string;
  upper: string;
}

/** The cursor of the page after the row with this RowKey (for lists read another way). */
export function encodeCursor(afterRowKey: string): string {
  return Buffer.from(JSON.stringify({ v: 1, after: afterRowKey }), "utf8").toString("base64url");
}

/**
 * The RowKey a cursor continues after, checked against the list's range (and `belongs`), so a
 * forged cursor can neither leave the list nor the partition the query names.
 */
function decodeCursor(
  cursor: string,
  range: RowKeyRange | undefined,
  belongs: (rowKey: string) => boolean,
): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError("The cursor is not one this list gave out.");
  }
  const position = positionSchema.safeParse(decoded);
  const after = position.data?.after;
  const inRange = !range || (after !== undefined && after >= range.lower && after < range.upper);
  if (!after || !inRange || !belongs(after)) {
    throw new InvalidCursorError("The cursor is not one this list gave out.");
  }
  return after;
}

/**
 * Reads one page of a RowKey range of one partition (the whole partition without `range`), in
 * RowKey order: `limit` rows after the cursor's position, asking for one more to learn whether
 * another page exists (so the last page is never followed by an empty one). `filter` narrows the
 * rows further on the server (an OData expression over properties); `belongs` checks a cursor's
 * RowKey before it is used.
 */
export async function readPage<Row extends object>(props: {
  table: TableClient;
  partitionKey: string;
  range?: RowKeyRange;
  limit: number;
  cursor?: string | undefined;
  filter?: string;
  /** Properties to read (all when absent). */
  select?: string[];
  belongs?: (rowKey: string) => boolean;
}): Promise<{ rows: TableEntityResult<Row>[]; nextCursor: string | null }> {
  const { table, range, limit } = props;
  const conditions = [`PartitionKey eq ${odataString(props.partitionKey)}`];
  if (props.cursor) {
    const after = decodeCursor(props.cursor, range, props.belongs ?? (() => true));
    conditions.push(`RowKey gt ${odataString(after)}`);
  } else if (range) {
    conditions.push(`RowKey ge ${odataString(range.lower)}`);
  }
  if (range) conditions.push(`RowKey lt ${odataString(range.upper)}`);
  if (props.filter) conditions.push(`(${props.filter})`);
  const filter = conditions.join(" and ");
  const rows: TableEntityResult<Row>[] = [];
  // Usually one round trip; the service may answer a filtered scan in shorter pages.
  pages: for await (const page of table
    .listEntities<Row>({
      queryOptions: { filter, ...(props.select ? { select: props.select } : {}) },
    })
    .byPage({ maxPageSize: limit + 1 })) {
    for (const row of page) {
      rows.push(row);
      if (rows.length > limit) break pages;
    }
  }
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    rows: rows.slice(0, limit),
    nextCursor: last?.rowKey ? encodeCursor(last.rowKey) : null,
  };
}
