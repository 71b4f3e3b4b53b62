import {
  addDays,
  concentrationWindow,
  facilitationIsConcentrated,
  facilitatorToCredit,
  isStartingBig,
  maxMoveDays,
  occurrencesBetween,
  planRotation,
  protectedTimeUse,
  runsOnOrAfter,
  rotationStepsBetween,
  wallClockOf,
  type LocalDate,
  type Occurrence,
  type OccurrenceException,
  type OccurrencesResponse,
  type Ritual,
  type RitualAction,
  type RsvpResponse,
  type ScheduledOccurrence,
  type ServedRecord,
} from "@practice-hub/shared";
import type { OccurrenceEntity, RitualEntity } from "../store";

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

function exceptionOf(row: OccurrenceEntity): OccurrenceException {
  return { originalDate: row.originalDate, ...row.change };
}

interface Planned {
  ritual: RitualEntity;
  occurrence: ScheduledOccurrence;
  row: OccurrenceEntity | null;
}

/** The whole history the rotation and the concentration signal know about. */
function historyOf(ritual: RitualEntity): ServedRecord[] {
  return Object.entries(ritual.lastServed).map(([personId, date]) => ({ personId, date }));
}

/**
 * Who is credited with a past session (recorded, else assigned, else the rotation's pick that
 * day): ritualAttendanceRecorder checks and writes this person, and `canRecord` mirrors it.
 */
