import {
  castRetroVoteRequestSchema,
  isRetroActivityOpen,
  freeVoteSlots,
  retroActivityClosedMessage,
  retroBallot,
  votesLeft,
  type CastRetroVoteRequest,
  type CastRetroVoteResponse,
  parseWithSentences,
} from "@practice-hub/shared";
import { badRequest, conflict, validationFailed } from "../errors";
import type { Viewer } from "../policies";
import type { Store } from "../store";
import { idFromKey, retroReader } from "./retroReader";

/** Reads of the retro before giving up; each read tries every slot still free. */
const maxAttempts = 4;

/** A copy in random order (Fisher-Yates), so parallel votes spread over the free slots. */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

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
  const parsed = parseWithSentences(castRetroVoteRequestSchema, props.request, "The vote");
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
      throw conflict(retroActivityClosedMessage("vote", retro.phase));
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
    const free = freeVoteSlots(
      retro.votesPerPerson,
      mine.map((vote) => vote.slot),
    );
    if (free.length === 0) {
      throw conflict(`You have used all ${retro.votesPerPerson} of your votes in this retro.`);
    }
    // Parallel votes of one person all see the same free slots. Trying them in a random order,
    // and moving on to the next when a parallel vote took one, means every vote finds a slot
    // without re-reading as long as the person has votes left.
    for (const slot of shuffled(free)) {
      const result = await store.retros.castVote({
        tenantId,
        communityId,
        retroId,
        vote: { userId, slot, target },
        keyHash,
      });
      if (result === "created") return answer(true);
      // The same submission won in parallel: the next read finds its marker and answers.
      if (result === "duplicate") break;
    }
  }
  throw conflict("Many votes arrived at once. Try your vote again.");
}
