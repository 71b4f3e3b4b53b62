import { createHash } from "node:crypto";
import type { TableClient, TransactionAction } from "@azure/data-tables";
import {
  unchangedOccurrence,
  type LocalDate,
  type OccurrenceChange,
  type RitualFields,
  type RsvpResponse,
  type Volunteer,
} from "@practice-hub/shared";
import { joinProperty, splitProperty, type PropertyParts } from "./splitProperty";
import { conditionalWrite, num, parseJson, readOrNull, requireEtag, str, type Row } from "./rows";
import { ConcurrencyError, isConflict, isNotFound } from "./storageErrors";
import { communityPartitionKey, odataString, prefixUpperBound } from "./tables";

/** A ritual series as stored, with its rotation state. */
export interface RitualEntity {
  ritualId: string;
  fields: RitualFields;
  volunteers: Volunteer[];
  /** The most recent session each person ran, filled in when attendance is recorded. */
  lastServed: Record<string, LocalDate>;
  /** The last sessions of this series with who ran them, newest first (at most ten). */
  recentSessions: { personId: string; date: LocalDate }[];
  /** When the community began: kept here so the calendar's "starting big" check costs no read. */
  communityCreatedAt: string;
  createdAt: string;
  /** RFC 5545 SEQUENCE of the series: bumped when its fields change. */
  sequence: number;
  etag: string;
}

/** An RSVP with the name to show beside it. */
export interface RsvpEntry {
  response: RsvpResponse;
  displayName: string;
}

/**
 * One person's stored answer. Each answer is its own row (many people answer at once, and a
 * shared row would make them retry against each other), holding one of the occurrence's
 * `peoplePerOccurrence` seats so the cap stays exact under concurrency.
 */
export interface StoredRsvp extends RsvpEntry {
  seat: number;
  etag: string;
}

/** What the facilitator recorded after a session. */
export interface AttendanceRecord {
  attendeeIds: string[];
  notes: string;
  recordingUrl: string | null;
  facilitatorId: string | null;
  recordedAt: string;
}

/**
 * A facilitator's request that another volunteer take their session. It lives on the occurrence
 * row, so asking and accepting are both conditional on the row's ETag.
 */
export interface SwapRequest {
  requestedBy: { id: string; displayName: string };
  requestedAt: string;
}

/**
 * Everything about one occurrence that differs from the plan: its exception, RSVPs and
 * attendance. Its row exists only once someone changed or recorded something; answers are rows
 * of their own under it, read in the same query.
 */
export interface OccurrenceEntity {
  ritualId: string;
  originalDate: LocalDate;
  change: OccurrenceChange;
  facilitatorName: string | null;
  /** Every answer by user id, read from the answer rows (never written with the occurrence). */
  rsvps: Record<string, StoredRsvp>;
  attendance: AttendanceRecord | null;
  /** An open swap request, or null when the facilitator has not asked (or someone took over). */
  swapRequest: SwapRequest | null;
  /** RFC 5545 SEQUENCE: bumped whenever the time or status changes. */
  sequence: number;
  /** The occurrence row's ETag; null when only answers are stored (the row does not exist yet). */
  etag: string | null;
}

/** An occurrence row as written: the occurrence without its answers, with the row's ETag. */
export type OccurrenceRow = Omit<OccurrenceEntity, "rsvps" | "etag"> & { etag: string };

/** Just enough of an occurrence row to tell what a schedule change would hide. */
export interface OccurrenceSummary {
  originalDate: LocalDate;
  change: OccurrenceChange;
  /** Attendance was recorded. */
  attended: boolean;
}

/** An occurrence row to write; `expectedEtag` null inserts a row that must not exist yet. */
export type OccurrenceWrite = Omit<OccurrenceEntity, "etag" | "rsvps"> & {
  expectedEtag: string | null;
};

/** One person's answer, as the seed and tests import them. */
export type RsvpImport = RsvpEntry & { userId: string };

/** The calendar feed's secret, one per community, as stored: only its hash. */
export interface FeedTokenEntity {
  /** feedTokenHash of the token; "" when the feed was turned off. */
  tokenHash: string;
  etag: string;
}

