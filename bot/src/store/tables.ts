/**
 * Every table the service uses. `ensureTables()` creates them all; the Teams helper's
 * conversation references live in their own table.
 */
export const tableNames = {
  /**
   * PartitionKey tenantId: RowKey communityId, and `|count` (how many the tenant has, for the
   * cap). PartitionKey `pendingCreations`, RowKey `<startedAt>|<tenantId>|<communityId>`:
   * creations in progress, for the sweeper.
   */
  communities: "communities",
  /**
   * PartitionKey tenantId, RowKey `<userId>|<communityId>` or `<userId>|` for tenant roles (what
   * rolesOf reads), and per community the range `!member|<communityId>|`: the champion roster at
   * that exact key (written with every change to who the champions are, so such changes land one
   * at a time), then the member index `!member|<communityId>|<name key> <userId>` (the same
   * membership, in name order, written in one transaction with the person's own row). Also
   * PartitionKey `migrations`, RowKey `memberIndex-1`: the member index migration ran. Also PartitionKey `tenantRoleHolders`, RowKey
   * `<tenantId>|<userId>`: every tenant role holder across tenants, so the digest job finds heads
   * of profession who never saved settings.
   */
  memberships: "memberships",
  /**
   * PartitionKey `<tenantId>__<communityId>`. RowKeys: `canvas` (the canvas itself: review state),
   * `section|<sectionId>` (current text), `version|<sectionId>|<inverted version>` (saved versions, newest first).
   */
  canvas: "canvas",
  conversationReferences: "conversationReferences",
  /** PartitionKey `scheduler`. RowKeys: `lease` (the leader's lease), `progress|<source name>`. */
  jobState: "jobState",
  /**
   * PartitionKey tenantId. RowKeys: `delivery|<hash of the key>` (idempotency record with the
   * card), `unreachable|<conversationKey>` (403 MessageWritesBlocked).
   */
  deliveries: "deliveries",
  /**
   * PartitionKey `<tenantId>__<communityId>`. RowKeys: `ritual|<ritualId>` (a series with its
   * volunteers), `occ|<planned date>|<ritualId>` (one occurrence's exception and attendance),
   * `occ|<planned date>|<ritualId>|rsvp|<userId>` (one person's answer, sorted under its
   * occurrence), `seat|<planned date>|<ritualId>|<seat>` (which answer holds each of the session's
   * seats), `feed` (the SHA-256 of the calendar feed's secret token, never the token).
   */
  rituals: "rituals",
  /**
   * PartitionKey `<tenantId>__<communityId>`. RowKeys: `handbook|<id>` (current entry),
   * `resource|<id>`, `url|<hash of the normalised URL>` (one resource per page),
   * `version|<id>|<inverted version>` (handbook history, newest first).
   */
  library: "library",
  /**
   * PartitionKey `<tenantId>__<communityId>`: `event|<newest-first ticks>|<uuid>` (joins and
   * leaves).
   */
  membershipEvents: "membershipEvents",
  /**
   * PartitionKey `recipients`, RowKey `<tenantId>|<userId>`: digest recipients and their day,
   * time and zone. PartitionKey tenantId, RowKey `sent|<userId>`: picks already sent.
   */
  digests: "digests",
  /**
   * PartitionKey `<tenantId>__<communityId>`. RowKeys: `retro|<retroId>` (header; ids start with
   * a newest-first key), `r|<retroId>|e|<entryId>` (entries), `r|<retroId>|f|<shard>` (tally
   * shards: votes per target), `r|<retroId>|i|<userId>` (a person's votes and submission keys),
   * `action|<actionId>`. Votes stored before tallies (`r|<retroId>|v|<userId>|<slot>` and markers
   * `r|<retroId>|k|<key hash>`) were moved at start and are read no more. Also PartitionKey
   * `migrations`, RowKey `retroVotes-1`: that move ran.
   */
  retros: "retros",
  /**
   * PartitionKey tenantId. RowKeys `channel|<conversationId>`, `community|<communityId>` and
   * `team|<teamId>`: the link between a community, its channel and its team, from every side.
   */
  channelLinks: "channelLinks",
} as const;

export type TableName = (typeof tableNames)[keyof typeof tableNames];

/** The PartitionKey of everything that belongs to one community. */
export function communityPartitionKey(tenantId: string, communityId: string): string {
  return `${tenantId}__${communityId}`;
}

/**
 * The smallest string greater than every string starting with `prefix` followed by the
 * separator "|": RowKey ranges use it as an exclusive upper bound ("}" follows "|" in ASCII).
 */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}}`;
}

/** Quotes a value for an OData filter; the SDK's `odata` tag does the same for templates. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
