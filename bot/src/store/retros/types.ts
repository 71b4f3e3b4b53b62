import type {
  PersonRef,
  RetroActionKind,
  RetroActionStatus,
  RetroPhase,
  RetroTheme,
} from "@practice-hub/shared";

/** The format as stored with a retro, so later edits of a custom format never change it. */
export interface StoredRetroFormat {
  id: "keepDropAdd" | "quarterly" | "fourHeadlines" | "pulse" | "custom";
  title: string;
  prompts: { id: string; label: string; hint?: string; linksTo?: "canvasPurpose" }[];
  scored: boolean;
}

/** The retro header: everything but its entries, votes and actions. */
export interface RetroEntity {
  retroId: string;
  title: string;
  format: StoredRetroFormat;
  phase: RetroPhase;
  votesPerPerson: number;
  startedAt: string;
  startedBy: PersonRef;
  closedAt: string | null;
  themes: RetroTheme[];
  /** The channel the retro card was posted to, when it was. */
  conversationId: string | null;
  /** Written on close, so the history lists results without reading every retro's votes. */
  summary: RetroSummary | null;
  etag: string;
}

/** What a closed retro came to. */
export interface RetroSummary {
  topThemes: { title: string; votes: number }[];
  pulse: { average: number; count: number } | null;
}

/**
 * One entry. An anonymous entry has `author` null and the row holds no author property at all;
 * its id derives from the submission key, never from the person.
 */
export interface RetroEntryEntity {
  entryId: string;
  promptId: string;
  text: string;
  score: number | null;
  author: PersonRef | null;
  hidden: { reason: string; by: PersonRef; at: string } | null;
  etag: string;
}

/**
 * One person's votes in a retro: one row, written with an ETag, so a person's parallel votes
 * land one at a time. `keyHashes` are the hashed submission keys of the votes stored, so a
 * retried submission is answered without a new vote.
 */
export interface RetroPersonVotes {
  userId: string;
  targets: string[];
  keyHashes: string[];
  /** null while the person has not voted (no row yet). */
  etag: string | null;
}

/**
 * One shard of a retro's tally: votes per target of the people whose id hashes to the shard
 * (`tallyShards` of them), so a crowd voting at once spreads over several rows.
 */
export interface RetroTallyShard {
  shard: number;
  counts: Record<string, number>;
  /** null while nobody of the shard has voted (no row yet). */
  etag: string | null;
}

/** An action decided in a retro; community-wide so open actions outlive their retro. */
export interface RetroActionEntity {
  actionId: string;
  retroId: string;
  text: string;
  kind: RetroActionKind;
  owner: PersonRef;
  dueDate: string;
  escalate: boolean;
  status: RetroActionStatus;
  createdAt: string;
  updatedAt: string;
  etag: string;
}

/** A retro header as the history lists it: without its themes, which only the retro needs. */
export type RetroHeaderEntity = Omit<RetroEntity, "themes">;

/**
 * A retro with its entries and tallies (never every vote row), the votes of the person reading
 * it, and the community's actions that concern it.
 */
export interface RetroAggregate {
  retro: RetroEntity;
  entries: RetroEntryEntity[];
  /** The tally shards stored (shards nobody voted in are absent). */
  tallies: RetroTallyShard[];
  /** The reader's own votes; empty (etag null) when read for nobody in particular. */
  mine: RetroPersonVotes;
  /**
   * Every action of this retro (done ones too) and the community's actions not yet done; empty
   * when read without actions.
   */
  communityActions: RetroActionEntity[];
}

/** Result of storing a vote: "conflict" when the person's row or the tally shard changed. */
export type CastVoteResult = "created" | "conflict";