/**
 * What is stored of a feed token: its SHA-256, base64url. The token is 24 random bytes, so a
 * fast unsalted hash is enough; it keeps the URL out of storage, backups and exports.
 */
export function feedTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

/** Ritual storage: one partition per community holds series, occurrences and the feed token. */
export interface RitualRepository {
  /**
   * Every series, plus occurrences with planned dates in [fromDate, toDate) and their answers:
   * one partition query, whatever the number of rituals.
   */
  readCalendar(props: {
    tenantId: string;
    communityId: string;
    fromDate: LocalDate;
    toDate: LocalDate;
  }): Promise<{ rituals: RitualEntity[]; occurrences: OccurrenceEntity[] }>;
  /** Every series of the community: one partition query. */
  listRituals(tenantId: string, communityId: string): Promise<RitualEntity[]>;
  /** One point read. */
  readRitual(tenantId: string, communityId: string, ritualId: string): Promise<RitualEntity | null>;
  /** A series and one of its occurrences, with its answers, in one query. */
  readRitualAndOccurrence(props: {
    tenantId: string;
    communityId: string;
    ritualId: string;
    originalDate: LocalDate;
  }): Promise<{ ritual: RitualEntity | null; occurrence: OccurrenceEntity | null }>;
  /**
   * The occurrence rows of one series with planned dates in [fromDate, toDate) (no upper bound
   * when toDate is null), without RSVPs: one partition query over that date range. RowKeys start
   * with the date, so other series' rows of the range are read too and left out here.
   */
  listOccurrenceSummaries(props: {
    tenantId: string;
    communityId: string;
    ritualId: string;
    fromDate: LocalDate;
    toDate: LocalDate | null;
  }): Promise<OccurrenceSummary[]>;
  /** Inserts new series in one transaction (the starter rhythm is all or nothing). */
  createRituals(
    tenantId: string,
    communityId: string,
    rituals: Omit<RitualEntity, "etag">[],
  ): Promise<RitualEntity[]>;
  /** Replaces a series if its ETag still matches; ConcurrencyError otherwise. */
  replaceRitual(
    tenantId: string,
    communityId: string,
    ritual: Omit<RitualEntity, "etag">,
    expectedEtag: string,
  ): Promise<RitualEntity>;
  /** Deletes a series if its ETag still matches; ConcurrencyError otherwise. */
  deleteRitual(
    tenantId: string,
    communityId: string,
    ritualId: string,
    expectedEtag: string,
  ): Promise<void>;
  /**
   * Writes an occurrence row (conditional on its ETag, or on not existing), and with it the
   * series when given (conditional too): one transaction. Answers are left as they are.
   */
  saveOccurrence(
    tenantId: string,
    communityId: string,
    write: OccurrenceWrite,
    ritual?: { entity: Omit<RitualEntity, "etag">; expectedEtag: string },
  ): Promise<{ occurrence: OccurrenceRow; ritualEtag: string | null }>;
  /**
   * Stores one person's answer to one occurrence. A first answer (`expectedEtag` null) inserts
   * the person's row together with the row of its seat, both conditional on not existing: one
   * transaction, so two people never hold one seat and nobody holds two. A changed answer
   * replaces only the person's row, on its ETag. ConcurrencyError when either lost a race.
   */
  saveRsvp(props: {
    tenantId: string;
    communityId: string;
    ritualId: string;
    originalDate: LocalDate;
    userId: string;
    answer: RsvpEntry;
    seat: number;
    expectedEtag: string | null;
  }): Promise<StoredRsvp>;
  /**
   * Stores the answers of an occurrence nobody has answered yet, on seats 0, 1, 2... (the demo
   * seed and tests): transactions of 50 answers, each conditional on its rows not existing.
   */
  importRsvps(props: {
    tenantId: string;
    communityId: string;
    ritualId: string;
    originalDate: LocalDate;
    answers: RsvpImport[];
  }): Promise<void>;
  /**
   * Notes that a community has rituals, in one partition the reminder job reads (jobs are the
   * one place allowed to look across communities; request paths never do).
   */
  indexCommunity(tenantId: string, communityId: string): Promise<void>;
  /** Every community that has (or had) rituals: one partition query. */
  listIndexedCommunities(): Promise<{ tenantId: string; communityId: string }[]>;
  /**
   * The feed token row; null before a champion created one. A row from before hashing (the
   * token itself) is rewritten with its hash on this first read, so old URLs keep working.
   */
  readFeedToken(tenantId: string, communityId: string): Promise<FeedTokenEntity | null>;
  /**
   * Sets (or replaces, when `expectedEtag` is given) the feed token, storing only its hash;
   * "" revokes it.
   */
  saveFeedToken(
    tenantId: string,
    communityId: string,
    token: string,
    expectedEtag: string | null,
  ): Promise<FeedTokenEntity>;
}

