import {
  addRetroEntryRequestSchema,
  isRetroActivityOpen,
  retroActivityClosedMessage,
  retroLimits,
  type AddRetroEntryRequest,
  type AddRetroEntryResponse,
  parseWithSentences,
} from "@practice-hub/shared";
import { badRequest, conflict, fieldRefused, validationFailed } from "../errors";
import type { Viewer } from "../policies";
import type { Store } from "../store";
import { entryIdFor, retroReader } from "./retroReader";

/**
 * Adds an entry while the retro collects. The entry's id is a keyed hash of the person and their
 * submission key (entryIdFor), so their retry or double click stores one entry while someone
 * else sending the same key stores their own. An anonymous entry is written without any author
 * property, its id reveals nobody without the server's secret, and nothing here logs who sent
 * it. A retro takes at most `retroLimits.entriesMax` entries (409 beyond). The caller must be
 * allowed to contribute.
 */
export async function retroEntryAdder(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  retroId: string;
  request: AddRetroEntryRequest;
  /** SUBMISSION_KEY_SECRET: keys the entry's id. */
  keySecret: string;
}): Promise<AddRetroEntryResponse> {
  const { store, viewer, communityId, retroId } = props;
  const parsed = parseWithSentences(addRetroEntryRequestSchema, props.request, "The entry");
  if (!parsed.success) throw validationFailed(parsed.error, "The entry");
  const request = parsed.data;
  const { retro, entries } = await retroReader({
    store,
    tenantId: viewer.actor.tenantId,
    communityId,
    retroId,
    userId: null,
    withActions: false,
  });
  if (!isRetroActivityOpen("addEntry", retro.phase)) {
    throw conflict(retroActivityClosedMessage("addEntry", retro.phase));
  }
  if (!retro.format.prompts.some((prompt) => prompt.id === request.promptId)) {
    throw badRequest("That prompt is not part of this retro. Choose one of its prompts.");
  }
  if (retro.format.scored && request.score === undefined) {
    throw badRequest("This retro asks for a score from 1 to 5 with each entry.");
  }
  if (!retro.format.scored && request.score !== undefined) {
    // Refused rather than dropped: a client that sends a score expects it to count somewhere.
    throw fieldRefused(
      "The entry",
      "score",
      "This retro's format takes no score: send the entry without one.",
    );
  }
  const entryId = entryIdFor({
    secret: props.keySecret,
    retroId,
    userId: viewer.actor.userId,
    submissionKey: request.submissionKey,
  });
  const alreadyRead = entries.some((entry) => entry.entryId === entryId);
  // A retry of an entry already stored still gets its answer; only a new entry is refused. Hidden
  // entries count: they are stored, read and groupable like the others.
  if (!alreadyRead && entries.length >= retroLimits.entriesMax) {
    throw conflict(
      `This retro already has ${retroLimits.entriesMax} entries, the most one retro takes. Move it on to grouping, or start another retro for what is left to say.`,
    );
  }
  const { created } = await store.retros.addEntry({
    tenantId: viewer.actor.tenantId,
    communityId,
    retroId,
    entry: {
      entryId,
      promptId: request.promptId,
      text: request.text,
      score: request.score ?? null,
      author: request.anonymous
        ? null
        : { id: viewer.actor.userId, displayName: viewer.actor.displayName },
    },
  });
  const counts: Record<string, number> = {};
  for (const prompt of retro.format.prompts) counts[prompt.id] = 0;
  const visible = entries.filter((entry) => entry.hidden === null);
  for (const entry of visible) counts[entry.promptId] = (counts[entry.promptId] ?? 0) + 1;
  if (created && !alreadyRead) counts[request.promptId] = (counts[request.promptId] ?? 0) + 1;
  return { entryId, created, counts };
}
