/**
 * How ritual series, occurrences, answers, seats and the feed token are laid out in Table Storage: RowKeys, row shapes and the mapping between
 * rows and entities. Only ./repository.ts uses it; nothing outside the store sees a row.
 */
import { createHash } from "node:crypto";
import {
  unchangedOccurrence,
  type LocalDate,
  type OccurrenceChange,
  type RitualFields,
  type RsvpResponse,
  type Volunteer,
} from "@practice-hub/shared";
import { joinProperty, splitProperty, type PropertyParts } from "../splitProperty";
import { num, parseJson, str, type Row } from "../rows";
import type {
  RitualEntity,
  StoredRsvp,
  AttendanceRecord,
  SwapRequest,
  OccurrenceEntity,
  OccurrenceRow,
} from "./types";

/**
 * What is stored of a feed token: its SHA-256, base64url. The token is 24 random bytes, so a
 * fast unsalted hash is enough; it keeps the URL out of storage, backups and exports.
 */
export function feedTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}
export const ritualPrefix = "ritual";
export const occurrencePrefix = "occ";
export const rsvpPart = "rsvp";
const seatPrefix = "seat";
export const feedRowKey = "feed";
/** The partition of the community index; community partitions always contain "__". */
export const indexPartition = "index";
export const ritualKey = (ritualId: string) => `${ritualPrefix}|${ritualId}`;
// Planned date first, so a date range is one contiguous RowKey range across all series.
export const occurrenceKey = (date: LocalDate, ritualId: string) =>
  `${occurrencePrefix}|${date}|${ritualId}`;
// Answers sort right under their occurrence, so the calendar's date range reads them too.
export const rsvpKey = (date: LocalDate, ritualId: string, userId: string) =>
  `${occurrenceKey(date, ritualId)}|${rsvpPart}|${userId}`;
// Seats sort outside every range a read asks for: only a first answer's insert touches them.
export const seatKey = (date: LocalDate, ritualId: string, seat: number) =>
  `${seatPrefix}|${date}|${ritualId}|${String(seat).padStart(3, "0")}`;
/** Answers and seats inserted by one import transaction (two rows each, at most 100 rows). */
export const importBatch = 50;

/** What an `occ|` RowKey names: an occurrence row, or (with `userId`) one person's answer. */
export function parseOccurrenceKey(rowKey: string): {
  originalDate: LocalDate;
  ritualId: string;
  userId: string | null;
} {
  const [, originalDate = "", ritualId = "", part] = rowKey.split("|");
  const answerPrefix = `${occurrenceKey(originalDate, ritualId)}|${rsvpPart}|`;
  return {
    originalDate,
    ritualId,
    userId: part === rsvpPart ? rowKey.slice(answerPrefix.length) : null,
  };
}

/**
 * The attendance of a full session (`ritualLimits.peoplePerOccurrence`) passes the 32K
 * characters a string property holds, so it is split over `attendance`, `attendance_1`...
 */
const attendanceParts: PropertyParts = {
  partName: (index) => (index === 0 ? "attendance" : `attendance_${index}`),
  partChars: 30_000,
};

export function ritualToRow(partitionKey: string, ritual: Omit<RitualEntity, "etag">) {
  return {
    partitionKey,
    rowKey: ritualKey(ritual.ritualId),
    name: ritual.fields.name,
    // Structured fields are JSON text: Table Storage has no nested properties, and each stays
    // far below 32K characters thanks to the caps in ritualLimits.
    fields: JSON.stringify(ritual.fields),
    volunteers: JSON.stringify(ritual.volunteers),
    lastServed: JSON.stringify(ritual.lastServed),
    recentSessions: JSON.stringify(ritual.recentSessions),
    communityCreatedAt: ritual.communityCreatedAt,
    createdAt: ritual.createdAt,
    sequence: ritual.sequence,
  };
}

export function ritualFromRow(row: Row): RitualEntity {
  return {
    ritualId: row.rowKey.slice(ritualPrefix.length + 1),
    fields: parseJson<RitualFields>(row["fields"], {} as RitualFields),
    volunteers: parseJson<Volunteer[]>(row["volunteers"], []),
    lastServed: parseJson<Record<string, LocalDate>>(row["lastServed"], {}),
    recentSessions: parseJson<{ personId: string; date: LocalDate }[]>(row["recentSessions"], []),
    communityCreatedAt: str(row, "communityCreatedAt"),
    createdAt: str(row, "createdAt"),
    sequence: num(row, "sequence", 0),
    etag: row.etag,
  };
}

export function occurrenceToRow(partitionKey: string, write: Omit<OccurrenceRow, "etag">) {
  return {
    partitionKey,
    rowKey: occurrenceKey(write.originalDate, write.ritualId),
    change: JSON.stringify(write.change),
    facilitatorName: write.facilitatorName ?? "",
    // Replace (never Merge) writes these rows, so parts left over from a longer value go too
    // (and the `rsvps` properties of rows written before answers had rows of their own).
    ...splitProperty(write.attendance ? JSON.stringify(write.attendance) : "", attendanceParts),
    swapRequest: write.swapRequest ? JSON.stringify(write.swapRequest) : "",
    sequence: write.sequence,
  };
}

export function occurrenceFromRow(row: Row): OccurrenceEntity {
  const { originalDate, ritualId } = parseOccurrenceKey(row.rowKey);
  const facilitatorName = str(row, "facilitatorName");
  return {
    ritualId,
    originalDate,
    // Spread over the defaults: rows written before a field existed lack it.
    change: { ...unchangedOccurrence, ...parseJson<Partial<OccurrenceChange>>(row["change"], {}) },
    facilitatorName: facilitatorName === "" ? null : facilitatorName,
    rsvps: {},
    attendance: parseJson<AttendanceRecord | null>(joinProperty(row, attendanceParts), null),
    swapRequest: parseJson<SwapRequest | null>(row["swapRequest"], null),
    sequence: num(row, "sequence", 0),
    etag: row.etag,
  };
}

export function rsvpFromRow(row: Row): StoredRsvp {
  return {
    response: row["response"] as RsvpResponse,
    displayName: str(row, "displayName"),
    seat: num(row, "seat", -1),
    etag: row.etag,
  };
}

/**
 * An occurrence nobody has changed or answered yet, as a row storage does not hold (an answer or
 * a change creates it).
 */
export function untouchedOccurrenceRow(
  ritualId: string,
  originalDate: LocalDate,
): OccurrenceEntity {
  return {
    ritualId,
    originalDate,
    change: unchangedOccurrence,
    facilitatorName: null,
    rsvps: {},
    attendance: null,
    swapRequest: null,
    sequence: 0,
    etag: null,
  };
}
