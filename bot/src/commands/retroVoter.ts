import {
  castRetroVoteRequestSchema,
  isRetroActivityOpen,
  nextVoteSlot,
  retroActivityClosedMessage,
  retroBallot,
  votesLeft,
  type CastRetroVoteRequest,
  type CastRetroVoteResponse,
} from "@practice-hub/shared";
import { badRequest, validationFailed } from "../errors";
import type { Viewer } from "../policies";
import type { Store } from "../store";
import { wrongPhase } from "./retroEntryAdder";
import { idFromKey, retroReader } from "./retroReader";

/** Parallel votes of one person race for slots; a handful of retries settles any real burst. */
const maxAttempts = 8;

/**
 * Casts one vote. Each vote is its own row in one of the person's `votesPerPerson` slots,
 * inserted together with a marker for its submission key: a slot can be taken once, so the
 * count stays exact under concurrency, and a retried submission finds its marker and stores
 * nothing. The caller must be allowed to contribute.
 */
export async function retroVoter(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  retroId: string;
  request: CastRetroVoteRequest;
}): Promise<CastRetroVoteResponse> {
  const { store, viewer, communityId, retroId } = props;
  const parsed = castRetroVoteRequestSchema.safeParse(props.request);
  if (!parsed.success) throw validationFailed(parsed.error, "The vote");
  const { target, submissionKey } = parsed.data;
  const { userId, tenantId } = viewer.actor;
  const keyHash = idFromKey(retroId, userId, submissionKey);

  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const aggregate = await retroReader({ store, tenantId, communityId, retroId });
    const { retro } = aggregate;
    const mine = aggregate.votes.filter((vote) => vote.userId === userId);
    const answer = (created: boolean): CastRetroVoteResponse => ({
      created,
      myVotes: mine.map((vote) => vote.target).concat(created ? [target] : []),
      votesLeft: votesLeft(retro.votesPerPerson, mine.length + (created ? 1 : 0)),
    });
    if (aggregate.voteKeys.has(keyHash)) return answer(false);
    if (!isRetroActivityOpen("vote", retro.phase)) {
      throw wrongPhase(retroActivityClosedMessage("vote", retro.phase));
    }
    const ballot = retroBallot({
      entries: aggregate.entries.map((e) => ({
        id: e.entryId,
        text: e.text,
        hidden: e.hidden !== null,
      })),
      themes: retro.themes,
      votes: [],
    });
    if (!ballot.some((item) => item.target === target)) {
      throw badRequest("That theme or entry is not on this retro's ballot.");
    }
    const slot = nextVoteSlot(
      retro.votesPerPerson,
      mine.map((vote) => vote.slot),
    );
    if (slot === null) {
      throw wrongPhase(`You have used all ${retro.votesPerPerson} of your votes in this retro.`);
    }
    const result = await store.retros.castVote({
      tenantId,
      communityId,
      retroId,
      vote: { userId, slot, target },
      keyHash,
    });
    if (result === "created") return answer(true);
    // "duplicate": the same submission won in parallel; "slotTaken": another of this person's
    // votes took the slot. Either way the next read tells what to answer.
  }
  throw wrongPhase("Many votes arrived at once. Try your vote again.");
}
