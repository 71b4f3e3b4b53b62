import { composeDigest } from "../digest/composer";
import {
  communityInputFactory,
  digestInputFactory,
  digestTestDate,
  digestTestDay,
  pickFactory,
} from "../digest/testing";
import { digestCard } from "./digestCard";
import { cardBytes, cardProblems } from "./testing";
import { maxCardBytes } from "./types";

function fullCommunity(index: number) {
  return communityInputFactory({
    communityId: `community-${index}`,
    name: `Community ${index}`,
    membershipChanges: Array.from({ length: 30 }, (_, n) => ({
      displayName: `Person ${n} with a fairly long display name`,
      change: n % 3 ? ("joined" as const) : ("left" as const),
      at: digestTestDay(-1),
    })),
    upcoming: Array.from({ length: 20 }, (_, n) => ({
      ritualName: `Ritual ${n}`,
      startsAt: digestTestDay(1 + n / 2),
      timeZone: "Europe/London",
      facilitators: ["Ana", "Ben"],
    })),
    picks: [1, 2, 3, 4].map((n) =>
      pickFactory({ id: `p${n}`, why: "x".repeat(1_000), title: "t".repeat(200) }),
    ),
    handbook: [
      {
        id: "h1",
        title: "How we run discovery",
        excerpt: "y".repeat(500),
        createdAt: digestTestDay(-300),
        lastResurfacedAt: null,
        archived: false,
      },
    ],
    retroActions: Array.from({ length: 12 }, (_, n) => ({
      text: "z".repeat(300),
      owner: "Ana",
      dueDate: digestTestDate(n - 6),
      done: false,
    })),
    signals: [
      {
        kind: "canvasNotReviewed",
        summary: "The canvas was last reviewed 120 days ago.",
        figures: {},
      },
    ],
  });
}

function cardFor(communities: ReturnType<typeof communityInputFactory>[]) {
  const digest = composeDigest(digestInputFactory({ communities }));
  return digestCard({ digest, homeUrl: "https://hub.example.com/", timeZone: "Europe/London" });
}

describe("digestCard", () => {
  it("parses as an Adaptive Card 1.5 without problems", () => {
    expect(cardProblems(cardFor([fullCommunity(1)]))).toEqual([]);
  });

  it("stays under 80 KB for a head of profession leading five full communities", () => {
    const card = cardFor([1, 2, 3, 4, 5].map(fullCommunity));

    expect(cardBytes(card)).toBeLessThan(maxCardBytes);
  });

  it("stays under 80 KB and parses for thirty full communities, counting those left out", () => {
    const card = cardFor(Array.from({ length: 30 }, (_, n) => fullCommunity(n + 10)));
    const text = JSON.stringify(card);
    const shown = (text.match(/Open Community \d+ in Practice Hub/g) ?? []).length;

    expect(cardBytes(card)).toBeLessThan(maxCardBytes);
    expect(cardProblems(card)).toEqual([]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(30);
    expect(text).toContain(`${30 - shown} more communities: open Practice Hub`);
  });

  it("lists ten joiners by name and counts the rest", () => {
    const text = JSON.stringify(cardFor([fullCommunity(1)]));

    expect(text).toContain("Person 14 with a fairly long display name and 10 more");
    expect(text).not.toContain("Person 16 with");
  });

  it("links each pick and each community to where it lives", () => {
    const text = JSON.stringify(
      cardFor([
        communityInputFactory({ picks: [pickFactory({ url: "https://example.com/a(b)" })] }),
      ]),
    );

    expect(text).toContain("(https://example.com/a%28b%29)");
    expect(text).toContain("(https://hub.example.com/?community=product-management)");
  });

  it("escapes what people typed so it cannot become a link or a mention", () => {
    const text = JSON.stringify(
      cardFor([
        communityInputFactory({
          picks: [pickFactory({ why: "[click](https://evil.example) <at>Everyone</at>" })],
        }),
      ]),
    );

    expect(text).not.toContain("[click](https://evil.example)");
    expect(text).not.toContain("<at>");
  });

  it("shows ritual times in the recipient's zone", () => {
    const card = cardFor([
      communityInputFactory({
        upcoming: [
          {
            ritualName: "Office hours",
            startsAt: "2026-11-24T14:00:00.000Z",
            timeZone: "Europe/London",
            facilitators: ["Ana"],
          },
        ],
      }),
    ]);
    const text = JSON.stringify(card);

    expect(text).toContain("Tue 24 Nov, 14:00");
    expect(text).toContain("Office hours: run by Ana");
  });

  it("says that nothing needs attention when every community is quiet", () => {
    expect(JSON.stringify(cardFor([communityInputFactory()]))).toContain(
      "Nothing needs your attention this week",
    );
  });

  it("leaves out the headings of empty sections", () => {
    const text = JSON.stringify(cardFor([communityInputFactory({ picks: [pickFactory()] })]));

    expect(text).toContain("Curated picks");
    expect(text).not.toContain("Coming up");
    expect(text).not.toContain("retro actions");
    expect(text).not.toContain("Worth a look");
  });
});

describe("the members' digest card", () => {
  it("shows each session in its own zone, named, since a channel has readers everywhere", () => {
    const digest = composeDigest(
      digestInputFactory({
        audience: "members",
        communities: [
          communityInputFactory({
            upcoming: [
              {
                ritualName: "Office hours",
                startsAt: "2026-11-24T14:00:00.000Z",
                timeZone: "America/New_York",
                facilitators: ["Ana"],
              },
            ],
          }),
        ],
      }),
    );

    const text = JSON.stringify(
      digestCard({ digest, homeUrl: "https://hub.example.com/", timeZone: "Europe/London" }),
    );

    expect(text).toContain("Tue 24 Nov, 09:00 (America/New_York)");
  });
});

describe("due dates on the digest card", () => {
  function cardTextFor(dueDate: string, timeZone: string, now: string): string {
    const digest = composeDigest(
      digestInputFactory({
        now: new Date(now),
        timeZone,
        communities: [
          communityInputFactory({
            retroActions: [{ text: "Share the guide", owner: "Ana", dueDate, done: false }],
          }),
        ],
      }),
    );
    return JSON.stringify(digestCard({ digest, homeUrl: "https://hub.example.com/", timeZone }));
  }

  it("reads the due date itself for a reader in London in summer time", () => {
    const text = cardTextFor("2027-03-31", "Europe/London", "2027-03-29T09:00:00Z");

    expect(text).toContain("Ana, due 31 Mar");
    expect(text).not.toContain("1 Apr");
  });

  it.each(["Asia/Tokyo", "Pacific/Honolulu"])(
    "reads the due date itself for a reader in %s",
    (timeZone) => {
      const text = cardTextFor("2026-12-20", timeZone, "2026-12-14T09:00:00Z");

      expect(text).toContain("Ana, due 20 Dec");
      expect(text).not.toMatch(/due (19|21) Dec/);
    },
  );
});
