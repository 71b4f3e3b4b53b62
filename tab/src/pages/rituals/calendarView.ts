import {
  addDays,
  instantOf,
  wallClockOf,
  weeksSince,
  type LocalDate,
  type Occurrence,
  type OccurrencesResponse,
  type Schedule,
  type WeekdayCode,
} from "@practice-hub/shared";

/** The weeks of a month grid (Monday first) and the instants the calendar asks the API for. */
export interface MonthGrid {
  /** "2026-03": the month shown. */
  month: string;
  weeks: LocalDate[][];
  from: Date;
  to: Date;
}

/** The month grid around a month, in the viewer's zone. */
export function monthGrid(month: string, timeZone: string): MonthGrid {
  const first = `${month}-01`;
  const isoDay = ((new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const start = addDays(first, 1 - isoDay);
  const weeks: LocalDate[][] = [];
  let day = start;
  do {
    const week: LocalDate[] = [];
    for (let i = 0; i < 7; i += 1) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (day.slice(0, 7) === month);
  return {
    month,
    weeks,
    from: instantOf(start, "00:00", timeZone),
    to: instantOf(day, "00:00", timeZone),
  };
}

/** The month after (or before, with -1) "2026-03". */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const date = new Date(Date.UTC(y, m - 1 + by, 1));
  return date.toISOString().slice(0, 7);
}

/** The local date an occurrence starts on, in the viewer's zone. */
export function viewerDate(occurrence: Occurrence, timeZone: string): LocalDate {
  return wallClockOf(new Date(occurrence.start), timeZone).date;
}

/** Occurrences grouped by the viewer's local date, in start order. */
export function byViewerDate(
  occurrences: readonly Occurrence[],
  timeZone: string,
): Map<LocalDate, Occurrence[]> {
  const days = new Map<LocalDate, Occurrence[]>();
  for (const occurrence of occurrences) {
    const date = viewerDate(occurrence, timeZone);
    days.set(date, [...(days.get(date) ?? []), occurrence]);
  }
  return days;
}

/** Filters of the calendar; null shows everything. */
export interface CalendarFilters {
  ritualId: string | null;
  /** A segment name, "" for rituals of the whole community, or null for all. */
  segment: string | null;
}

/** The occurrences that pass the filters. */
export function applyFilters(
  occurrences: readonly Occurrence[],
  filters: CalendarFilters,
): Occurrence[] {
  return occurrences.filter(
    (o) =>
      (filters.ritualId === null || o.ritualId === filters.ritualId) &&
      (filters.segment === null || (o.segment ?? "") === filters.segment),
  );
}

/**
 * Why this person runs the session, in a sentence: the fair rotation explains itself ("Ana is
 * next: last facilitated 6 weeks ago") so nobody has to keep a spreadsheet of turns.
 */
export function facilitatorSentence(occurrence: Occurrence, today: LocalDate): string | null {
  const facilitator = occurrence.facilitator;
  if (!facilitator) return null;
  const name = facilitator.person.displayName || "Someone";
  if (occurrence.start.slice(0, 10) < today && occurrence.attendance) {
    return `Facilitated by ${name}.`;
  }
  if (facilitator.source === "assigned") return `${name} runs this session.`;
  if (facilitator.lastServedDate === null) {
    return `${name} is next: has not facilitated this ritual yet.`;
  }
  const weeks = weeksSince(facilitator.lastServedDate, occurrence.originalDate);
  const ago = weeks === 0 ? "earlier this week" : weeks === 1 ? "1 week ago" : `${weeks} weeks ago`;
  return `${name} is next: last facilitated ${ago}.`;
}

/** "Looking for a swap: Ana can't make it.", or null when nobody asked for one. */
export function swapSentence(occurrence: Occurrence): string | null {
  const requester = occurrence.swapRequestedBy;
  if (!requester) return null;
  return `Looking for a swap: ${requester.displayName || "the facilitator"} can't make it.`;
}

/** "1 h 30 min" from minutes. */
export function hoursAndMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The viewer's protected time this month, as a sentence. */
export function protectedTimeSentence(use: OccurrencesResponse["protectedTime"]): string {
  const budget = `${use.budgetMinutes.min / 60}-${use.budgetMinutes.max / 60} h`;
  const used = hoursAndMinutes(use.usedMinutes);
  const verdict =
    use.state === "under"
      ? "there is room for more sessions."
      : use.state === "within"
        ? "you are within your budget."
        : "that is more than your budget: consider skipping one.";
  return `This month you have ${used} of sessions against ${budget} of protected time: ${verdict}`;
}

/**
 * When a session starts, for the viewer: one time when their zone shows the same wall clock as
 * the ritual's ("Dec 3, 2026, 12:00 PM"), else their time first with the ritual's in brackets
 * ("Dec 3, 2026, 12:00 PM your time (1:00 PM in Europe/Paris)"), with the date there too when
 * it is another day in the ritual's zone.
 */
export function sessionTimeLine(props: {
  start: string;
  viewerZone: string;
  ritualZone: string;
  locale: string;
}): string {
  const { start, viewerZone, ritualZone, locale } = props;
  const instant = new Date(start);
  const format = (zone: string, withDate: boolean) => {
    try {
      return new Intl.DateTimeFormat(locale, {
        ...(withDate ? { dateStyle: "medium" as const } : {}),
        timeStyle: "short",
        timeZone: zone,
      }).format(instant);
    } catch {
      // An unknown locale or zone from the host must not break the panel.
      return instant.toISOString();
    }
  };
  const mine = format(viewerZone, true);
  if (viewerZone === ritualZone || mine === format(ritualZone, true)) return mine;
  const sameDay = wallClockOf(instant, viewerZone).date === wallClockOf(instant, ritualZone).date;
  return `${mine} your time (${format(ritualZone, !sameDay)} in ${ritualZone})`;
}

/** Reminder lead times the ritual form offers, in minutes before the start (at most four). */
export const reminderChoices = [7 * 24 * 60, 24 * 60, 60, 15] as const;

/** "1 week before", "2 days before", "1 h 30 min before", "15 min before". */
export function reminderLabel(minutes: number): string {
  const week = 7 * 24 * 60;
  const day = 24 * 60;
  if (minutes % week === 0) {
    const n = minutes / week;
    return `${n} week${n === 1 ? "" : "s"} before`;
  }
  if (minutes % day === 0) {
    const n = minutes / day;
    return `${n} day${n === 1 ? "" : "s"} before`;
  }
  return `${hoursAndMinutes(minutes)} before`;
}

/** The lead times a form lists for a ritual: the usual ones plus any it set itself, longest first. */
export function reminderOptions(current: readonly number[]): number[] {
  return [...new Set([...reminderChoices, ...current])].sort((a, b) => b - a);
}

/** Weekdays by their RRULE code, as sentences and pickers name them. */
export const weekdayNames: Record<WeekdayCode, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};

const ordinals: Record<number, string> = {
  1: "first",
  2: "second",
  3: "third",
  4: "fourth",
  5: "fifth",
  [-1]: "last",
};

/** "Every 2 weeks on Wednesday at 12:00 Europe/London, until 2026-06-30", for the ritual list. */
export function scheduleSummary(schedule: Schedule): string {
  const r = schedule.recurrence;
  const when =
    r.kind === "once"
      ? `Once on ${schedule.startDate}`
      : r.kind === "weekly"
        ? `${r.interval === 1 ? "Every week" : `Every ${r.interval} weeks`} on ${weekdayNames[r.weekday]}`
        : r.kind === "monthlyWeekday"
          ? `Monthly on the ${ordinals[r.nth] ?? ""} ${weekdayNames[r.weekday]}`
          : `Monthly on ${r.day === -1 ? "the last day" : `day ${r.day}`}`;
  const until = r.kind !== "once" && schedule.until ? `, until ${schedule.until}` : "";
  return `${when} at ${schedule.startTime} ${schedule.timeZone}${until}`;
}
