import { builtInRetroFormat, calendarDateOf, newestFirstKey, toIso } from "@practice-hub/shared";
import { isConflict, type Store } from "../store";
import { demoCommunityId, demoGeneralChannelId, demoTeamId, demoTenantId } from "./demoIdentities";

const dayMs = 24 * 60 * 60 * 1000;

const champion = { id: "demo-champion", displayName: "Ana Champion" };

/** Three past monthly pulses (so the tab's chart has a line) and the link of the Playground's
 * General channel and team to the demo community. Idempotent. */
export async function seedRetros(props: { store: Store; now: Date }): Promise<void> {
  const { store, now } = props;
  const linked = await store.channelLinks.findByConversation({
    tenantId: demoTenantId,
    conversationId: demoGeneralChannelId,
  });
  if (!linked) {
    await store.channelLinks.link({
      tenantId: demoTenantId,
      communityId: demoCommunityId,
      conversationId: demoGeneralChannelId,
      teamId: demoTeamId,
      linkedAt: toIso(now),
      linkedBy: champion.id,
    });
  }
  const pulses = [
    { daysAgo: 90, scores: [3, 2, 4, 3] },
    { daysAgo: 60, scores: [3, 4, 4, 3] },
    { daysAgo: 30, scores: [4, 4, 5, 3] },
  ];
  const format = builtInRetroFormat("pulse");
  for (const [index, pulse] of pulses.entries()) {
    const startedAt = new Date(now.getTime() - pulse.daysAgo * dayMs);
    // A fixed suffix: a second run finds the row and leaves it alone.
    const retroId = `${newestFirstKey(new Date(Date.UTC(2026, 0, 1) - pulse.daysAgo * dayMs))}-seed0${index}`;
    const average = pulse.scores.reduce((sum, score) => sum + score, 0) / pulse.scores.length;
    try {
      await store.retros.create({
        tenantId: demoTenantId,
        communityId: demoCommunityId,
        retro: {
          retroId,
          title: `Monthly pulse: ${calendarDateOf(startedAt).slice(0, 7)}`,
          format,
          phase: "closed",
          votesPerPerson: 3,
          startedAt: toIso(startedAt),
          startedBy: champion,
          closedAt: toIso(new Date(startedAt.getTime() + 7 * dayMs)),
          themes: [],
          conversationId: null,
          summary: {
            topThemes: [],
            pulse: { average: Math.round(average * 10) / 10, count: pulse.scores.length },
          },
        },
      });
    } catch (error) {
      if (!isConflict(error)) throw error;
      continue;
    }
    for (const [entryIndex, score] of pulse.scores.entries()) {
      await store.retros.addEntry({
        tenantId: demoTenantId,
        communityId: demoCommunityId,
        retroId,
        entry: {
          entryId: `seed${entryIndex}`,
          promptId: entryIndex % 2 === 0 ? "working" : "not-working",
          text:
            score >= 4 ? "The show and tell sessions are lively." : "Hard to find time this month.",
          score,
          author: null,
        },
      });
    }
  }
}
