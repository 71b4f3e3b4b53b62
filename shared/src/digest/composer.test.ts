import { composeDigest, picksSentIn } from "./composer";
import {
  communityInputFactory,
  digestInputFactory,
  digestTestDate,
  digestTestDay,
  digestTestNow,
  pickFactory,
} from "./testing";
import { isoWeekOf } from "./week";

const signal = {
  kind: "canvasNotReviewed" as const,
  summary: "The canvas was last reviewed 120 days ago.",
  figures: { daysSinceReview: 120 },
};

function composeOne(
  community: Parameters<typeof communityInputFactory>[0],
  audience: "lead" | "members" = "lead",
) {
  const digest = composeDigest(
    digestInputFactory({ audience, communities: [communityInputFactory(community)] }),
  );
  return digest.communities[0];
}

describe("composeDigest", () => {
  it("lists joiners and leavers of the last seven days only", () => {
    const community = composeOne({
      membershipChanges: [
        { displayName: "Ana", change: "joined", at: digestTestDay(-2) },
        { displayName: "Ben", change: "left", at: digestTestDay(-3) },
        { displayName: "Old", change: "joined", at: digestTestDay(-30) },
      ],
    });

    expect(community?.joined).toEqual(["Ana"]);
    expect(community?.left).toEqual(["Ben"]);
  });

  it("keeps leavers out of the members' version posted to the channel", () => {
    const community = composeOne(
      {
        membershipChanges: [
          { displayName: "Ana", change: "joined", at: digestTestDay(-2) },
          { displayName: "Ben", change: "left", at: digestTestDay(-3) },
        ],
        signals: [signal],
      },
      "members",
    );

    expect(community?.left).toBeUndefined();
    expect(community?.signals).toBeUndefined();
  });

  it("shows rituals of the next fourteen days in order, with their facilitators", () => {
    const occurrence = (name: string, days: number) => ({
      ritualName: name,
      startsAt: digestTestDay(days),
      timeZone: "Europe/London",
      facilitators: ["Ana"],
    });
    const community = composeOne({
      upcoming: [
        occurrence("Later", 10),
        occurrence("Too late", 15),
        occurrence("Soon", 1),
        occurrence("Past", -1),
      ],
    });

    expect(community?.upcoming?.map((o) => o.ritualName)).toEqual(["Soon", "Later"]);
  });

  it("picks at most three approved resources, newest first, never one sent before", () => {
    const community = composeOne({
      picks: [1, 2, 3, 4, 5].map((n) =>
        pickFactory({ id: `p${n}`, approvedAt: digestTestDay(-n) }),
      ),
      sentPickIds: ["p1"],
    });

    expect(community?.picks?.map((pick) => pick.id)).toEqual(["p2", "p3", "p4"]);
  });

  it("resurfaces one older handbook entry", () => {
    const entry = (id: string, createdDays: number) => ({
      id,
      title: id,
      excerpt: "text",
      createdAt: digestTestDay(createdDays),
      lastResurfacedAt: null,
      archived: false,
    });
    const community = composeOne({ handbook: [entry("fresh", -3), entry("old", -200)] });

    expect(community?.resurfaced?.id).toBe("old");
  });

  it("separates overdue retro actions from open ones and leaves out done ones", () => {
    const community = composeOne({
      retroActions: [
        { text: "Write role description", owner: "Ana", dueDate: digestTestDate(-2), done: false },
        { text: "Book a speaker", owner: "Ben", dueDate: digestTestDate(5), done: false },
        { text: "Done already", owner: "Cy", dueDate: digestTestDate(-9), done: true },
      ],
    });

    expect(community?.overdueActions?.map((a) => a.text)).toEqual(["Write role description"]);
    expect(community?.openActions?.map((a) => a.text)).toEqual(["Book a speaker"]);
  });

  it("includes health signals for the people who lead", () => {
    expect(composeOne({ signals: [signal] })?.signals).toEqual([signal]);
  });

  it("leaves out empty sections and communities with nothing to say", () => {
    const digest = composeDigest(
      digestInputFactory({
        communities: [
          communityInputFactory({ communityId: "quiet" }),
          communityInputFactory({ communityId: "busy", signals: [signal] }),
        ],
      }),
    );

    expect(digest.communities.map((c) => c.communityId)).toEqual(["busy"]);
    expect(Object.keys(digest.communities[0] ?? {}).sort()).toEqual(
      ["communityId", "name", "signals", "tabUrl"].sort(),
    );
  });

  it("reports which picks it sent so later digests skip them", () => {
    const digest = composeDigest(
      digestInputFactory({
        communities: [communityInputFactory({ picks: [pickFactory({ id: "p9" })] })],
      }),
    );

    expect(picksSentIn(digest)).toEqual(["p9"]);
  });
});

describe("isoWeekOf", () => {
  it("names the ISO week in the recipient's zone", () => {
    // Sunday 22 Nov 2026 20:00 UTC is already Monday in Auckland.
    const instant = new Date("2026-11-22T20:00:00.000Z");

    expect(isoWeekOf(instant, "Europe/London")).toBe("2026-W47");
    expect(isoWeekOf(instant, "Pacific/Auckland")).toBe("2026-W48");
  });

  it("puts the first days of January in the last ISO week of the year before when it says so", () => {
    expect(isoWeekOf(new Date("2027-01-01T12:00:00.000Z"), "UTC")).toBe("2026-W53");
    expect(isoWeekOf(digestTestNow, "America/New_York")).toBe("2026-W48");
  });
});

describe("overdue retro actions", () => {
  const dueOn20December = {
    text: "Share the interview guide",
    owner: "Ana",
    dueDate: "2026-12-20",
    done: false,
  };

  function overdueFor(now: string, timeZone: string): boolean {
    const digest = composeDigest(
      digestInputFactory({
        now: new Date(now),
        timeZone,
        communities: [communityInputFactory({ retroActions: [dueOn20December] })],
      }),
    );
    return (digest.communities[0]?.overdueActions ?? []).length > 0;
  }

  it("are overdue once the reader's own calendar has passed the due date, east of UTC", () => {
    // 21 Dec 08:00 in Tokyo, still 20 Dec in UTC.
    expect(overdueFor("2026-12-20T23:00:00Z", "Asia/Tokyo")).toBe(true);
    expect(overdueFor("2026-12-20T23:00:00Z", "UTC")).toBe(false);
  });

  it("are not yet overdue while it is still the due date where the reader is, west of UTC", () => {
    // 20 Dec 20:00 in Honolulu, already 21 Dec in UTC.
    expect(overdueFor("2026-12-21T06:00:00Z", "Pacific/Honolulu")).toBe(false);
    expect(overdueFor("2026-12-21T06:00:00Z", "UTC")).toBe(true);
  });

  it("are listed soonest due first, those without a due date last", () => {
    const digest = composeDigest(
      digestInputFactory({
        communities: [
          communityInputFactory({
            retroActions: [
              { text: "No date", owner: "Cy", dueDate: null, done: false },
              { text: "Later", owner: "Ben", dueDate: digestTestDate(9), done: false },
              { text: "Sooner", owner: "Ana", dueDate: digestTestDate(2), done: false },
            ],
          }),
        ],
      }),
    );

    expect(digest.communities[0]?.openActions?.map((a) => a.text)).toEqual([
      "Sooner",
      "Later",
      "No date",
    ]);
  });
});
