import { occurrenceActions, type OccurrenceFacts } from "./occurrenceActions";

const facts = (over: Partial<OccurrenceFacts>): OccurrenceFacts => ({
  open: true,
  facilitatorId: "ana",
  creditedFacilitatorId: () => "ana",
  swapRequesterId: null,
  volunteerIds: ["ana", "ben"],
  ...over,
});

describe("occurrence actions", () => {
  it("offers recording to the credited facilitator and champions, never to nobody", () => {
    const nobody = { userId: "", schedules: false };
    expect(occurrenceActions({ userId: "ana", schedules: false }, facts({})).canRecord).toBe(true);
    expect(occurrenceActions({ userId: "ben", schedules: false }, facts({})).canRecord).toBe(false);
    expect(occurrenceActions({ userId: "ben", schedules: true }, facts({})).canRecord).toBe(true);
    const unnamed = facts({ creditedFacilitatorId: () => "" });
    expect(occurrenceActions(nobody, unnamed).canRecord).toBe(false);
  });

  it("lets the facilitator ask once, and another volunteer take the open request", () => {
    const asked = facts({ swapRequesterId: "ana" });
    expect(occurrenceActions({ userId: "ana", schedules: false }, facts({}))).toEqual({
      canRecord: true,
      canAskForSwap: true,
      canTakeSwap: false,
    });
    expect(occurrenceActions({ userId: "ana", schedules: false }, asked).canAskForSwap).toBe(false);
    expect(occurrenceActions({ userId: "ben", schedules: false }, asked).canTakeSwap).toBe(true);
    expect(occurrenceActions({ userId: "cy", schedules: false }, asked).canTakeSwap).toBe(false);
    const closed = facts({ open: false });
    expect(occurrenceActions({ userId: "ana", schedules: false }, closed).canAskForSwap).toBe(
      false,
    );
  });
});
