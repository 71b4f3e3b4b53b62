import type { DigestSettings } from "../api/digest";
import { digestSlotOfWeek, dueDigestSlot } from "./schedule";
import { isoWeekOf } from "./week";

function settings(overrides: Partial<DigestSettings> = {}): DigestSettings {
  return { day: "monday", time: "09:00", timeZone: "Europe/London", ...overrides };
}

describe("digestSlotOfWeek", () => {
  it("is Monday 09:00 in the recipient's zone by default, in winter time", () => {
    const slot = digestSlotOfWeek(settings(), new Date("2026-11-25T12:00:00Z"));

    expect(slot.toISOString()).toBe("2026-11-23T09:00:00.000Z");
  });

  it("follows summer time in London", () => {
    const slot = digestSlotOfWeek(settings(), new Date("2026-07-08T12:00:00Z"));

    expect(slot.toISOString()).toBe("2026-07-06T08:00:00.000Z");
  });

  it("handles the week New York moves its clocks back", () => {
    // DST ends Sunday 1 November 2026 at 02:00 in New York.
    const slot = digestSlotOfWeek(
      settings({ day: "sunday", time: "10:30", timeZone: "America/New_York" }),
      new Date("2026-10-28T12:00:00Z"),
    );

    expect(slot.toISOString()).toBe("2026-11-01T15:30:00.000Z");
  });

  it("uses the recipient's own week: Sunday night in UTC is already Monday in Auckland", () => {
    const slot = digestSlotOfWeek(
      settings({ timeZone: "Pacific/Auckland" }),
      new Date("2026-11-22T21:00:00Z"),
    );

    expect(slot.toISOString()).toBe("2026-11-22T20:00:00.000Z");
  });
});

describe("dueDigestSlot", () => {
  it("is due when the slot falls inside the scheduler's window", () => {
    expect(
      dueDigestSlot(settings(), new Date("2026-11-23T08:59:00Z"), new Date("2026-11-23T09:01:00Z")),
    ).toEqual(new Date("2026-11-23T09:00:00Z"));
  });

  it("is not due before the slot or for a window after it", () => {
    expect(
      dueDigestSlot(settings(), new Date("2026-11-23T08:00:00Z"), new Date("2026-11-23T08:59:00Z")),
    ).toBeNull();
    expect(
      dueDigestSlot(settings(), new Date("2026-11-23T09:00:00Z"), new Date("2026-11-23T10:00:00Z")),
    ).toBeNull();
  });

  it("catches a slot missed during an outage that spanned the week boundary", () => {
    expect(
      dueDigestSlot(settings(), new Date("2026-11-22T12:00:00Z"), new Date("2026-11-24T12:00:00Z")),
    ).toEqual(new Date("2026-11-23T09:00:00Z"));
  });

  it("answers a Sunday 23:59 slot caught after midnight with the slot, which keeps the ending week", () => {
    const sunday = settings({ day: "sunday", time: "23:59", timeZone: "Europe/London" });
    const slot = dueDigestSlot(
      sunday,
      new Date("2026-11-29T23:58:30Z"),
      new Date("2026-11-30T00:00:30Z"),
    );

    expect(slot).toEqual(new Date("2026-11-29T23:59:00Z"));
    expect(slot && isoWeekOf(slot, "Europe/London")).toBe("2026-W48");
    expect(isoWeekOf(new Date("2026-11-30T00:00:30Z"), "Europe/London")).toBe("2026-W49");
  });
});
