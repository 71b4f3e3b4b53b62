/**
 * How the canvas row, its sections and their saved versions are laid out in Table Storage: RowKeys, row shapes and the mapping between
 * rows and entities. Only ./repository.ts uses it; nothing outside the store sees a row.
 */
import { canvasSectionIdSchema, type CanvasSectionId } from "@practice-hub/shared";
import type { CanvasEntity } from "./types";

export const canvasRowKey = "canvas";
export const sectionKey = (sectionId: string) => `section|${sectionId}`;
// History rows use "version|", which sorts after "section|": the canvas row and the current
// sections stay one contiguous range that never grows with history.
export const historyPrefix = (sectionId: string) => `version|${sectionId}`;
/** Versions count down from here so that RowKeys sort newest first. */
const maxVersion = 9_999_999_999;
export const historyKey = (sectionId: string, version: number) =>
  `${historyPrefix(sectionId)}|${String(maxVersion - version).padStart(10, "0")}`;

/** True when `key` is a history RowKey of the section (used to validate cursors). */
export function isHistoryKeyOf(key: string, sectionId: CanvasSectionId): boolean {
  return new RegExp(`^version\\|${sectionId}\\|\\d{10}$`).test(key);
}

export interface CanvasRow {
  partitionKey: string;
  rowKey: string;
  etag: string;
  reviewedAt?: string;
  reviewedById?: string;
  reviewedByName?: string;
}

export interface SectionRow {
  partitionKey: string;
  rowKey: string;
  etag: string;
  content: string;
  version: number;
  updatedAt: string;
  updatedById: string;
  updatedByName: string;
}

export type AnyRow = CanvasRow & Partial<SectionRow>;

export function canvasFromRow(row: CanvasRow): CanvasEntity {
  const reviewedBy =
    row.reviewedById !== undefined
      ? { id: row.reviewedById, displayName: row.reviewedByName ?? "" }
      : null;
  return { reviewedAt: row.reviewedAt ?? null, reviewedBy, etag: row.etag };
}

export function versionFromRow(row: Omit<SectionRow, "etag">, sectionId: CanvasSectionId) {
  return {
    sectionId,
    content: row.content,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedBy: { id: row.updatedById, displayName: row.updatedByName },
  };
}

export function sectionIdOf(rowKey: string): CanvasSectionId | undefined {
  return canvasSectionIdSchema.safeParse(rowKey.split("|")[1]).data;
}
