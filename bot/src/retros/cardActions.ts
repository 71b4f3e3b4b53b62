import {
  retroCard,
  retroPhaseSchema,
  retroActionStatusSchema,
  retroVerbs,
  toIso,
  type Retro,
  type RetroFormatId,
  parseWithSentences,
} from "@practice-hub/shared";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../auth";
import { retroActionTracker } from "./retroActionTracker";
import { retroCloser } from "./retroCloser";
import { retroEntryAdder } from "./retroEntryAdder";
import { retroMover } from "./retroMover";
import type { RetroNotifier } from "./retroNotifier";
import { retroOwnerCardLoader } from "./retroOwnerCardLoader";
import { idFromKey, retroReader } from "./retroReader";
import { communityAccessChecker } from "../policies/communityAccess";
import { retroStarter } from "./retroStarter";
import { retroVoter } from "./retroVoter";
import { viewerLoader } from "../policies/viewerLoader";
import { badRequest, forbidden, validationFailed } from "../errors";
import type { Logger } from "../logger";
import { can, type PolicyAction, type Viewer } from "../policies";
import { channelAudience, presentRetro } from "./presenter";
import { ChannelTakenError, ConcurrencyError, type Store } from "../store";
import type {
  ChatCommandRegistry,
  CardActionAnswer,
  CardActionRegistry,
  CardConversation,
} from "../teams";
import { communityIdParam } from "../http/communityIdParam";

/** What the retro card actions and the `retro` command need. */
export interface RetroBotDeps {
  store: Store;
  now: () => Date;
  /** Where the cards' "Open in Practice Hub" button goes. */
  tabUrl: string;
  notifier: RetroNotifier | null;
  logger: Logger;
  /** SUBMISSION_KEY_SECRET: keys the ids of entries (retroEntryAdder). */
  submissionKeySecret: string;
}

/**
 * What the live card's render key looks like (a UUID from liveCard); at most 60 characters, so
 * the submission key made from it stays within `retroLimits.submissionKey`.
 */
const renderKeyPattern = /^[A-Za-z0-9-]{8,60}$/;

const retroRefSchema = z.object({
  communityId: z.string(),
  retroId: z.string().regex(/^[A-Za-z0-9-]{1,60}$/),
});

/** What the owner's card sends with its buttons and its refresh. */
const actionRefSchema = z.object({
  communityId: z.string(),
  actionId: z.string().regex(/^[A-Za-z0-9-]{1,80}$/),
});

function parseData<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = parseWithSentences(schema, data, "The card's answer");
  if (!parsed.success) throw validationFailed(parsed.error, "The card's answer");
  return parsed.data;
}

/** The words after `retro` that choose a format. */
const formatWords: Record<string, Exclude<RetroFormatId, "custom">> = {
  kda: "keepDropAdd",
  keep: "keepDropAdd",
  keepdropadd: "keepDropAdd",
  quarterly: "quarterly",
  headlines: "fourHeadlines",
  fourheadlines: "fourHeadlines",
  pulse: "pulse",
};

/**
 * Registers the retro card actions (entries, votes, phase moves, refreshes, action status) and the
 * `retro` command. Each handler loads the person's roles and asks the policy module before
 * changing anything; every card answered to a channel is presented for no one in particular, so
 * hidden entries and open tallies never show.
 */
