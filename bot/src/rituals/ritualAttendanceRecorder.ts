import { concentrationWindow, type Occurrence } from "@practice-hub/shared";
import { badRequest } from "../errors";
import { authorize, type Viewer } from "../policies";
import { creditedFacilitator } from "./calendar";
import { occurrenceViewerOf } from "../policies/occurrenceActions";
import { presentOccurrenceRow } from "./presenter";
import type { Store } from "../store";
import { ritualOccurrenceWriter } from "./ritualOccurrenceWriter";

/**
 * Records who came, notes and a recording link after a session, and moves the rotation on: the
 * facilitator's last session and the series' recent sessions are updated in the same
 * transaction. The facilitator credited is decided once and is the same person the permission
 * check uses; only they or a champion may record.
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
  const { viewer, communityId, originalDate } = props;
  let facilitatorId: string | null = null;
  const { ritual, row } = await ritualOccurrenceWriter({
    store: props.store,
    tenantId: viewer.actor.tenantId,
    communityId,
    ritualId: props.ritualId,
    originalDate,
    ifMatch: props.ifMatch,
    check: ({ ritual: series, row: current }) => {
      facilitatorId = creditedFacilitator(series, current, originalDate);
      authorize(viewer, "record", { kind: "ritual", communityId, facilitatorId });
      // The end of the session as it happens (a move applied), against the instant now: a
      // planned local date against today's UTC date is wrong on both sides of midnight.
      const { end } = presentOccurrenceRow(series, current, originalDate);
      if (Date.parse(end) > props.now.getTime()) {
        throw badRequest("Record attendance after the session has ended.");
      }
    },
    edit: ({ ritual: series }) => {
      const { etag: _etag, ...rest } = series;
      const stored = facilitatorId ? series.lastServed[facilitatorId] : undefined;
      const ritualUpdate = facilitatorId
        ? {
            ...rest,
            // Recording an older session afterwards must not make a recent facilitator look
            // rested: keep the later date.
            lastServed: {
              ...series.lastServed,
              [facilitatorId]:
                stored !== undefined && stored > originalDate ? stored : originalDate,
            },
            recentSessions: [
              { personId: facilitatorId, date: originalDate },
              ...series.recentSessions.filter((s) => s.date !== originalDate),
            ]
              .sort((a, b) => (a.date < b.date ? 1 : -1))
              .slice(0, concentrationWindow),
          }
        : undefined;
      return {
        row: {
          attendance: {
            attendeeIds: [...new Set(props.attendeeIds)],
            notes: props.notes,
            recordingUrl: props.recordingUrl,
            facilitatorId,
            recordedAt: props.now.toISOString(),
          },
        },
        ...(ritualUpdate ? { ritual: ritualUpdate } : {}),
      };
    },
  });
  return presentOccurrenceRow(
    ritual,
    row,
    row.originalDate,
    occurrenceViewerOf(viewer, communityId),
  );
}
