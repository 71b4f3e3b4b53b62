import { builtInRetroFormat, retroLimits, type RetroPhase } from "@practice-hub/shared";
import type { RetroAggregate, RetroEntryEntity } from "../store";
import { channelAudience, presentRetro } from "./presenter";

const now = new Date("2026-11-20T10:00:00.000Z");

function entry(id: string, text = `entry ${id}`): RetroEntryEntity {
  return {
    entryId: id,
    promptId: "keep",
    text,
    score: null,
    author: null,
    hidden: null,
    etag: "e",
  };
}

/** `count` votes for `target`, as a tally shard holds them. */
function votesFor(target: string, count: number): RetroAggregate["tallies"] {
  return [{ shard: 0, counts: { [target]: count }, etag: "t" }];
}

/** A retro with a theme of two entries and `loose` entries no theme gathered. */
function aggregateOf(props: {
  phase: RetroPhase;
  loose: number;
  votes: RetroAggregate["tallies"];
}): RetroAggregate {
  const looseEntries = Array.from({ length: props.loose }, (_, index) => entry(`l${index}`));
  return {
    retro: {
      retroId: "r1",
      title: "Keep, drop, add",
      format: builtInRetroFormat("keepDropAdd"),
      phase: props.phase,
      votesPerPerson: 25,
      startedAt: "2026-11-19T10:00:00.000Z",
      startedBy: { id: "demo-champion", displayName: "Ana Champion" },
      closedAt: null,
      themes: [{ id: "t1", title: "Meetings", entryIds: ["m1", "m2"] }],
      conversationId: null,
      summary: null,
      etag: "etag-1",
    },
    entries: [entry("m1"), entry("m2"), ...looseEntries],
    tallies: props.votes,
    mine: { userId: "demo-member", targets: [], keyHashes: [], etag: null },
    communityActions: [],
  };
}

describe("presentRetro's ballot", () => {
  // The last loose entry gets many votes: a ballot sorted by votes would move it to the top.
  const lastLoose = "entry:l13";
  const votes = votesFor(lastLoose, 9);

  it("orders the ballot by size then insertion while the vote is open, whatever the votes", () => {
    const retro = presentRetro({
      communityId: "c1",
      aggregate: aggregateOf({ phase: "vote", loose: 14, votes }),
      audience: channelAudience,
      now,
    });

    expect(retro.voteItems[0]?.target).toBe("theme:t1");
    expect(retro.voteItems.map((item) => item.target).slice(1)).toEqual(
      Array.from({ length: 14 }, (_, index) => `entry:l${index}`),
    );
    expect(retro.voteItems.every((item) => item.votes === null)).toBe(true);
    // The card keeps only the first dozen: the heavily voted item must not be among them.
    const onCard = retro.voteItems.slice(0, retroLimits.cardItemsMax).map((item) => item.target);
    expect(onCard).not.toContain(lastLoose);
  });

  it("orders the ballot by votes once the vote is closed", () => {
    const retro = presentRetro({
      communityId: "c1",
      aggregate: aggregateOf({ phase: "decide", loose: 14, votes }),
      audience: channelAudience,
      now,
    });

    expect(retro.voteItems[0]).toMatchObject({ target: lastLoose, votes: 9 });
  });
});