export function registerRetroBot(props: {
  cardActions: CardActionRegistry;
  chatCommands: ChatCommandRegistry;
  deps: RetroBotDeps;
}): void {
  const { store, now, tabUrl, notifier } = props.deps;
  /** The live card, with a render key of its own: each card built takes its own entries. */
  const liveCard = (retro: Retro) => retroCard({ retro, tabUrl, renderKey: randomUUID() });

  async function viewerOf(actor: Actor): Promise<Viewer> {
    return viewerLoader({ store, actor });
  }

  /** The policy's 404-or-403 check on the community's retros. */
  async function authorizeRetro(viewer: Viewer, communityId: string, action: PolicyAction) {
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "retro", communityId },
      action,
    });
  }

  async function channelCard(
    viewer: Viewer,
    communityId: string,
    retroId: string,
  ): Promise<CardActionAnswer> {
    const aggregate = await retroReader({
      store,
      tenantId: viewer.actor.tenantId,
      communityId,
      retroId,
      userId: null,
      withActions: true,
    });
    const retro = presentRetro({ communityId, aggregate, audience: channelAudience, now: now() });
    return { card: liveCard(retro) };
  }

  props.cardActions
    .register(retroVerbs.addEntry, async ({ actor, data }) => {
      const ref = parseData(retroRefSchema, data);
      const form = parseData(
        z.object({
          promptId: z.string().min(1).max(40),
          text: z.string().max(5_000),
          visibility: z.enum(["anonymous", "named"]).default("anonymous"),
          score: z.coerce.number().int().min(1).max(5).optional(),
          // Cards posted before cards carried a render key have none.
          renderKey: z.string().regex(renderKeyPattern).optional(),
        }),
        data,
      );
      const communityId = communityIdParam(ref.communityId);
      const viewer = await viewerOf(actor);
      await authorizeRetro(viewer, communityId, "contribute");
      // The card's render and what was written make the key, whatever the client does: the same
      // render submitted twice (a double click, which Teams sends as a new invoke, or Teams'
      // retry) is one entry, a new render or other words another. The entry's id adds the person
      // (entryIdFor), so two people sending the same words from one card store two entries.
      const written = idFromKey(
        form.promptId,
        form.visibility,
        String(form.score ?? ""),
        form.text,
      );
      const submissionKey = `card-${form.renderKey ?? "unkeyed"}-${written}`;
      await retroEntryAdder({
        store,
        viewer,
        communityId,
        retroId: ref.retroId,
        request: {
          promptId: form.promptId,
          text: form.text,
          anonymous: form.visibility !== "named",
          ...(form.score !== undefined ? { score: form.score } : {}),
          submissionKey,
        },
        keySecret: props.deps.submissionKeySecret,
      });
      return channelCard(viewer, communityId, ref.retroId);
    })
    .register(retroVerbs.vote, async ({ actor, data }) => {
      const ref = parseData(retroRefSchema, data);
      const { target } = parseData(z.object({ target: z.string().min(1).max(100) }), data);
      const communityId = communityIdParam(ref.communityId);
      const viewer = await viewerOf(actor);
      await authorizeRetro(viewer, communityId, "contribute");
      const before = await retroReader({
        store,
        tenantId: actor.tenantId,
        communityId,
        retroId: ref.retroId,
        userId: actor.userId,
        withActions: false,
      });
      const cast = before.mine.targets.length;
      // A double click sends the same target with the same count of earlier votes: one key.
      await retroVoter({
        store,
        viewer,
        communityId,
        retroId: ref.retroId,
        request: { target, submissionKey: `card:${target.replace(/[^A-Za-z0-9-]/g, "-")}:${cast}` },
      });
      return channelCard(viewer, communityId, ref.retroId);
    })
    .register(retroVerbs.move, async ({ actor, data, logger }) => {
      const ref = parseData(retroRefSchema, data);
      const { to } = parseData(z.object({ to: retroPhaseSchema }), data);
      const communityId = communityIdParam(ref.communityId);
      const viewer = await viewerOf(actor);
      await authorizeRetro(viewer, communityId, "facilitate");
      const moved = { store, viewer, communityId, retroId: ref.retroId, now: now() };
      const aggregate =
        to === "closed"
          ? await retroCloser({ ...moved, notifier, logger })
          : (await retroMover({ ...moved, to })).aggregate;
      const retro = presentRetro({ communityId, aggregate, audience: channelAudience, now: now() });
      // Once closed, the card in the channel becomes the summary.
      return { card: liveCard(retro) };
    })
    .register(retroVerbs.refresh, async ({ actor, data }) => {
      const ref = parseData(retroRefSchema, data);
      const communityId = communityIdParam(ref.communityId);
      const viewer = await viewerOf(actor);
      await authorizeRetro(viewer, communityId, "read");
      return channelCard(viewer, communityId, ref.retroId);
    })
    .register(retroVerbs.setActionStatus, async ({ actor, data, conversation }) => {
      const ref = parseData(actionRefSchema, data);
      const { status } = parseData(z.object({ status: retroActionStatusSchema }), data);
      const communityId = communityIdParam(ref.communityId);
      const viewer = await viewerOf(actor);
      const action = await retroActionTracker({
        store,
        viewer,
        communityId,
        actionId: ref.actionId,
        status,
        now: now(),
      });
      const card = await retroOwnerCardLoader({
        store,
        viewer,
        communityId,
        action,
        conversationId: conversation.conversationId,
        tabUrl,
        now: now(),
      });
      return { card };
    })
    // Teams sends this when the owner looks at their card (its `refresh`): the answer is the card
    // as it stands now, overdue included. It changes nothing, and answers only those who may
    // track the action.
    .register(retroVerbs.refreshAction, async ({ actor, data, conversation }) => {
      const ref = parseData(actionRefSchema, data);
      const communityId = communityIdParam(ref.communityId);
      const viewer = await viewerOf(actor);
      const card = await retroOwnerCardLoader({
        store,
        viewer,
        communityId,
        action: { actionId: ref.actionId },
        conversationId: conversation.conversationId,
        tabUrl,
        now: now(),
      });
      return { card };
    });

  props.chatCommands.register("retro", async ({ actor, conversation, args, reply }) => {
    if (conversation.kind !== "channel") {
      await reply("Retros run in a community's channel: mention me there with **retro**.");
      return;
    }
    const viewer = await viewerOf(actor);
    const words = args.map((word) => word.toLowerCase());
    const formatWord = words.find((word) => word in formatWords);
    const format = (formatWord && formatWords[formatWord]) || "keepDropAdd";
    const named = words.find((word) => word !== formatWord);
    const communityId = await communityOfChannel({ store, viewer, conversation, named });
    await authorizeRetro(viewer, communityId, "facilitate");
    await linkChannelOnFirstRetro({ store, viewer, communityId, conversation, now: now() });
    const started = await retroStarter({
      store,
      viewer,
      communityId,
      request: { format },
      conversationId: conversation.conversationId,
      now: now(),
    });
    const aggregate = await retroReader({
      store,
      tenantId: actor.tenantId,
      communityId,
      retroId: started.retroId,
      userId: null,
      withActions: true,
    });
    const retro = presentRetro({ communityId, aggregate, audience: channelAudience, now: now() });
    await reply(liveCard(retro));
  });
}

