import { cardProblems, cardBytes } from "./testing";
import { maxCardBytes } from "./types";
import {
  leadLabel,
  ritualFacilitatorCard,
  ritualReminderCard,
  ritualVerbs,
  type RitualCardProps,
} from "./ritualReminderCard";

function cardPropsFactory(overrides: Partial<RitualCardProps["occurrence"]> = {}): RitualCardProps {
  return {
    communityId: "product-management",
    leadMinutes: 24 * 60,
    tabUrl: "https://hub.example.com/",
    occurrence: {
      ritualId: "r1",
      ritualName: "Office hours",
      originalDate: "2026-03-18",
      start: "2026-03-18T12:00:00.000Z",
      end: "2026-03-18T12:30:00.000Z",
      timeZone: "Europe/London",
      rsvpCounts: { going: 3, maybe: 1, notGoing: 0 },
      facilitatorName: "Ana Champion",
      ...overrides,
    },
  };
}

describe("ritualReminderCard", () => {
  it("parses as an Adaptive Card 1.5 well under the size limit", () => {
    const card = ritualReminderCard(cardPropsFactory());
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(maxCardBytes);
  });

  it("offers the three RSVP answers with their counts as Action.Execute buttons", () => {
    const card = ritualReminderCard(cardPropsFactory());
    const rsvps = (card.actions ?? []).filter((a) => a.type === "Action.Execute");
    expect(rsvps.map((a) => a.title)).toEqual(["Going (3)", "Maybe (1)", "Not going (0)"]);
    expect(rsvps.every((a) => a.type === "Action.Execute" && a.verb === ritualVerbs.rsvp)).toBe(
      true,
    );
  });

  it("writes the time with DATE and TIME so every reader sees their own zone", () => {
    expect(JSON.stringify(ritualReminderCard(cardPropsFactory()))).toContain(
      "{{DATE(2026-03-18T12:00:00Z, LONG)}} at {{TIME(2026-03-18T12:00:00Z)}}",
    );
  });

  it("escapes a ritual name so it cannot add links or formatting", () => {
    const card = ritualReminderCard(cardPropsFactory({ ritualName: "[click](https://x.example)" }));
    expect(JSON.stringify(card)).not.toContain("[click](https://x.example)");
  });
});

describe("ritualFacilitatorCard", () => {
  it("offers I can't make it until the facilitator answered", () => {
    const card = ritualFacilitatorCard({ ...cardPropsFactory(), leadMinutes: 3 * 24 * 60 });
    expect(cardProblems(card)).toEqual([]);
    expect(card.actions?.[0]).toMatchObject({
      title: "I can't make it",
      verb: ritualVerbs.cantMakeIt,
    });
    const answered = ritualFacilitatorCard({ ...cardPropsFactory(), answered: "Noted." });
    expect(answered.actions?.map((a) => a.title)).toEqual(["Open the calendar"]);
  });
});

describe("leadLabel", () => {
  it("says tomorrow, hours, days or minutes", () => {
    expect(leadLabel(1440)).toBe("tomorrow");
    expect(leadLabel(4320)).toBe("in 3 days");
    expect(leadLabel(120)).toBe("in 2 hours");
    expect(leadLabel(15)).toBe("in 15 minutes");
  });
});
