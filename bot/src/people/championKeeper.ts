import type { CommunityRole } from "@practice-hub/shared";
import { isChampion as holdsChampionRole } from "../policies/roles";
import type { CommunityMembershipEntity } from "../store";

/**
 * Most champions kept after leaving that naming a new champion removes in one transaction (of
 * 100 actions, two rows each: the person's own and the community's index row). Only the last
 * champion is ever kept after leaving, so one is the usual number.
 */
const maxRemoved = 45;

/** What a membership change must write besides the person's own row to keep a champion. */
export type ChampionGuard =
  | {
      kind: "safe";
      /** The change alters who the champions are: it writes the roster row on its ETag too. */
      rosterChange: boolean;
      /**
       * Champions kept only because they left the team as the last one, retired now (their user
       * ids). Removed with the roster, which any change to them would have written too.
       */
      remove: string[];
    }
  /** The change would leave the community without a champion who is still in its team. */
  | { kind: "lastChampion" };

/** One person's membership as a change leaves it; null when they leave the community. */
export type MembershipAfter = { roles: readonly CommunityRole[]; leftTeamAt: string | null } | null;

const isChampion = (member: { roles: readonly CommunityRole[] } | null | undefined) =>
  member ? holdsChampionRole(member.roles) : false;
const isPresentChampion = (
  member: { roles: readonly CommunityRole[]; leftTeamAt: string | null } | null | undefined,
) => isChampion(member) && member?.leftTeamAt === null;

/**
 * The rule "a community always has a champion", for one person's membership changing from what
 * `members` holds to `next`. Every change to who the champions are (or whether they are still in
 * the team) writes the community's roster row on the ETag read with `members`, in the same
 * transaction as the change, so two such changes never both land on the same state: of two
 * champions demoting each other at the same moment, one change fails and is checked again.
 *
 * - A champion in the team who stops being one (demoted, or leaving) needs another champion in
 *   the team: "lastChampion" otherwise.
 * - Someone becoming a champion retires the champions kept only because they left the team as
 *   the last one: someone else is now named.
 */
export function championKeeper(props: {
  members: readonly CommunityMembershipEntity[];
  userId: string;
  next: MembershipAfter;
}): ChampionGuard {
  const current = props.members.find((member) => member.userId === props.userId);
  const others = props.members.filter(
    (member) => member.userId !== props.userId && isChampion(member),
  );
  if (isPresentChampion(current) && !isPresentChampion(props.next)) {
    if (!others.some((member) => isPresentChampion(member))) return { kind: "lastChampion" };
  }
  const named = !isChampion(current) && isChampion(props.next);
  return {
    kind: "safe",
    rosterChange:
      isChampion(current) !== isChampion(props.next) ||
      isPresentChampion(current) !== isPresentChampion(props.next),
    remove: named
      ? others
          .filter((member) => member.leftTeamAt !== null)
          .slice(0, maxRemoved)
          .map((member) => member.userId)
      : [],
  };
}