export function creditedFacilitator(
  ritual: RitualEntity,
  row: OccurrenceEntity | null,
  date: LocalDate,
): string | null {
  return facilitatorToCredit({
    named: row?.attendance?.facilitatorId ?? row?.change.facilitatorId ?? null,
    volunteers: ritual.volunteers.map((v) => ({ personId: v.id, awayDates: v.awayDates })),
    history: [...historyOf(ritual), ...ritual.recentSessions],
    date,
  });
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
  // Mirrors ritualAttendanceRecorder's check; the service enforces it.
  const canRecord =
    props.viewerSchedules ||
    (viewerId !== "" && creditedFacilitator(ritual, row, occurrence.originalDate) === viewerId);
  // Mirror ritualSwapRequester's and ritualSwapAccepter's checks; the service enforces them.
  const viewerVolunteers = ritual.volunteers.some((v) => v.id === viewerId);
  const open = occurrence.status !== "cancelled" && !row?.attendance;
  const swapRequestedBy = open ? (row?.swapRequest?.requestedBy ?? null) : null;
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
    canRecord,
    swapRequestedBy,
    canAskForSwap: open && swapRequestedBy === null && props.facilitator?.person.id === viewerId,
    canTakeSwap: swapRequestedBy !== null && viewerVolunteers && swapRequestedBy.id !== viewerId,
    viewerVolunteers,
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
 * Every occurrence starting in [from, to), each presented for the viewer. Only the range is
 * expanded and placed in time; the rotation, which plans forward from now, is moved past the
 * sessions between now and a later range in counted runs (see `rotationStepsBetween`).
 */
function calendarOccurrences(props: {
  rituals: RitualEntity[];
  rows: OccurrenceEntity[];
  from: Date;
  to: Date;
  now: Date;
  viewerId: string;
  allowedActions: RitualAction[];
}): Occurrence[] {
  const { from, to, now } = props;
  const rowsByKey = new Map(props.rows.map((row) => [`${row.ritualId}|${row.originalDate}`, row]));
  const exceptionsByRitual = new Map<string, OccurrenceException[]>();
  for (const row of props.rows) {
    exceptionsByRitual.set(row.ritualId, [
      ...(exceptionsByRitual.get(row.ritualId) ?? []),
      exceptionOf(row),
    ]);
  }
  const result: Occurrence[] = [];

  for (const ritual of props.rituals) {
    const { schedule } = ritual.fields;
    const exceptions = exceptionsByRitual.get(ritual.ritualId) ?? [];
    const planned: Planned[] = occurrencesBetween(schedule, exceptions, from, to).map(
      (occurrence) => ({
        ritual,
        occurrence,
        row: rowsByKey.get(`${ritual.ritualId}|${occurrence.originalDate}`) ?? null,
      }),
    );
    const names = new Map(ritual.volunteers.map((v) => [v.id, v.displayName]));
    const volunteers = ritual.volunteers.map((v) => ({ personId: v.id, awayDates: v.awayDates }));
    const history = historyOf(ritual);
    const beforeRange =
      from.getTime() > now.getTime()
        ? rotationStepsBetween({
            schedule,
            exceptions,
            from: now,
            to: from,
            pinnedDates: volunteers.flatMap((v) => v.awayDates),
            runTail: volunteers.length,
            listThrough: history.reduce<string | null>(
              (latest, { date }) => (latest === null || date > latest ? date : latest),
              null,
            ),
          })
        : [];
    const upcoming = planned.filter(
      (p) => p.occurrence.start.getTime() >= now.getTime() && p.occurrence.status !== "cancelled",
    );
    const choices = planRotation(
      volunteers,
      history,
      upcoming.map((p) => ({
        date: wallClockOf(p.occurrence.start, schedule.timeZone).date,
        facilitatorId: p.occurrence.facilitatorOverrideId,
      })),
      beforeRange,
    );
    const facilitatorOf = new Map<Planned, Occurrence["facilitator"]>();
    upcoming.forEach((p, index) => {
      const choice = choices[index];
      if (!choice) return;
      const assigned = p.occurrence.facilitatorOverrideId !== null;
      const displayName = assigned
        ? (p.row?.facilitatorName ?? names.get(choice.personId) ?? "")
        : (names.get(choice.personId) ?? "");
      facilitatorOf.set(p, {
        person: { id: choice.personId, displayName },
        source: assigned ? "assigned" : "rotation",
        lastServedDate: choice.lastServedDate,
      });
    });

    for (const p of planned) {
      const pastId = p.row?.attendance?.facilitatorId ?? p.occurrence.facilitatorOverrideId;
      const facilitator =
        facilitatorOf.get(p) ??
        (pastId
          ? {
              person: {
                id: pastId,
                displayName: names.get(pastId) ?? p.row?.facilitatorName ?? "",
              },
              source: "assigned" as const,
              lastServedDate: null,
            }
          : null);
      result.push(
        presentOccurrence({
          ...p,
          facilitator,
          viewerId: props.viewerId,
          viewerSchedules: props.allowedActions.includes("schedule"),
        }),
      );
    }
  }
  return result.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/**
 * The planned dates of the occurrence rows that presenting [from, to) needs: the current month
 * too (protected time), everything from now on (the rotation plans forward from now, so an
 * earlier session's exception changes who runs a later one), widened by `maxMoveDays` because
 * rows are keyed by planned date and a session may have moved into the range. The occurrences
 * route and the card actions both read this window, so a card names the calendar's facilitator.
 */
export function calendarRowRange(props: { from: Date; to: Date; now: Date }): {
  fromDate: LocalDate;
  toDate: LocalDate;
} {
  const month = monthAround(props.now);
  const earliest = Math.min(props.from.getTime(), month.from.getTime(), props.now.getTime());
  const latest = Math.max(props.to.getTime(), month.to.getTime());
  return {
    fromDate: addDays(new Date(earliest).toISOString().slice(0, 10), -maxMoveDays - 1),
    toDate: addDays(new Date(latest).toISOString().slice(0, 10), maxMoveDays + 2),
  };
}

/** The first instant of the calendar month (UTC) of `now` and of the month after. */
export function monthAround(now: Date): { from: Date; to: Date } {
  return {
    from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
    to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
  };
}

/**
 * The calendar between `from` and `to`: every series expanded with its exceptions, the
 * facilitator of each occurrence (past: who was recorded or assigned; upcoming: the fair
 * rotation, planned forward from now so it moves on from one session to the next), RSVP counts,
 * the warnings, and the viewer's protected time in the current month whatever range is shown
 * (`rows` must cover that month too).
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
  const { now } = props;
  const result = calendarOccurrences(props);
  const month = monthAround(now);
  const rowsByKey = new Map(props.rows.map((row) => [`${row.ritualId}|${row.originalDate}`, row]));

  const recent = props.rituals
    .flatMap((r) => r.recentSessions)
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    .slice(0, concentrationWindow);
  const createdOn = props.rituals
    .map((r) => r.communityCreatedAt.slice(0, 10))
    .filter((d) => d !== "")
    .sort()[0];
  const today = now.toISOString().slice(0, 10);
  // Protected time needs the month's sessions and the viewer's answers, not who runs them.
  const myMinutes = props.rituals.flatMap((ritual) =>
    occurrencesBetween(
      ritual.fields.schedule,
      props.rows.filter((row) => row.ritualId === ritual.ritualId).map(exceptionOf),
      month.from,
      month.to,
    )
      .filter((o) => o.status !== "cancelled")
      .filter((o) => {
        const row = rowsByKey.get(`${ritual.ritualId}|${o.originalDate}`);
        return row?.attendance
          ? row.attendance.attendeeIds.includes(props.viewerId)
          : row?.rsvps[props.viewerId]?.response === "going";
      })
      .map((o) => (o.end.getTime() - o.start.getTime()) / 60_000),
  );

  return {
    occurrences: result,
    warnings: {
      startingBig:
        createdOn !== undefined &&
        isStartingBig({
          communityCreatedOn: createdOn,
          today,
          activeRituals: props.rituals.filter((r) => runsOnOrAfter(r.fields.schedule, today))
            .length,
        }),
      facilitationConcentrated: facilitationIsConcentrated(recent),
    },
    protectedTime: protectedTimeUse(myMinutes),
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
  viewerId = "",
  viewerSchedules = false,
  knownFacilitator: Occurrence["facilitator"] = null,
): Occurrence {
  const date = originalDate ?? "";
  const exceptions = row ? [exceptionOf(row)] : [];
  const around = (days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  const occurrence = occurrencesBetween(
    ritual.fields.schedule,
    exceptions,
    around(-30),
    around(31),
  ).find((o) => o.originalDate === date) ?? {
    originalDate: date,
    start: around(0),
    end: around(0),
    status: "scheduled" as const,
    cancelledReason: null,
    facilitatorOverrideId: null,
  };
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
    viewerId,
    viewerSchedules,
  });
}