/**
 * A community without a home channel gets this one with its first retro here (and the team, if
 * no community holds it), so later retros, reminders and digests land here. Nothing is moved:
 * a community that has a channel keeps it, and a channel that is another community's home
 * refuses the retro, since only champions move links (PUT /api/communities/{id}/channel).
 */
async function linkChannelOnFirstRetro(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  conversation: CardConversation;
  now: Date;
}): Promise<void> {
  const { store, viewer, communityId, conversation } = props;
  const { tenantId, userId } = viewer.actor;
  const [current, home] = await Promise.all([
    store.channelLinks.findByConversation({
      tenantId,
      conversationId: conversation.conversationId,
    }),
    store.channelLinks.findByCommunity({ tenantId, communityId }),
  ]);
  if (current?.communityId === communityId) return;
  if (current) {
    throw badRequest(
      `This channel belongs to the community **${current.communityId}**. Run the retro in that community's own channel.`,
    );
  }
  if (home) return;
  try {
    await store.channelLinks.link({
      tenantId,
      communityId,
      conversationId: conversation.conversationId,
      teamId: conversation.teamId ?? null,
      linkedAt: toIso(props.now),
      linkedBy: userId,
    });
  } catch (error) {
    // Someone linked it at the same moment; the retro goes ahead in the channel either way.
    if (!(error instanceof ConcurrencyError) && !(error instanceof ChannelTakenError)) throw error;
  }
}

/**
 * Which community a channel's retro belongs to: the one named in the command, else the one the
 * channel (or its team) is linked to, else the only community the person can run retros in.
 */
async function communityOfChannel(props: {
  store: Store;
  viewer: Viewer;
  conversation: CardConversation;
  named: string | undefined;
}): Promise<string> {
  const { store, viewer, conversation, named } = props;
  const tenantId = viewer.actor.tenantId;
  if (named) return communityIdParam(named);
  const link = await store.channelLinks.findByConversation({
    tenantId,
    conversationId: conversation.conversationId,
  });
  if (link) return link.communityId;
  if (conversation.teamId) {
    const ofTeam = await store.channelLinks.findByTeam({ tenantId, teamId: conversation.teamId });
    if (ofTeam) return ofTeam.communityId;
  }
  const runnable = viewer.roles.communities
    .map((entry) => entry.communityId)
    .filter((communityId) => can(viewer, "facilitate", { kind: "retro", communityId }));
  const [only, ...others] = runnable;
  if (only && others.length === 0) return only;
  if (!only) throw forbidden("Only a community's champions and facilitators can start a retro.");
  throw badRequest(
    `This channel is not linked to a community yet. Say which one: **retro ${runnable.join("** or **retro ")}**.`,
  );
}
