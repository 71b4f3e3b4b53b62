import {
  calendarDateLabel,
  calendarDateOf,
  dateWindowAround,
  dayLabelOf,
  daysBetween,
  isCalendarDate,
  isInDateWindow,
  newestFirstKey,
} from "./time";

describe("daysBetween", () => {
  const now = new Date("2026-03-10T12:00:00Z");

  it("counts whole days from an earlier instant", () => {
    expect(daysBetween("2026-03-01T12:00:00Z", now)).toBe(9);
  });

  it("rounds a partial day down", () => {
    expect(daysBetween("2026-03-09T12:00:01Z", now)).toBe(0);
  });

  it("never answers a negative number for a future instant", () => {
    expect(daysBetween("2026-04-01T00:00:00Z", now)).toBe(0);
  });

  it("refuses a string that is not a date", () => {
    expect(() => daysBetween("last tuesday", now)).toThrow(RangeError);
  });
});

describe("newestFirstKey", () => {
  it("sorts a later instant before an earlier one as strings", () => {
    const earlier = newestFirstKey(new Date("2026-01-01T00:00:00Z"));
    const later = newestFirstKey(new Date("2026-01-01T00:00:00.001Z"));
    expect([earlier, later].sort()).toEqual([later, earlier]);
  });

  it("keeps a fixed width so string order equals numeric order", () => {
    expect(newestFirstKey(new Date("1970-01-01T00:00:00Z"))).toHaveLength(13);
    expect(newestFirstKey(new Date("2200-01-01T00:00:00Z"))).toHaveLength(13);
  });
});

describe("calendar dates", () => {
  it("accepts a date that exists, including the 29th of February in a leap year", () => {
    expect(isCalendarDate("2026-12-31")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
  });

  it("refuses dates that do not exist or are not YYYY-MM-DD", () => {
    expect(isCalendarDate("2026-02-31")).toBe(false);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-00-10")).toBe(false);
    expect(isCalendarDate("2026-1-10")).toBe(false);
  });

  it("gives the UTC calendar date and day label of an instant late in the day", () => {
    const lateEvening = new Date("2026-11-20T23:30:00Z");
    expect(calendarDateOf(lateEvening)).toBe("2026-11-20");
    expect(dayLabelOf(lateEvening)).toBe("20 Nov 2026");
  });
});

describe("calendarDateLabel", () => {
  it("reads a calendar date as that same day and month", () => {
    expect(calendarDateLabel("2027-03-31")).toBe("31 Mar");
    expect(calendarDateLabel("2026-12-20")).toBe("20 Dec");
    expect(calendarDateLabel("2026-01-01")).toBe("1 Jan");
  });

  it("adds the year when asked, and follows the locale", () => {
    expect(calendarDateLabel("2027-03-31", { year: true })).toBe("31 Mar 2027");
    expect(calendarDateLabel("2027-03-31", { locale: "en-US" })).toBe("Mar 31");
  });

  it("refuses a string that is not a calendar date", () => {
    expect(() => calendarDateLabel("2027-02-30")).toThrow(RangeError);
    expect(() => calendarDateLabel("2027-03-31T23:59:59Z")).toThrow(RangeError);
  });
});

describe("dateWindowAround", () => {
  it("spans five years either side of today", () => {
    expect(dateWindowAround(new Date("2026-03-09T23:30:00Z"))).toEqual({
      earliest: "2021-03-09",
      latest: "2031-03-09",
    });
  });

  it("ends on the 28th when today is the 29th of February", () => {
    expect(dateWindowAround(new Date("2028-02-29T12:00:00Z"))).toEqual({
      earliest: "2023-02-28",
      latest: "2033-02-28",
    });
  });
});

describe("isInDateWindow", () => {
  const window = { earliest: "2021-03-09", latest: "2031-03-09" };

  it("accepts calendar dates on and between the window's ends", () => {
    expect(isInDateWindow("2021-03-09", window)).toBe(true);
    expect(isInDateWindow("2026-07-01", window)).toBe(true);
    expect(isInDateWindow("2031-03-09", window)).toBe(true);
  });

  it("refuses calendar dates a day outside either end", () => {
    expect(isInDateWindow("2021-03-08", window)).toBe(false);
    expect(isInDateWindow("2031-03-10", window)).toBe(false);
    expect(isInDateWindow("9999-12-31", window)).toBe(false);
    expect(isInDateWindow("0100-01-01", window)).toBe(false);
  });

  it("judges an instant by its UTC day, whatever offset it is written with", () => {
    expect(isInDateWindow("2031-03-09T23:59:59.999Z", window)).toBe(true);
    expect(isInDateWindow("2031-03-10T00:00:00Z", window)).toBe(false);
    expect(isInDateWindow("2031-03-09T23:00:00-05:00", window)).toBe(false);
    expect(isInDateWindow("2021-03-09T00:00:00Z", window)).toBe(true);
    expect(isInDateWindow("2021-03-08T23:59:59Z", window)).toBe(false);
  });

  it("refuses what is not a date", () => {
    expect(isInDateWindow("next year", window)).toBe(false);
  });
});
