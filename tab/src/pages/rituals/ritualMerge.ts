import type { Ritual, RitualInput } from "@practice-hub/shared";
import { reminderLabel, scheduleSummary } from "./calendarView";

/** One form field whose value in the form differs from the version saved meanwhile. */
export interface FieldDifference {
  label: string;
  saved: string;
  yours: string;
}

const reminders = (offsets: readonly number[] | undefined) =>
  offsets && offsets.length > 0
    ? [...offsets]
        .sort((a, b) => b - a)
        .map(reminderLabel)
        .join(", ")
    : "none";

/**
 * The ritual form's fields where what the person typed (`yours`) differs from the version someone
 * saved while they were editing, in the form's order and as the form words them. A stale save
 * lists these so the person can keep their value or take the saved one without losing work.
 */
export function ritualDifferences(saved: Ritual, yours: RitualInput): FieldDifference[] {
  const fields: [label: string, saved: string, yours: string][] = [
    ["Name", saved.name, yours.name.trim()],
    ["Schedule", scheduleSummary(saved.schedule), scheduleSummary(yours.schedule)],
    ["Starting on", saved.schedule.startDate, yours.schedule.startDate],
    ["Minutes", String(saved.schedule.durationMinutes), String(yours.schedule.durationMinutes)],
    ["Segment", saved.segment ?? "everyone", yours.segment ?? "everyone"],
    ["Reminders", reminders(saved.reminderOffsetsMinutes), reminders(yours.reminderOffsetsMinutes)],
  ];
  return fields
    .filter(([, a, b]) => a !== b)
    .map(([label, savedValue, yoursValue]) => ({ label, saved: savedValue, yours: yoursValue }));
}

/** "Name: saved 'Book club', yours 'Reading circle'". */
export function differenceSentence(difference: FieldDifference): string {
  return `${difference.label}: saved '${difference.saved}', yours '${difference.yours}'`;
}
