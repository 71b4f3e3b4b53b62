import type ICALModule from "ical.js" with { "resolution-mode": "import" };
import { calendarFeed, occurrenceIcs, seriesUid, type IcsSeries } from "./ics";
import { scheduleFactory } from "./testing";

// ical.js ships its types for ES modules only; tests load its CommonJS build with the same API.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require("ical.js") as typeof ICALModule;

function seriesFactory(overrides: Partial<IcsSeries> = {}): IcsSeries {
  return {
    ritualId: "r1",
    name: "Office hours",
    description: "Drop in with a question.",
    schedule: scheduleFactory({ startDate: "2026-03-16" }),
    sequence: 0,
    exceptions: [],
    ...overrides,
  };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return calendar;
}

/** Starts of the series' occurrences as UTC ISO strings, expanded by ical.js. */
function expandWithIcalJs(text: string, count: number): string[] {
  const calendar = parse(text);
  const master = calendar
    .getAllSubcomponents("vevent")
    .map((v) => new ICAL.Event(v))
    .find((e) => !e.isRecurrenceException());
  if (!master) throw new Error("no series event");
  const iterator = master.iterator();
  const starts: string[] = [];
  for (let next = iterator.next(); next && starts.length < count; next = iterator.next()) {
    starts.push(next.toJSDate().toISOString());
  }
  return starts;
}

describe("calendarFeed", () => {
  it("parses with ical.js and keeps 09:00 London across the spring change", () => {
    const text = calendarFeed({
      calendarName: "Product Management",
      series: [seriesFactory()],
      stamp: new Date("2026-03-01T00:00:00Z"),
    });
    expect(expandWithIcalJs(text, 3)).toEqual([
      "2026-03-16T09:00:00.000Z",
      "2026-03-23T09:00:00.000Z",
      "2026-03-30T08:00:00.000Z",
    ]);
  });

  it("includes a VTIMEZONE for the ritual's zone and a stable UID", () => {
    const calendar = parse(
      calendarFeed({
        calendarName: "PM",
        series: [seriesFactory()],
        stamp: new Date("2026-03-01T00:00:00Z"),
      }),
    );
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe(
      "Europe/London",
    );
    expect(calendar.getFirstSubcomponent("vevent")?.getFirstPropertyValue("uid")).toBe(
      seriesUid("r1"),
    );
  });

  it("leaves out a cancelled occurrence with EXDATE and bumps SEQUENCE", () => {
    const text = calendarFeed({
      calendarName: "PM",
      stamp: new Date("2026-03-01T00:00:00Z"),
      series: [
        seriesFactory({
          exceptions: [
            {
              originalDate: "2026-03-23",
              movedTo: null,
              cancelledReason: "Offsite",
              facilitatorId: null,
              sequence: 2,
            },
          ],
        }),
      ],
    });
    expect(expandWithIcalJs(text, 2)).toEqual([
      "2026-03-16T09:00:00.000Z",
      "2026-03-30T08:00:00.000Z",
    ]);
    expect(parse(text).getFirstSubcomponent("vevent")?.getFirstPropertyValue("sequence")).toBe(2);
  });

  it("publishes a moved occurrence as an override with RECURRENCE-ID", () => {
    const text = calendarFeed({
      calendarName: "PM",
      stamp: new Date("2026-03-01T00:00:00Z"),
      series: [
        seriesFactory({
          exceptions: [
            {
              originalDate: "2026-03-23",
              movedTo: { date: "2026-03-24", time: "14:00" },
              cancelledReason: null,
              facilitatorId: null,
              sequence: 1,
            },
          ],
        }),
      ],
    });
    const events = parse(text)
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v));
    const moved = events.find((e) => e.isRecurrenceException());
    expect(moved?.uid).toBe(seriesUid("r1"));
    expect(moved?.recurrenceId.toJSDate().toISOString()).toBe("2026-03-23T09:00:00.000Z");
    expect(moved?.startDate.toJSDate().toISOString()).toBe("2026-03-24T14:00:00.000Z");
  });

  it("excludes cancelled occurrences with EXDATE but not moved ones, which the override replaces", () => {
    const text = calendarFeed({
      calendarName: "PM",
      stamp: new Date("2026-03-01T00:00:00Z"),
      series: [
        seriesFactory({
          exceptions: [
            {
              originalDate: "2026-03-16",
              movedTo: null,
              cancelledReason: "Offsite",
              facilitatorId: null,
              sequence: 1,
            },
            {
              originalDate: "2026-03-23",
              movedTo: { date: "2026-03-24", time: "14:00" },
              cancelledReason: null,
              facilitatorId: null,
              sequence: 1,
            },
          ],
        }),
      ],
    });
    const events = parse(text)
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v));
    const master = events.find((e) => !e.isRecurrenceException());
    const excluded = (master?.component.getAllProperties("exdate") ?? []).flatMap((p) =>
      p.getValues().map((v) => (v as InstanceType<typeof ICAL.Time>).toJSDate().toISOString()),
    );
    expect(excluded).toEqual(["2026-03-16T09:00:00.000Z"]);
  });

  it("writes the last day of the month so ical.js puts February's session on the 28th", () => {
    const text = calendarFeed({
      calendarName: "PM",
      stamp: new Date("2026-01-01T00:00:00Z"),
      series: [
        seriesFactory({
          schedule: scheduleFactory({
            startDate: "2026-01-01",
            recurrence: { kind: "monthlyDate", day: -1 },
          }),
        }),
      ],
    });
    expect(expandWithIcalJs(text, 3).map((d) => d.slice(0, 10))).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
    ]);
  });
});

describe("occurrenceIcs", () => {
  it("is one event at the occurrence's time in its zone", () => {
    const text = occurrenceIcs({
      ritualId: "r1",
      name: "Office hours",
      description: "",
      schedule: scheduleFactory({ timeZone: "America/New_York", startTime: "10:00" }),
      exception: null,
      originalDate: "2026-03-10",
      stamp: new Date("2026-03-01T00:00:00Z"),
    });
    const event = new ICAL.Event(parse(text).getFirstSubcomponent("vevent") ?? undefined);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-10T14:00:00.000Z");
    expect(event.uid).toBe("r1-2026-03-10@practicehub.app");
  });
});
