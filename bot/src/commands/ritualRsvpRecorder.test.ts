import { ritualLimits } from "@practice-hub/shared";
import { rsvpDisplayName } from "./ritualRsvpRecorder";

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
