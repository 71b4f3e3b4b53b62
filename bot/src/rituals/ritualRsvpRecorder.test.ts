import { ritualLimits } from "@practice-hub/shared";
import { freeSeat, rsvpDisplayName } from "./ritualRsvpRecorder";

describe("rsvpDisplayName", () => {
  it("keeps an ordinary name as it is", () => {
    expect(rsvpDisplayName("Ana Lima 😀")).toBe("Ana Lima 😀");
  });

  it("cuts a long name to the stored length", () => {
    expect(rsvpDisplayName("x".repeat(500))).toHaveLength(ritualLimits.rsvpDisplayName);
  });

  it("drops control characters and lone surrogates, which JSON would escape to six characters", () => {
    expect(rsvpDisplayName("A\u0000n\u0007a\udc00")).toBe("Ana");
  });

  it("never cuts through a surrogate pair", () => {
    const name = `${"x".repeat(ritualLimits.rsvpDisplayName - 1)}😀`;
    expect(rsvpDisplayName(name)).toBe("x".repeat(ritualLimits.rsvpDisplayName - 1));
  });
});

describe("freeSeat", () => {
  const seats = (count: number) => Array.from({ length: count }, (_, seat) => ({ seat }));

  it("gives the only seat left when all others are taken", () => {
    const taken = seats(ritualLimits.peoplePerOccurrence).filter(({ seat }) => seat !== 123);

    expect(freeSeat(taken)).toBe(123);
  });

  it("never gives a seat someone holds", () => {
    const taken = seats(ritualLimits.peoplePerOccurrence - 5);
    const given = Array.from({ length: 50 }, () => freeSeat(taken));

    expect(
      given.every((seat) => seat !== null && seat >= ritualLimits.peoplePerOccurrence - 5),
    ).toBe(true);
  });

  it("answers null once every seat of the session is taken", () => {
    expect(freeSeat(seats(ritualLimits.peoplePerOccurrence))).toBeNull();
  });
});
