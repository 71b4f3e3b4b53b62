import type { DigestDay, DigestSettings } from "../api/digest";

const dayIndex: Record<DigestDay, number> = {
  monday: 0,
  tuesday: 1,
  wednesday: 2,
  thursday: 3,
  friday: 4,
  saturday: 5,
  sunday: 6,
};

/** Wall-clock fields of `instant` in `timeZone`. */
function wallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - instant.getTime();
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a DST jump resolves to the
 * same wall time in the new offset (an hour later); a repeated one to its first occurrence.
 */
function zonedInstant(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = asUtc - offsetMs(new Date(asUtc), timeZone);
  const second = asUtc - offsetMs(new Date(first), timeZone);
  return new Date(Math.min(first, second));
}

/**
 * When the recipient's digest is due in the ISO week (Monday to Sunday, in their zone) that
 * contains `now`: their chosen weekday and time, in their zone, across DST changes.
 */
export function digestSlotOfWeek(settings: DigestSettings, now: Date): Date {
  const today = wallClock(now, settings.timeZone);
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day));
  const mondayOffset = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - mondayOffset + dayIndex[settings.day]);
  const [hour, minute] = settings.time.split(":").map(Number);
  return zonedInstant(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: hour ?? 9,
      minute: minute ?? 0,
    },
    settings.timeZone,
  );
}

/**
 * The recipient's slot when it falls in the scheduler's window (since, now], else null. The window
 * may span a week boundary after a long outage, so both weeks' slots are checked. Callers key the
 * digest by the slot's ISO week, not the tick's: a Sunday 23:59 slot caught by Monday's first tick
 * still belongs to the week that just ended, and next week's digest keeps its own key.
 */
export function dueDigestSlot(settings: DigestSettings, since: Date, now: Date): Date | null {
  const slots = [digestSlotOfWeek(settings, now), digestSlotOfWeek(settings, since)];
  return (
    slots.find((slot) => slot.getTime() > since.getTime() && slot.getTime() <= now.getTime()) ??
    null
  );
}