/** Retro storage: everything of a community in its partition (DESIGN.md "Data in Table Storage"). */
export interface RetroRepository {
  /** Inserts a new retro header. */
  create(props: {
    tenantId: string;
    communityId: string;
    retro: Omit<RetroEntity, "etag">;
  }): Promise<RetroEntity>;
  /**
   * The retro, its entries, its tallies and `userId`'s votes, and with `withActions` its own
   * actions and the community's actions not yet done: one partition query (a point read of the
   * header, the retro's entries and tallies, the reader's row and the action range, joined by
   * OR), null when there is no such retro. What it sends grows neither with history nor with the
   * people who voted.
   */
  read(props: {
    tenantId: string;
    communityId: string;
    retroId: string;
    userId: string | null;
    withActions: boolean;
  }): Promise<RetroAggregate | null>;
  /** The retro header alone (no entries, votes or actions): one point read. */
  readRetro(props: {
    tenantId: string;
    communityId: string;
    retroId: string;
  }): Promise<RetroEntity | null>;
  /**
   * The newest `limit` retro headers, newest first, and the actions not yet done: one partition
   * query that stops once it has the headers (usually one round trip, see `listPageSize`).
   */
  list(props: {
    tenantId: string;
    communityId: string;
    limit: number;
  }): Promise<{ retros: RetroHeaderEntity[]; actions: RetroActionEntity[] }>;
  /**
   * A page of retro headers, newest first, with the cursor of the next page. The first page (no
   * cursor) also carries the actions not yet done, in the same query as `list`; later pages read
   * headers only: one partition query either way.
   */
  listPage(props: {
    tenantId: string;
    communityId: string;
    limit: number;
    cursor?: string | undefined;
  }): Promise<{
    retros: RetroHeaderEntity[];
    actions: RetroActionEntity[];
    nextCursor: string | null;
  }>;
  /** Merges header fields, conditional on the ETag; ConcurrencyError when it changed. */
  updateRetro(props: {
    tenantId: string;
    communityId: string;
    retroId: string;
    expectedEtag: string;
    changes: Partial<
      Pick<RetroEntity, "phase" | "closedAt" | "themes" | "conversationId" | "summary">
    >;
  }): Promise<string>;
  /**
   * Inserts an entry under its id; when the id exists (the same submission again) nothing is
   * written and `created` is false.
   */
  addEntry(props: {
    tenantId: string;
    communityId: string;
    retroId: string;
    entry: Omit<RetroEntryEntity, "etag" | "hidden">;
  }): Promise<{ created: boolean }>;
  /** Records who hid an entry and why, conditional on the entry's ETag; answers the new one. */
  hideEntry(props: {
    tenantId: string;
    communityId: string;
    retroId: string;
    entryId: string;
    hidden: { reason: string; by: PersonRef; at: string };
    expectedEtag: string;
  }): Promise<string>;
  /**
   * Adds a vote for `target` to the person's row and to their tally shard, in one transaction
   * conditional on both ETags as read (`mine`, the shard among `tallies`): "conflict" when
   * either changed since.
   */
  castVote(props: {
    tenantId: string;
    communityId: string;
    retroId: string;
    mine: RetroPersonVotes;
    tallies: readonly RetroTallyShard[];
    target: string;
    keyHash: string;
  }): Promise<CastVoteResult>;
  /**
   * Inserts an action under its id; when the id exists (the same submission again) nothing is
   * written, the stored action is answered and `created` is false.
   */
  addAction(props: {
    tenantId: string;
    communityId: string;
    action: Omit<RetroActionEntity, "etag">;
  }): Promise<{ action: RetroActionEntity; created: boolean }>;
  /** One point read of an action. */
  readAction(props: {
    tenantId: string;
    communityId: string;
    actionId: string;
  }): Promise<RetroActionEntity | null>;
  /** Sets an action's status, conditional on its ETag; answers the new ETag. */
  updateActionStatus(props: {
    tenantId: string;
    communityId: string;
    actionId: string;
    status: RetroActionStatus;
    updatedAt: string;
    expectedEtag: string;
  }): Promise<string>;
  /**
   * Moves votes stored before tallies existed (a row per vote and a marker per submission key)
   * into person rows and tallies, once per storage account; answers how many retros it moved.
   */
  migrateVotes(): Promise<number>;
}
