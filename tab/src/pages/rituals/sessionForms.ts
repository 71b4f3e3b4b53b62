import type { AttendanceRequest, Occurrence } from "@practice-hub/shared";

/** What the facilitator's attendance record holds while it is filled in. */
export interface AttendanceDraft {
  attendeeIds: string[];
  notes: string;
  recordingUrl: string;
}

/**
 * The record as it opens: what was saved, or else the people who said they were going (most of
 * them came), no notes and no link.
 */
export function attendanceDraftOf(occurrence: Occurrence): AttendanceDraft {
  const saved = occurrence.attendance;
  return {
    attendeeIds:
      saved?.attendeeIds ??
      occurrence.responses.filter((r) => r.response === "going").map((r) => r.person.id),
    notes: saved?.notes ?? "",
    recordingUrl: saved?.recordingUrl ?? "",
  };
}

/** Ticks or unticks one attendee. */
export function withAttendee(draft: AttendanceDraft, id: string, attended: boolean) {
  const others = draft.attendeeIds.filter((a) => a !== id);
  return { ...draft, attendeeIds: attended ? [...others, id] : others };
}

/** The record to send: an empty link is no link. */
export function attendanceRequestOf(draft: AttendanceDraft): AttendanceRequest {
  const link = draft.recordingUrl.trim();
  return { attendeeIds: draft.attendeeIds, notes: draft.notes, recordingUrl: link || null };
}

/**
 * Who can be ticked as attending, by id: everyone who answered, and the facilitator, each once.
 */
export function sessionPeople(occurrence: Occurrence): Map<string, string> {
  const people = new Map(occurrence.responses.map((r) => [r.person.id, r.person.displayName]));
  if (occurrence.facilitator) {
    people.set(occurrence.facilitator.person.id, occurrence.facilitator.person.displayName);
  }
  return people;
}
