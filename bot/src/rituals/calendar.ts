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
  rotationStepsBetween,
  runsOnOrAfter,
  wallClockOf,
  type LocalDate,
  type Occurrence,
  type OccurrenceException,
  type OccurrencesResponse,
  type ScheduledOccurrence,
  type ServedRecord,
} from "@practice-hub/shared";
import type { OccurrenceEntity, RitualEntity } from "../store";

/**
 * The calendar's computation: series expanded with their exceptions, who runs each session (the
 * fair rotation planned forward from now), the warnings and protected time. Presenters map what
 * this plans; they compute nothing of it.
 */

/** One planned session: its series, where it falls, its row, and who runs it. */
export interface PlannedOccurrence {
  ritual: RitualEntity;
  occurrence: ScheduledOccurrence;
  row: OccurrenceEntity | null;
  facilitator: Occurrence["facilitator"];
}

/** The exception an occurrence row carries. */
export function exceptionOf(row: OccurrenceEntity): OccurrenceException {
  return { originalDate: row.originalDate, ...row.change };
}

/** The whole history the rotation and the concentration signal know about. */
function historyOf(ritual: RitualEntity): ServedRecord[] {
  return Object.entries(ritual.lastServed).map(([personId, date]) => ({ personId, date }));
}

const rowKey = (ritualId: string, originalDate: string) => `${ritualId}|${originalDate}`;

/** The exceptions the rows carry, by series. */
function exceptionsByRitualOf(rows: OccurrenceEntity[]): Map<string, OccurrenceException[]> {
  const byRitual = new Map<string, OccurrenceException[]>();
  for (const row of rows) {
    const exceptions = byRitual.get(row.ritualId) ?? [];
    exceptions.push(exceptionOf(row));
    byRitual.set(row.ritualId, exceptions);
  }
  return byRitual;
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
 * Every occurrence starting in [from, to) with who runs it, sorted by start. Only the range is
 * expanded and placed in time; the rotation, which plans forward from now, is moved past the
 * sessions between now and a later range in counted runs (see `rotationStepsBetween`).
 */
export function planCalendar(props: {
  rituals: RitualEntity[];
  rows: OccurrenceEntity[];
  from: Date;
  to: Date;
  now: Date;
}): PlannedOccurrence[] {
  const { from, to, now } = props;
  const rowsByKey = new Map(props.rows.map((row) => [rowKey(row.ritualId, row.originalDate), row]));
  const exceptionsByRitual = exceptionsByRitualOf(props.rows);
  const result: PlannedOccurrence[] = [];

  for (const ritual of props.rituals) {
    const { schedule } = ritual.fields;
    const exceptions = exceptionsByRitual.get(ritual.ritualId) ?? [];
    const planned = occurrencesBetween(schedule, exceptions, from, to).map((occurrence) => ({
      ritual,
      occurrence,
      row: rowsByKey.get(rowKey(ritual.ritualId, occurrence.originalDate)) ?? null,
    }));
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
    const facilitatorOf = new Map<(typeof planned)[number], Occurrence["facilitator"]>();
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
      result.push({ ...p, facilitator });
    }
  }
  // By instant, not by ISO text: formatting each start in the comparator cost more than the rest.
  return result.sort((a, b) => a.occurrence.start.getTime() - b.occurrence.start.getTime());
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

/** Whether the viewer took part in (or is going to) a session, by its row. */
function viewerAttends(row: OccurrenceEntity | null | undefined, viewerId: string): boolean {
  return row?.attendance
    ? row.attendance.attendeeIds.includes(viewerId)
    : row?.rsvps[viewerId]?.response === "going";
}

/**
 * Minutes of the month's sessions the viewer attends. From the planned calendar when it covers
 * the month (the month view, the default: each series is then expanded once per request), else
 * from the month's own expansion.
 */
function protectedMinutes(props: {
  rituals: RitualEntity[];
  rows: OccurrenceEntity[];
  month: { from: Date; to: Date };
  viewerId: string;
  planned?: { from: Date; to: Date; occurrences: PlannedOccurrence[] } | undefined;
}): number[] {
  const { month, planned } = props;
  const minutesOf = (o: ScheduledOccurrence) => (o.end.getTime() - o.start.getTime()) / 60_000;
  const inMonth = (o: ScheduledOccurrence) =>
    o.start.getTime() >= month.from.getTime() && o.start.getTime() < month.to.getTime();
  if (planned && planned.from <= month.from && planned.to >= month.to) {
    return planned.occurrences
      .filter((p) => inMonth(p.occurrence) && p.occurrence.status !== "cancelled")
      .filter((p) => viewerAttends(p.row, props.viewerId))
      .map((p) => minutesOf(p.occurrence));
  }
  const rowsByKey = new Map(props.rows.map((row) => [rowKey(row.ritualId, row.originalDate), row]));
  const exceptionsByRitual = exceptionsByRitualOf(props.rows);
  return props.rituals.flatMap((ritual) =>
    occurrencesBetween(
      ritual.fields.schedule,
      exceptionsByRitual.get(ritual.ritualId) ?? [],
      month.from,
      month.to,
    )
      .filter((o) => o.status !== "cancelled")
      .filter((o) =>
        viewerAttends(rowsByKey.get(rowKey(ritual.ritualId, o.originalDate)), props.viewerId),
      )
      .map(minutesOf),
  );
}

/**
 * The calendar's warnings and the viewer's protected time in the current month, whatever range
 * is shown (`rows` must cover that month too). `planned` is the calendar planCalendar made for
 * the same request, with its range: when it covers the month, the series are not expanded again.
 */
export function calendarSignals(props: {
  rituals: RitualEntity[];
  rows: OccurrenceEntity[];
  now: Date;
  viewerId: string;
  planned?: { from: Date; to: Date; occurrences: PlannedOccurrence[] };
}): Pick<OccurrencesResponse, "warnings" | "protectedTime"> {
  const { now } = props;
  const month = monthAround(now);

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
  const myMinutes = protectedMinutes({ ...props, month });

  return {
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
  };
}

/**
 * One session of a series from its own row alone (answers to writes): where it falls, expanded
 * around its planned date, or the bare date when the series no longer has it.
 */
export function occurrenceOnDate(
  ritual: RitualEntity,
  row: OccurrenceEntity | null,
  date: string,
): ScheduledOccurrence {
  const exceptions = row ? [exceptionOf(row)] : [];
  const around = (days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return (
    occurrencesBetween(ritual.fields.schedule, exceptions, around(-30), around(31)).find(
      (o) => o.originalDate === date,
    ) ?? {
      originalDate: date,
      start: around(0),
      end: around(0),
      status: "scheduled" as const,
      cancelledReason: null,
      facilitatorOverrideId: null,
    }
  );
}
