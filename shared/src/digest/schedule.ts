import type { DigestDay, DigestSettings } from "../api/digest";
import { addDays, instantOf, wallClockOf } from "../rituals/zones";

const dayIndex: Record<DigestDay, number> = {
  monday: 0,
  tuesday: 1,
  wednesday: 2,
  thursday: 3,
  friday: 4,
  saturday: 5,
  sunday: 6,
};

/**
 * When the recipient's digest is due in the ISO week (Monday to Sunday, in their zone) that
 * contains `now`: their chosen weekday and time, in their zone, across DST changes (a time the
 * clocks skip or repeat is read as `instantOf` reads it).
 */
export function digestSlotOfWeek(settings: DigestSettings, now: Date): Date {
  const today = wallClockOf(now, settings.timeZone);
  const day = addDays(today.date, dayIndex[settings.day] - (today.isoWeekday - 1));
  return instantOf(day, settings.time, settings.timeZone);
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
