import type { Occurrence } from "@practice-hub/shared";
import {
  attendanceDraftOf,
  attendanceRequestOf,
  sessionPeople,
  withAttendee,
} from "./sessionForms";

const ana = { id: "ana", displayName: "Ana Champion" };
const ben = { id: "ben", displayName: "Ben Member" };
const cai = { id: "cai", displayName: "Cai Lead" };

function occurrenceFactory(overrides: Partial<Occurrence> = {}): Occurrence {
  return {
    ritualId: "r1",
    ritualName: "Office hours",
    segment: null,
    originalDate: "2026-03-25",
    start: "2026-03-25T12:00:00.000Z",
    end: "2026-03-25T12:30:00.000Z",
    timeZone: "Europe/London",
    status: "scheduled",
    cancelledReason: null,
    facilitator: null,
    rsvpCounts: { going: 1, maybe: 1, notGoing: 0 },
    myRsvp: null,
    responses: [
      { person: ana, response: "going" },
      { person: ben, response: "maybe" },
    ],
    canRecord: true,
    swapRequestedBy: null,
    canAskForSwap: false,
    canTakeSwap: false,
    viewerVolunteers: false,
    attendance: null,
    etag: 'W/"1"',
    ...overrides,
  };
}

describe("the attendance record", () => {
  it("opens with the people who said they were going when nothing is saved yet", () => {
    expect(attendanceDraftOf(occurrenceFactory())).toEqual({
      attendeeIds: ["ana"],
      notes: "",
      recordingUrl: "",
    });
  });

  it("opens with what was saved", () => {
    const saved = { count: 1, attendeeIds: ["ben"], notes: "Good", recordingUrl: null };
    expect(attendanceDraftOf(occurrenceFactory({ attendance: saved }))).toEqual({
      attendeeIds: ["ben"],
      notes: "Good",
      recordingUrl: "",
    });
  });

  it("ticks each attendee once and unticks them", () => {
    const draft = attendanceDraftOf(occurrenceFactory());
    expect(withAttendee(draft, "ana", true).attendeeIds).toEqual(["ana"]);
    expect(withAttendee(draft, "ben", true).attendeeIds).toEqual(["ana", "ben"]);
    expect(withAttendee(draft, "ana", false).attendeeIds).toEqual([]);
  });

  it("sends an empty or blank recording link as none", () => {
    const draft = { attendeeIds: ["ana"], notes: "n", recordingUrl: "  " };
    expect(attendanceRequestOf(draft).recordingUrl).toBeNull();
    expect(
      attendanceRequestOf({ ...draft, recordingUrl: " https://example.org/r " }).recordingUrl,
    ).toBe("https://example.org/r");
  });

  it("offers everyone who answered and the facilitator, each once", () => {
    const facilitator = { person: cai, source: "rotation" as const, lastServedDate: null };
    const people = sessionPeople(occurrenceFactory({ facilitator }));
    expect([...people.entries()]).toEqual([
      ["ana", "Ana Champion"],
      ["ben", "Ben Member"],
      ["cai", "Cai Lead"],
    ]);
  });
});
