import type { Occurrence, OccurrenceChange } from "@practice-hub/shared";
import type { OccurrenceEntity, RitualEntity } from "../store";
import { presentCalendar } from "./presenter";

const now = new Date("2026-03-09T12:00:00Z");

function ritualEntityFactory(overrides: Partial<RitualEntity> = {}): RitualEntity {
  return {
    ritualId: "r1",
    fields: {
      name: "Office hours",
      purpose: "",
      agenda: "",
      templateId: null,
      segment: null,
      schedule: {
        startDate: "2021-03-15",
        startTime: "10:00",
        durationMinutes: 30,
        timeZone: "Europe/London",
        recurrence: { kind: "weekly", interval: 1, weekday: "MO" },
        until: null,
      },
      reminderOffsetsMinutes: [15],
    },
    volunteers: ["ana", "ben", "cai", "dev"].map((id) => ({ id, displayName: id, awayDates: [] })),
    lastServed: { ben: "2026-03-02", ana: "2026-02-23" },
    recentSessions: [],
    communityCreatedAt: "2021-01-01T00:00:00.000Z",
    createdAt: "2021-01-01T00:00:00.000Z",
    sequence: 0,
    etag: 'W/"1"',
    ...overrides,
  };
}

function occurrenceRowFactory(originalDate: string, change: Partial<OccurrenceChange>) {
  const row: OccurrenceEntity = {
    ritualId: "r1",
    originalDate,
    change: { movedTo: null, cancelledReason: null, facilitatorId: null, ...change },
    facilitatorName: change.facilitatorId ?? null,
    rsvps: {},
    attendance: null,
    swapRequest: null,
    sequence: 0,
    etag: 'W/"row"',
  };
  return row;
}

const facilitators = (occurrences: Occurrence[]) =>
  occurrences.map((o) => `${o.originalDate} ${o.facilitator?.person.id ?? "-"}`);

function calendar(from: string, to: string, ritual: RitualEntity, rows: OccurrenceEntity[]) {
  return presentCalendar({
    rituals: [ritual],
    rows,
    from: new Date(from),
    to: new Date(to),
    now,
    viewerId: "ana",
    allowedActions: ["read"],
  }).occurrences;
}

describe("presentCalendar", () => {
  it("names the same facilitators for a range years ahead as a calendar read from today through it", () => {
    // Away days, a cancellation, a move and a named facilitator before the range all change
    // whose turn it is later on: the rotation must still step through them.
    const ritual = ritualEntityFactory({
      volunteers: [
        { id: "ana", displayName: "Ana", awayDates: ["2027-05-03", "2029-01-01"] },
        { id: "ben", displayName: "Ben", awayDates: ["2028-07-10"] },
        { id: "cai", displayName: "Cai", awayDates: [] },
        { id: "dev", displayName: "Dev", awayDates: ["2030-11-25"] },
      ],
    });
    const rows = [
      occurrenceRowFactory("2026-06-01", { cancelledReason: "Offsite" }),
      occurrenceRowFactory("2027-09-06", { movedTo: { date: "2027-09-08", time: "15:00" } }),
      occurrenceRowFactory("2029-04-02", { facilitatorId: "dev" }),
      occurrenceRowFactory("2031-01-06", { facilitatorId: "cai" }),
    ];
    const far = calendar("2030-12-01T00:00:00Z", "2031-03-09T00:00:00Z", ritual, rows);
    const throughIt = calendar("2026-03-09T12:00:00Z", "2031-03-09T00:00:00Z", ritual, rows);
    const range = throughIt.filter((o) => o.start >= "2030-12-01");

    expect(far).toHaveLength(14);
    expect(facilitators(far)).toEqual(facilitators(range));
    expect(far.find((o) => o.originalDate === "2031-01-06")?.facilitator).toMatchObject({
      person: { id: "cai" },
      source: "assigned",
    });
  });

  it("plans the next sessions from the history, people who never ran one first", () => {
    const ritual = ritualEntityFactory();
    const next = calendar("2026-03-10T00:00:00Z", "2026-04-07T00:00:00Z", ritual, []);
    expect(facilitators(next)).toEqual([
      "2026-03-16 cai",
      "2026-03-23 dev",
      "2026-03-30 ana",
      "2026-04-06 ben",
    ]);
  });

  it("counts the viewer's minutes this month in sessions they go to or attended, not cancelled ones", () => {
    const ritual = ritualEntityFactory();
    const going = { ana: { response: "going" as const, displayName: "Ana", seat: 0, etag: "e" } };
    const rows = [
      { ...occurrenceRowFactory("2026-03-02", {}), rsvps: going },
      {
        ...occurrenceRowFactory("2026-03-09", {}),
        attendance: {
          attendeeIds: ["ana"],
          notes: "",
          recordingUrl: null,
          facilitatorId: "ben",
          recordedAt: "2026-03-09T11:00:00.000Z",
        },
      },
      { ...occurrenceRowFactory("2026-03-16", { cancelledReason: "Offsite" }), rsvps: going },
      { ...occurrenceRowFactory("2026-04-06", {}), rsvps: going },
    ];

    const { protectedTime } = presentCalendar({
      rituals: [ritual],
      rows,
      from: new Date("2030-12-01T00:00:00Z"),
      to: new Date("2031-03-09T00:00:00Z"),
      now,
      viewerId: "ana",
      allowedActions: ["read"],
    });

    expect(protectedTime.usedMinutes).toBe(60);
  });
});
