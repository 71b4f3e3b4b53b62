import type { CommunityRole, TenantRole } from "@practice-hub/shared";
import type { Page } from "../paging";

/** Everything one person holds in one tenant: read with a single partition query. */
export interface PersonRoles {
  tenantRoles: TenantRole[];
  communities: { communityId: string; roles: CommunityRole[] }[];
}

/** One person's membership of one community, with the ETag a role change must name. */
export interface CommunityMembershipEntity {
  userId: string;
  displayName: string;
  roles: CommunityRole[];
  /**
   * When Teams said the person left the community's team while they were its last champion: they
   * stay (and stay champion) until someone else is named. Null for everyone else.
   */
  leftTeamAt: string | null;
  etag: string;
}

/** A membership row to insert (`expectedEtag` null) or replace, in one community. */
export interface MembershipPut {
  userId: string;
  displayName: string;
  roles: CommunityRole[];
  leftTeamAt: string | null;
  expectedEtag: string | null;
}
/** Memberships and tenant roles, in the tenant's partition, keyed by user id first. */
export interface MembershipRepository {
  /** The person's tenant roles and community roles: one partition range query. */
  rolesOf(props: { tenantId: string; userId: string }): Promise<PersonRoles>;
  /** Inserts a membership; throws a 409 RestError when it exists. Answers the new row's ETag. */
  addCommunityMembership(props: {
    tenantId: string;
    userId: string;
    displayName: string;
    communityId: string;
    roles: CommunityRole[];
  }): Promise<string>;
  /** Inserts the tenant-roles row; throws a 409 RestError when it exists. */
  addTenantRoles(props: {
    tenantId: string;
    userId: string;
    displayName: string;
    roles: TenantRole[];
  }): Promise<void>;
  /**
   * Everyone in one community, in name order: one range of the community's member index (each
   * membership is two rows: the person's own, for rolesOf, and the community's index row).
   */
  listCommunityMembers(props: {
    tenantId: string;
    communityId: string;
  }): Promise<CommunityMembershipEntity[]>;
  /**
   * One page of a community's members in name order (accents and case aside), those whose name
   * starts with `namePrefix` when given: one key range of the community's member index, so a page
   * costs its own size, whatever the community's or the tenant's.
   */
  listCommunityMembersPage(props: {
    tenantId: string;
    communityId: string;
    limit: number;
    cursor?: string | undefined;
    namePrefix?: string | undefined;
  }): Promise<Page<CommunityMembershipEntity>>;
  /** Everyone holding a tenant role (heads of profession), from the same partition. */
  listTenantRoleHolders(props: {
    tenantId: string;
  }): Promise<{ userId: string; displayName: string; roles: TenantRole[] }[]>;
  /**
   * Everyone granted a tenant role in any tenant, from one index partition: the digest scheduler
   * needs every head of profession on every tick, and a scan of every tenant's partition would
   * grow with the memberships. Entries are never removed; callers check `rolesOf` before acting.
   */
  listTenantRoleHoldersOfAllTenants(): Promise<
    { tenantId: string; userId: string; roles: TenantRole[] }[]
  >;
  /**
   * One point read of the person's own row; null when the person is not in the community. Its
   * `etag` is that row's: changes name the ETag of readCommunityMembers or a members page.
   */
  findCommunityMembership(props: {
    tenantId: string;
    userId: string;
    communityId: string;
  }): Promise<CommunityMembershipEntity | null>;
  /**
   * Everyone in one community, with the ETag of its champion roster (null before any champion
   * change wrote it): one range query of the community's member index, in which the roster row
   * comes before every membership row, so
   * a champion change that lands while the query runs always shows in the ETag read.
   */
  readCommunityMembers(props: {
    tenantId: string;
    communityId: string;
  }): Promise<{ members: CommunityMembershipEntity[]; rosterEtag: string | null }>;
  /**
   * Changes one community's memberships in one transaction (every row of a tenant is in the
   * tenant's partition): `put` inserts or replaces rows on the ETag read. With `roster`, the
   * community's champion roster row is written too, on the ETag read with the members (inserted
   * when null): every change to who the champions are names it, so two such changes never both
   * land on the same state. `remove` deletes rows whatever their version (the SDK's transactions
   * only delete unconditionally), so it goes with `roster`, which guards what the rule needs.
   * Answers the new ETag of each put row by user id; ConcurrencyError when any condition failed.
   */
  changeCommunityMemberships(props: {
    tenantId: string;
    communityId: string;
    put?: MembershipPut[];
    remove?: { userId: string; displayName: string }[];
    roster?: { expectedEtag: string | null };
  }): Promise<Map<string, string>>;
  /**
   * Removes one membership on the ETag read: ConcurrencyError when it changed meanwhile, false
   * when it is already gone. Without `expectedEtag` the rows go whatever their version: only for
   * rows nobody can reach, such as those of a community whose creation never finished. Without
   * `displayName` (which keys the index row) the person's own row is read first.
   */
  removeCommunityMembership(props: {
    tenantId: string;
    userId: string;
    communityId: string;
    displayName?: string;
    expectedEtag?: string;
  }): Promise<boolean>;
  /**
   * Writes the member index rows that memberships stored before the index existed lack: run at
   * start, once per storage account (a marker row remembers it). Answers how many it wrote.
   */
  migrateMemberIndex(): Promise<number>;
}