const ritualPrefix = "ritual";
const occurrencePrefix = "occ";
const rsvpPart = "rsvp";
const seatPrefix = "seat";
const feedRowKey = "feed";
/** The partition of the community index; community partitions always contain "__". */
const indexPartition = "index";
const ritualKey = (ritualId: string) => `${ritualPrefix}|${ritualId}`;
// Planned date first, so a date range is one contiguous RowKey range across all series.
const occurrenceKey = (date: LocalDate, ritualId: string) =>
  `${occurrencePrefix}|${date}|${ritualId}`;
// Answers sort right under their occurrence, so the calendar's date range reads them too.
const rsvpKey = (date: LocalDate, ritualId: string, userId: string) =>
  `${occurrenceKey(date, ritualId)}|${rsvpPart}|${userId}`;
// Seats sort outside every range a read asks for: only a first answer's insert touches them.
const seatKey = (date: LocalDate, ritualId: string, seat: number) =>
  `${seatPrefix}|${date}|${ritualId}|${String(seat).padStart(3, "0")}`;
/** Answers and seats inserted by one import transaction (two rows each, at most 100 rows). */
const importBatch = 50;

/** What an `occ|` RowKey names: an occurrence row, or (with `userId`) one person's answer. */
function parseOccurrenceKey(rowKey: string): {
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

function ritualToRow(partitionKey: string, ritual: Omit<RitualEntity, "etag">) {
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

function ritualFromRow(row: Row): RitualEntity {
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

function occurrenceToRow(partitionKey: string, write: Omit<OccurrenceRow, "etag">) {
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

function occurrenceFromRow(row: Row): OccurrenceEntity {
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

function rsvpFromRow(row: Row): StoredRsvp {
  return {
    response: row["response"] as RsvpResponse,
    displayName: str(row, "displayName"),
    seat: num(row, "seat", -1),
    etag: row.etag,
  };
}

/** An occurrence nobody changed that has answers: its row does not exist yet. */
function answeredOnly(ritualId: string, originalDate: LocalDate): OccurrenceEntity {
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
        occurrence = answeredOnly(ritualId, originalDate);
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

    async listRituals(tenantId, communityId) {
      return (await query(`PartitionKey eq ${pk(tenantId, communityId)} and ${ritualRange}`))
        .rituals;
    },

    async readRitual(tenantId, communityId, ritualId) {
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

    async createRituals(tenantId, communityId, rituals) {
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

    async replaceRitual(tenantId, communityId, ritual, expectedEtag) {
      const row = ritualToRow(communityPartitionKey(tenantId, communityId), ritual);
      const response = await conditionalWrite("The ritual changed since it was read.", () =>
        table.updateEntity(row, "Replace", { etag: expectedEtag }),
      );
      return { ...ritual, etag: requireEtag(response.etag, "an update") };
    },

    async deleteRitual(tenantId, communityId, ritualId, expectedEtag) {
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

    async saveOccurrence(tenantId, communityId, write, ritual) {
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

    async indexCommunity(tenantId, communityId) {
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

    async readFeedToken(tenantId, communityId) {
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

    async saveFeedToken(tenantId, communityId, token, expectedEtag) {
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
