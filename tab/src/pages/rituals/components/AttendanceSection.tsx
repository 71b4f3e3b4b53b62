import { useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  Subtitle2,
  Text,
  Textarea,
} from "@fluentui/react-components";
import { ritualLimits } from "@practice-hub/shared";
import { useEnvironment } from "../../../environment";
import {
  attendanceDraftOf,
  attendanceRequestOf,
  sessionPeople,
  withAttendee,
  type AttendanceDraft,
} from "../sessionForms";
import { useSessionStyles, type SessionPartProps } from "./sessionParts";

/** After a session: what was recorded, and for the facilitator the form to record it. */
export function AttendanceSection({ occurrence: o, communityId, busy, run }: SessionPartProps) {
  const styles = useSessionStyles();
  const { api } = useEnvironment();
  const [draft, setDraft] = useState(() => attendanceDraftOf(o));
  const set = (change: Partial<AttendanceDraft>) =>
    setDraft((current) => ({ ...current, ...change }));
  const people = sessionPeople(o);
  return (
    <>
      {o.attendance && (
        <div className={styles.section}>
          <Subtitle2 as="h3">After the session</Subtitle2>
          <Text>{o.attendance.count} attended.</Text>
          {o.attendance.notes && <Text>{o.attendance.notes}</Text>}
          {o.attendance.recordingUrl && (
            <Link href={o.attendance.recordingUrl} target="_blank" rel="noreferrer">
              Watch the recording
            </Link>
          )}
        </div>
      )}
      {o.canRecord && o.status !== "cancelled" && (
        <div className={styles.section}>
          <Subtitle2 as="h3">Record the session</Subtitle2>
          <div role="group" aria-label="Who attended">
            {[...people.entries()].map(([id, name]) => (
              <Checkbox
                key={id}
                label={name}
                checked={draft.attendeeIds.includes(id)}
                onChange={(_e, d) =>
                  setDraft((current) => withAttendee(current, id, d.checked === true))
                }
              />
            ))}
          </div>
          <Field label="Notes">
            <Textarea
              value={draft.notes}
              maxLength={ritualLimits.sessionNotes}
              onChange={(_e, d) => set({ notes: d.value })}
            />
          </Field>
          <Field label="Recording link (https)">
            <Input
              type="url"
              value={draft.recordingUrl}
              maxLength={ritualLimits.recordingUrl}
              onChange={(_e, d) => set({ recordingUrl: d.value })}
            />
          </Field>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              run(
                () =>
                  api.calendar.recordAttendance({
                    communityId,
                    occurrence: o,
                    attendance: attendanceRequestOf(draft),
                  }),
                "Attendance saved.",
              )
            }
          >
            Save attendance
          </Button>
        </div>
      )}
    </>
  );
}
