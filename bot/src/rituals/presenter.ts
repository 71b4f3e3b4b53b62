import type {
  Occurrence,
  OccurrencesResponse,
  Ritual,
  RitualAction,
  RsvpResponse,
  ScheduledOccurrence,
} from "@practice-hub/shared";
import { nobody, occurrenceActions, type OccurrenceViewer } from "../policies/occurrenceActions";
import type { OccurrenceEntity, RitualEntity } from "../store";
import { calendarSignals, creditedFacilitator, occurrenceOnDate, planCalendar } from "./calendar";

/** A ritual as the tab sees it. */
export function presentRitual(entity: RitualEntity): Ritual {
  return {
    id: entity.ritualId,
    ...entity.fields,
    volunteers: entity.volunteers,
    createdAt: entity.createdAt,
    etag: entity.etag,
  };
}

/** The ETag of an occurrence nobody has changed or answered yet (If-Match inserts then). */
export const untouchedOccurrenceEtag = 'W/"untouched"';

/** RSVP counts of an occurrence row. */
export function rsvpCounts(row: OccurrenceEntity | null): Occurrence["rsvpCounts"] {
  const counts = { going: 0, maybe: 0, notGoing: 0 };
  for (const entry of Object.values(row?.rsvps ?? {})) counts[entry.response] += 1;
  return counts;
}

/**
 * One occurrence as the tab sees it. `facilitatorId` is who runs it: recorded after the session,
 * assigned by an exception, or chosen by the rotation.
 */
export function presentOccurrence(props: {
  ritual: RitualEntity;
  occurrence: ScheduledOccurrence;
  row: OccurrenceEntity | null;
  facilitator: Occurrence["facilitator"];
  viewerId: string;
  /** The viewer is a champion of the community. */
  viewerSchedules: boolean;
}): Occurrence {
  const { ritual, occurrence, row, viewerId } = props;
  const open = occurrence.status !== "cancelled" && !row?.attendance;
  const swapRequestedBy = open ? (row?.swapRequest?.requestedBy ?? null) : null;
  const volunteerIds = ritual.volunteers.map((v) => v.id);
  const actions = occurrenceActions(
    { userId: viewerId, schedules: props.viewerSchedules },
    {
      open,
      facilitatorId: props.facilitator?.person.id ?? null,
      creditedFacilitatorId: () => creditedFacilitator(ritual, row, occurrence.originalDate),
      swapRequesterId: swapRequestedBy?.id ?? null,
      volunteerIds,
    },
  );
  return {
    ritualId: ritual.ritualId,
    ritualName: ritual.fields.name,
    segment: ritual.fields.segment,
    originalDate: occurrence.originalDate,
    start: occurrence.start.toISOString(),
    end: occurrence.end.toISOString(),
    timeZone: ritual.fields.schedule.timeZone,
    status: occurrence.status,
    cancelledReason: occurrence.cancelledReason,
    facilitator: props.facilitator,
    rsvpCounts: rsvpCounts(row),
    myRsvp: (row?.rsvps[viewerId]?.response ?? null) as RsvpResponse | null,
    responses: Object.entries(row?.rsvps ?? {}).map(([id, entry]) => ({
      person: { id, displayName: entry.displayName },
      response: entry.response,
    })),
    canRecord: actions.canRecord,
    swapRequestedBy,
    canAskForSwap: actions.canAskForSwap,
    canTakeSwap: actions.canTakeSwap,
    viewerVolunteers: volunteerIds.includes(viewerId),
    attendance: row?.attendance
      ? {
          count: row.attendance.attendeeIds.length,
          attendeeIds: row.attendance.attendeeIds,
          notes: row.attendance.notes,
          recordingUrl: row.attendance.recordingUrl,
        }
      : null,
    etag: row?.etag ?? untouchedOccurrenceEtag,
  };
}

/**
 * The calendar between `from` and `to`: every series expanded with its exceptions, the
 * facilitator of each occurrence (past: who was recorded or assigned; upcoming: the fair
 * rotation, planned forward from now so it moves on from one session to the next), RSVP counts,
 * the warnings, and the viewer's protected time in the current month whatever range is shown
 * (`rows` must cover that month too). The planning is `planCalendar`'s; this maps it.
 */
export function presentCalendar(props: {
  rituals: RitualEntity[];
  rows: OccurrenceEntity[];
  from: Date;
  to: Date;
  now: Date;
  viewerId: string;
  allowedActions: RitualAction[];
}): OccurrencesResponse {
  const viewerSchedules = props.allowedActions.includes("schedule");
  const planned = planCalendar(props);
  return {
    occurrences: planned.map((p) =>
      presentOccurrence({ ...p, viewerId: props.viewerId, viewerSchedules }),
    ),
    ...calendarSignals({
      ...props,
      planned: { from: props.from, to: props.to, occurrences: planned },
    }),
    allowedActions: props.allowedActions,
  };
}

/**
 * One occurrence from its series and row alone (answers to writes): the facilitator shown is the
 * one recorded or assigned, since the rotation needs the whole calendar, unless the caller read
 * the calendar and passes the rotation's `knownFacilitator`.
 */
export function presentOccurrenceRow(
  ritual: RitualEntity,
  row: OccurrenceEntity | null,
  originalDate: string | undefined = row?.originalDate,
  viewer: OccurrenceViewer = nobody,
  knownFacilitator: Occurrence["facilitator"] = null,
): Occurrence {
  const occurrence = occurrenceOnDate(ritual, row, originalDate ?? "");
  const facilitatorId = row?.attendance?.facilitatorId ?? row?.change.facilitatorId ?? null;
  const names = new Map(ritual.volunteers.map((v) => [v.id, v.displayName]));
  return presentOccurrence({
    ritual,
    occurrence,
    row,
    facilitator: facilitatorId
      ? knownFacilitator?.person.id === facilitatorId
        ? knownFacilitator
        : {
            person: {
              id: facilitatorId,
              displayName: names.get(facilitatorId) ?? row?.facilitatorName ?? "",
            },
            source: "assigned",
            lastServedDate: null,
          }
      : knownFacilitator,
    viewerId: viewer.userId,
    viewerSchedules: viewer.schedules,
  });
}
