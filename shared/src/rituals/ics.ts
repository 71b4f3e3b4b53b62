import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { OccurrenceException } from "./exceptions";
import { firstOccurrenceDate, rruleLine, type Schedule } from "./recurrence";
import { addDays, type LocalDate, type LocalTime } from "./zones";

/**
 * Calendar files (RFC 5545) for the ritual calendar, written with ical-generator: times carry
 * the ritual's TZID with a VTIMEZONE block (from timezones-ical-library), so calendar apps keep a
 * 09:00 London session at 09:00 across daylight-saving changes, exactly as `expandSchedule` does.
 */

/** One ritual series as the feed publishes it. */
export interface IcsSeries {
  ritualId: string;
  name: string;
  description: string;
  schedule: Schedule;
  /** Bumped whenever the series changes, so calendar apps replace their copy. */
  sequence: number;
  exceptions: readonly (OccurrenceException & { sequence: number })[];
}

/** The host part of every UID: stable, so a re-download updates events instead of adding them. */
export const icsUidDomain = "practicehub.app";

/** The UID of a series (and of its moved occurrences, told apart by RECURRENCE-ID). */
export function seriesUid(ritualId: string): string {
  return `${ritualId}@${icsUidDomain}`;
}

/** A local date-time for ical-generator: without an offset it is written as is with the TZID. */
function local(date: LocalDate, time: LocalTime): string {
  return `${date}T${time}:00`;
}

function endOf(date: LocalDate, time: LocalTime, minutes: number): string {
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const total = hh * 60 + mm + minutes;
  const endDate = addDays(date, Math.floor(total / (24 * 60)));
  const rest = total % (24 * 60);
  const endTime = `${String(Math.floor(rest / 60)).padStart(2, "0")}:${String(rest % 60).padStart(2, "0")}`;
  return local(endDate, endTime);
}

/** RFC 5545 local date-time "20260330T090000" for EXDATE. */
function basicLocal(date: LocalDate, time: LocalTime): string {
  return `${date.replace(/-/g, "")}T${time.replace(":", "")}00`;
}

function newCalendar(name: string) {
  const calendar = ical({
    name,
    prodId: { company: "Practice Hub", product: "Ritual calendar", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
  });
  // No calendar-wide zone: each event names its own, and DTSTAMP stays in UTC.
  calendar.timezone({
    name: null,
    generator: (zone) => {
      const block = tzlib_get_ical_block(zone);
      return Array.isArray(block) ? (block[0] ?? null) : null;
    },
  });
  return calendar;
}

/**
 * The subscription feed of a community: one VEVENT per series with its RRULE, EXDATEs for
 * cancelled occurrences, and one more VEVENT (same UID, RECURRENCE-ID) per move. A moved
 * occurrence gets no EXDATE: RFC 5545 clients (Google, Apple) drop an instance that is both
 * excluded and overridden, so the move would vanish from their calendars.
 */
export function calendarFeed(props: {
  calendarName: string;
  series: readonly IcsSeries[];
  stamp: Date;
}): string {
  const calendar = newCalendar(props.calendarName);
  for (const series of props.series) {
    const { schedule } = series;
    const first = firstOccurrenceDate(schedule);
    if (first === null) continue;
    const rule = rruleLine(schedule);
    const skipped = series.exceptions
      .filter((e) => e.cancelledReason !== null)
      .map((e) => basicLocal(e.originalDate, schedule.startTime));
    const sequence = Math.max(series.sequence, ...series.exceptions.map((e) => e.sequence));
    calendar.createEvent({
      id: seriesUid(series.ritualId),
      sequence,
      stamp: props.stamp,
      start: local(first, schedule.startTime),
      end: endOf(first, schedule.startTime, schedule.durationMinutes),
      timezone: schedule.timeZone,
      summary: series.name,
      description: series.description,
      ...(rule
        ? {
            repeating:
              `RRULE:${rule}` +
              (skipped.length > 0
                ? `\r\nEXDATE;TZID=${schedule.timeZone}:${skipped.join(",")}`
                : ""),
          }
        : {}),
    });
    for (const exception of series.exceptions) {
      if (!exception.movedTo || exception.cancelledReason !== null) continue;
      calendar.createEvent({
        id: seriesUid(series.ritualId),
        sequence: exception.sequence,
        stamp: props.stamp,
        recurrenceId: local(exception.originalDate, schedule.startTime),
        start: local(exception.movedTo.date, exception.movedTo.time),
        end: endOf(exception.movedTo.date, exception.movedTo.time, schedule.durationMinutes),
        timezone: schedule.timeZone,
        summary: series.name,
        description: series.description,
      });
    }
  }
  return calendar.toString();
}

/** One occurrence as a standalone .ics download (its own stable UID). */
export function occurrenceIcs(props: {
  ritualId: string;
  name: string;
  description: string;
  schedule: Schedule;
  exception: (OccurrenceException & { sequence: number }) | null;
  originalDate: LocalDate;
  stamp: Date;
}): string {
  const { schedule, exception } = props;
  const date = exception?.movedTo?.date ?? props.originalDate;
  const time = exception?.movedTo?.time ?? schedule.startTime;
  const calendar = newCalendar(props.name);
  calendar.createEvent({
    id: `${props.ritualId}-${props.originalDate}@${icsUidDomain}`,
    sequence: exception?.sequence ?? 0,
    stamp: props.stamp,
    start: local(date, time),
    end: endOf(date, time, schedule.durationMinutes),
    timezone: schedule.timeZone,
    summary: props.name,
    description: props.description,
    ...(exception?.cancelledReason ? { status: ICalEventStatus.CANCELLED } : {}),
  });
  return calendar.toString();
}
