import type { GetTableEntityOptions, TableClient } from "@azure/data-tables";
import { ConcurrencyError, isConflict, isNotFound } from "./storageErrors";

/**
 * A row as read when its properties are checked one by one instead of trusted: rows written by
 * an older version may lack a property, and Table Storage has no null (an absent property or ""
 * stands for it).
 */
export interface Row {
  partitionKey: string;
  rowKey: string;
  etag: string;
  [property: string]: unknown;
}

/** A string property; "" when it is absent or not a string. */
export function str(row: Readonly<Record<string, unknown>>, name: string): string {
  const value = row[name];
  return typeof value === "string" ? value : "";
}

/** A string property; null when it is absent, empty or not a string. */
export function optionalStr(row: Readonly<Record<string, unknown>>, name: string): string | null {
  const value = row[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/** A number property; `fallback` when it is absent or not a number. */
export function num(
  row: Readonly<Record<string, unknown>>,
  name: string,
  fallback: number,
): number {
  const value = row[name];
  return typeof value === "number" ? value : fallback;
}

/**
 * JSON text (a property, or several joined by `joinProperty`) parsed; `fallback` when absent or
 * "". Structured fields are JSON because Table Storage has no nested properties.
 */
export function parseJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== "string" || value === "") return fallback;
  return JSON.parse(value) as T;
}

/** The JSON text property `name` parsed; `fallback` when absent or "". */
export function json<T>(row: Readonly<Record<string, unknown>>, name: string, fallback: T): T {
  return parseJson(row[name], fallback);
}

/** One point read; null when the row (or the table) does not exist. */
export async function readOrNull<T extends object>(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  options?: GetTableEntityOptions,
): Promise<(T & { etag: string }) | null> {
  try {
    return await table.getEntity<T>(partitionKey, rowKey, options);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/**
 * The ETag storage answered a write with (`what`: "a transaction", "an update"...). It always
 * sends one; a missing one is a fault, not a state to carry on with.
 */
export function requireEtag(etag: string | undefined, what: string): string {
  if (!etag) throw new Error(`Table Storage answered ${what} without an ETag.`);
  return etag;
}

/**
 * Runs a write conditional on an ETag (or on a row not existing): a lost race (409 or 412)
 * becomes a ConcurrencyError saying `message`, which commands turn into the API's answer.
 */
export async function conditionalWrite<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isConflict(error)) throw new ConcurrencyError(message);
    throw error;
  }
}
