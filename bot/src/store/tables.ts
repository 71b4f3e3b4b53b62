/**
 * Every table the service uses. `ensureTables()` creates them all; the Teams helper's
 * conversation references live in their own table.
 */
export const tableNames = {
  /** PartitionKey tenantId, RowKey communityId. */
  communities: "communities",
  /** PartitionKey tenantId, RowKey `<userId>|<communityId>` or `<userId>|` for tenant roles. */
  memberships: "memberships",
  /**
   * PartitionKey `<tenantId>__<communityId>`. RowKeys: `canvas` (the canvas itself: review state),
   * `section|<sectionId>` (current text), `version|<sectionId>|<inverted version>` (saved versions, newest first).
   */
  canvas: "canvas",
  conversationReferences: "conversationReferences",
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
