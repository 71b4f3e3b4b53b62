import {
  castRetroVoteRequestSchema,
  isRetroActivityOpen,
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

/**
 * Reads of the retro before giving up. A try loses only to a vote of the same person or of
 * someone in the same tally shard stored in between, so a crowd of 50 on one entry (three or
 * four per shard) settles well within this.
 */
const maxAttempts = 12;

/** A short random wait after a lost try, so the people of one shard spread out. */
const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 20));

/**
 * Casts one vote: added to the person's own row (their targets and submission keys) and to
 * their tally shard in one transaction, conditional on both ETags, so the count stays exact
 * under concurrency, and a retried submission finds its key and stores nothing. Reads the
 * retro's entries, tallies and the person's row in one query, writes in one transaction. The
 * caller must be allowed to contribute.
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
    if (attempt > 0) await pause();
    const aggregate = await retroReader({
      store,
      tenantId,
      communityId,
      retroId,
      userId,
      withActions: false,
    });
    const { retro, mine } = aggregate;
    const answer = (created: boolean): CastRetroVoteResponse => ({
      created,
      myVotes: created ? [...mine.targets, target] : mine.targets,
      votesLeft: votesLeft(retro.votesPerPerson, mine.targets.length + (created ? 1 : 0)),
    });
    if (mine.keyHashes.includes(keyHash)) return answer(false);
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
    if (mine.targets.length >= retro.votesPerPerson) {
      throw conflict(`You have used all ${retro.votesPerPerson} of your votes in this retro.`);
    }
    const result = await store.retros.castVote({
      tenantId,
      communityId,
      retroId,
      mine,
      tallies: aggregate.tallies,
      target,
      keyHash,
    });
    if (result === "created") return answer(true);
  }
  throw conflict("Many votes arrived at once. Try your vote again.");
}
