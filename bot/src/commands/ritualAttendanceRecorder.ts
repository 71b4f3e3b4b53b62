import { concentrationWindow, type Occurrence } from "@practice-hub/shared";
import { badRequest } from "../errors";
import { authorize, can, type Viewer } from "../policies";
import { presentOccurrenceRow } from "../presenters/rituals";
import type { Store } from "../store";
import { ritualOccurrenceWriter } from "./ritualOccurrenceWriter";

/**
 * Records who came, notes and a recording link after a session, and moves the rotation on: the
 * facilitator's last session and the series' recent sessions are updated in the same
 * transaction. Only the session's facilitator (assigned or recorded) or a champion may record.
 */
export async function ritualAttendanceRecorder(props: {
  store: Store;
  viewer: Viewer;
  communityId: string;
  ritualId: string;
  originalDate: string;
  attendeeIds: string[];
  notes: string;
  recordingUrl: string | null;
  ifMatch: string;
  now: Date;
}): Promise<Occurrence> {
  const { viewer, communityId } = props;
  const { ritual, row } = await ritualOccurrenceWriter({
    store: props.store,
    tenantId: viewer.actor.tenantId,
    communityId,
    ritualId: props.ritualId,
    originalDate: props.originalDate,
    ifMatch: props.ifMatch,
    check: ({ ritual: series, row: current }) => {
      const facilitatorId =
        current?.attendance?.facilitatorId ??
        current?.change.facilitatorId ??
        (series.volunteers.some((v) => v.id === viewer.actor.userId) ? viewer.actor.userId : null);
      authorize(viewer, "record", { kind: "ritual", communityId, facilitatorId });
      if (props.originalDate > props.now.toISOString().slice(0, 10)) {
        throw badRequest("Record attendance after the session has happened.");
      }
    },
    edit: ({ ritual: series, row: current }) => {
      const facilitatorId =
        current?.change.facilitatorId ??
        (series.volunteers.some((v) => v.id === viewer.actor.userId) ? viewer.actor.userId : null);
      const { etag: _etag, ...rest } = series;
      const ritualUpdate = facilitatorId
        ? {
            ...rest,
            lastServed: { ...series.lastServed, [facilitatorId]: props.originalDate },
            recentSessions: [
              { personId: facilitatorId, date: props.originalDate },
              ...series.recentSessions.filter((s) => s.date !== props.originalDate),
            ]
              .sort((a, b) => (a.date < b.date ? 1 : -1))
              .slice(0, concentrationWindow),
          }
        : undefined;
      return {
        row: {
          change: current?.change ?? { movedTo: null, cancelledReason: null, facilitatorId: null },
          facilitatorName: current?.facilitatorName ?? null,
          rsvps: current?.rsvps ?? {},
          attendance: {
            attendeeIds: [...new Set(props.attendeeIds)],
            notes: props.notes,
            recordingUrl: props.recordingUrl,
            facilitatorId,
            recordedAt: props.now.toISOString(),
          },
          sequence: current?.sequence ?? 0,
        },
        ...(ritualUpdate ? { ritual: ritualUpdate } : {}),
      };
    },
  });
  const schedules = can(viewer, "schedule", { kind: "ritual", communityId });
  return presentOccurrenceRow(ritual, row, row.originalDate, viewer.actor.userId, schedules);
}
