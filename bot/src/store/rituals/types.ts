import type {
  LocalDate,
  OccurrenceChange,
  RitualFields,
  RsvpResponse,
  Volunteer,
} from "@practice-hub/shared";

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
  listRituals(props: { tenantId: string; communityId: string }): Promise<RitualEntity[]>;
  /** One point read. */
  readRitual(props: {
    tenantId: string;
    communityId: string;
    ritualId: string;
  }): Promise<RitualEntity | null>;
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
  createRituals(props: {
    tenantId: string;
    communityId: string;
    rituals: Omit<RitualEntity, "etag">[];
  }): Promise<RitualEntity[]>;
  /** Replaces a series if its ETag still matches; ConcurrencyError otherwise. */
  replaceRitual(props: {
    tenantId: string;
    communityId: string;
    ritual: Omit<RitualEntity, "etag">;
    expectedEtag: string;
  }): Promise<RitualEntity>;
  /** Deletes a series if its ETag still matches; ConcurrencyError otherwise. */
  deleteRitual(props: {
    tenantId: string;
    communityId: string;
    ritualId: string;
    expectedEtag: string;
  }): Promise<void>;
  /**
   * Writes an occurrence row (conditional on its ETag, or on not existing), and with it the
   * series when given (conditional too): one transaction. Answers are left as they are.
   */
  saveOccurrence(props: {
    tenantId: string;
    communityId: string;
    write: OccurrenceWrite;
    ritual?: { entity: Omit<RitualEntity, "etag">; expectedEtag: string } | undefined;
  }): Promise<{ occurrence: OccurrenceRow; ritualEtag: string | null }>;
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
  indexCommunity(props: { tenantId: string; communityId: string }): Promise<void>;
  /** Every community that has (or had) rituals: one partition query. */
  listIndexedCommunities(): Promise<{ tenantId: string; communityId: string }[]>;
  /**
   * The feed token row; null before a champion created one. A row from before hashing (the
   * token itself) is rewritten with its hash on this first read, so old URLs keep working.
   */
  readFeedToken(props: { tenantId: string; communityId: string }): Promise<FeedTokenEntity | null>;
  /**
   * Sets (or replaces, when `expectedEtag` is given) the feed token, storing only its hash;
   * "" revokes it.
   */
  saveFeedToken(props: {
    tenantId: string;
    communityId: string;
    token: string;
    expectedEtag: string | null;
  }): Promise<FeedTokenEntity>;
}
